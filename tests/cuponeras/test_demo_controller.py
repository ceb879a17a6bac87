"""Siembra de demostración de M6 (`flask seed`): contratos con facturas en cada estado, beneficio,
usuario del portal verificado y cuenta de recaudo; repetirla no duplica nada."""

from __future__ import annotations

from collections import Counter

from flask import Flask
from sqlalchemy import func, select

from models.cuponeras import Beneficio, Contrato, Cupon, EventoContrato, Factura, Pago
from services.cuponeras import demo_service
from services.tiempo_service import hoy_bogota


def _sembrar(runner) -> str:
    resultado = runner.invoke(args=["seed", "--clientes", "5"])
    assert resultado.exit_code == 0, resultado.output
    return str(resultado.output)


def _login(app: Flask, usuario: str, contrasena: str) -> dict[str, str]:
    respuesta = app.test_client().post(
        "/api/auth/login", json={"usuario": usuario, "contrasena": contrasena}
    )
    assert respuesta.status_code == 200, respuesta.json
    return {"Authorization": f"Bearer {respuesta.json['access_token']}"}


def test_la_siembra_crea_contratos_con_facturas_pagadas_vencidas_y_pendientes(
    runner, gateway
) -> None:
    salida = _sembrar(runner)
    assert "Usuario cliente@demo.co (cliente): creado." in salida
    assert "Usuario recaudo (recaudo): creado." in salida
    assert "Cuponeras: 5 contratos nuevos" in salida
    hoy = hoy_bogota()
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Contrato)) == 5
        facturas = sesion.scalars(select(Factura)).all()
        assert Counter(f.estado for f in facturas) == {"pagada": 10, "vencida": 5, "pendiente": 5}
        for factura in facturas:
            if factura.estado == "pagada":
                assert factura.saldo == 0 and factura.pagada_en is not None
            if factura.estado == "vencida":
                assert factura.fecha_vencimiento < hoy and factura.saldo == factura.valor
            if factura.estado == "pendiente":
                assert factura.fecha_vencimiento > hoy
        assert len({(f.contrato_id, f.periodo) for f in facturas}) == 20
        assert sesion.scalar(select(func.count()).select_from(Pago)) == 10
        assert {c.estado for c in sesion.scalars(select(Cupon))} == {"pagado"}
        (beneficio,) = sesion.scalars(select(Beneficio)).all()
        assert (beneficio.estado, beneficio.porcentaje, beneficio.tope) == ("disponible", 5, 50_000)
        assert beneficio.vence_en > hoy
        tipos = set(sesion.scalars(select(EventoContrato.tipo)))
    assert {"factura_emitida", "factura_vencida", "cupon_generado", "pago"} <= tipos
    assert "beneficio_otorgado" in tipos


def test_repetir_la_siembra_no_duplica_nada(runner, gateway) -> None:
    _sembrar(runner)
    with gateway.session_scope() as sesion:
        antes = [
            sesion.scalar(select(func.count()).select_from(tabla))
            for tabla in (Contrato, Factura, Cupon, Pago, Beneficio, EventoContrato)
        ]
    salida = _sembrar(runner)
    assert "Usuario cliente@demo.co (cliente): ya existía." in salida
    assert "Cuponeras: 0 contratos nuevos" in salida
    assert "beneficio de demostración ya existía" in salida
    with gateway.session_scope() as sesion:
        despues = [
            sesion.scalar(select(func.count()).select_from(tabla))
            for tabla in (Contrato, Factura, Cupon, Pago, Beneficio, EventoContrato)
        ]
    assert despues == antes


def test_el_usuario_del_portal_entra_ve_sus_contratos_paga_con_su_beneficio(
    app: Flask, runner
) -> None:
    _sembrar(runner)
    usuario = demo_service.USUARIO_PORTAL
    portal = _login(app, usuario.usuario, usuario.contrasena)
    cliente = app.test_client()
    contratos = cliente.get("/api/portal/contratos", headers=portal)
    assert contratos.status_code == 200
    assert [c["numero_contrato"] for c in contratos.json] == ["100200300", "100200301"]
    beneficios: list[dict[str, str]] = cliente.get("/api/portal/beneficios", headers=portal).json
    (beneficio,) = beneficios
    cupon = cliente.post(
        "/api/contratos/100200300/cupones", json={"beneficio": beneficio["codigo"]}, headers=portal
    )
    assert cupon.status_code == 201, cupon.json
    assert cupon.json["descuento"] > 0
    assert len(cupon.json["facturas"]) == 2  # la vencida y la pendiente
    # La cuenta de recaudo registra el pago; el titular lo ve en su historial.
    recaudo = _login(app, demo_service.USUARIO_RECAUDO.usuario, "Recaudo-Demo-2026")
    pago = cliente.post(
        "/api/pagos",
        json={
            "numero_cupon": cupon.json["numero"],
            "valor": cupon.json["valor"],
            "canal": "banco",
            "referencia": "TX-DEMO-1",
        },
        headers=recaudo,
    )
    assert pago.status_code == 200, pago.json
    historial = cliente.get("/api/contratos/100200300/historial", headers=portal).json
    assert historial[0]["tipo"] in ("pago", "beneficio_usado")
    # Lo de otro cliente no lo ve.
    ajeno = cliente.get("/api/contratos/200300400/facturas", headers=portal)
    assert ajeno.status_code == 404
