"""`cupones vencer`: cupones, facturas y beneficios vencidos, avisos «por vencer» una sola vez, y
correrlo dos veces no cambia nada."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from controllers.cuponeras import vencimiento_controller
from models.cuponeras import Beneficio, Cupon, EventoContrato, Factura
from tests.cuponeras.conftest import (
    Escenario,
    crear_beneficio,
    crear_factura,
    cupon_con_limite,
    notificaciones_de,
)
from tests.fabricas import bogota


def _preparar(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> dict[str, Any]:
    """Contrato con una factura que vence el 2026-12-10 y su cupón; un beneficio que vence el 12."""
    crear_beneficio(gateway, escenario.cliente_id, "VENCE2345678", vence=date(2026, 12, 12))
    factura, cupon = cupon_con_limite(client, escenario, gateway, reloj)
    return {"factura": factura, "cupon": cupon["numero"]}


def _estados(gateway: BaseDatosClient) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        return {
            "cupones": sesion.execute(select(Cupon.numero, Cupon.estado).order_by(Cupon.id)).all(),
            "facturas": sesion.execute(
                select(Factura.numero_factura, Factura.estado).order_by(Factura.id)
            ).all(),
            "beneficios": sesion.execute(select(Beneficio.codigo, Beneficio.estado)).all(),
            "eventos": sesion.scalars(
                select(EventoContrato.tipo).order_by(EventoContrato.id)
            ).all(),
        }


def test_antes_del_limite_solo_avisa_por_vencer_una_vez(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    datos = _preparar(client, escenario, gateway, reloj)
    assert vencimiento_controller.vencer(gateway, date(2026, 12, 6)).avisos == 0  # 4 días antes
    resumen = vencimiento_controller.vencer(gateway, date(2026, 12, 7))  # 3 días antes
    assert (resumen.cupones, resumen.facturas, resumen.beneficios, resumen.avisos) == (0, 0, 0, 2)
    segundo = vencimiento_controller.vencer(gateway, date(2026, 12, 8))
    assert segundo.avisos == 0
    tercero = vencimiento_controller.vencer(
        gateway, date(2026, 12, 9)
    )  # el beneficio: 3 días antes
    assert tercero.avisos == 1
    avisos = [
        n for n in notificaciones_de(gateway, escenario.usuario_portal_id) if "por_vencer" in n[0]
    ]
    assert avisos == [
        ("cupon_por_vencer", f"cupon:{datos['cupon']}"),
        ("factura_por_vencer", f"factura:{datos['factura']}"),
        ("beneficio_por_vencer", "beneficio:VENCE2345678"),
    ]


def test_pasado_el_limite_vence_cupon_factura_y_beneficio_y_dos_veces_no_cambia_nada(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    datos = _preparar(client, escenario, gateway, reloj)
    assert vencimiento_controller.vencer(gateway, date(2026, 12, 10)).cupones == 0  # aún vale hoy
    resumen = vencimiento_controller.vencer(gateway, date(2026, 12, 13))
    assert (resumen.cupones, resumen.facturas, resumen.beneficios) == (1, 1, 1)
    despues = _estados(gateway)
    assert (datos["cupon"], "vencido") in despues["cupones"]
    assert (datos["factura"], "vencida") in despues["facturas"]
    assert despues["beneficios"] == [("VENCE2345678", "vencido")]
    notificaciones = len(notificaciones_de(gateway, escenario.usuario_portal_id))

    otra = vencimiento_controller.vencer(gateway, date(2026, 12, 13))

    assert (otra.cupones, otra.facturas, otra.beneficios, otra.avisos) == (0, 0, 0, 0)
    assert _estados(gateway) == despues
    assert len(notificaciones_de(gateway, escenario.usuario_portal_id)) == notificaciones


def test_el_beneficio_vencido_queda_en_el_historial_de_cada_contrato_del_cliente(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    _preparar(client, escenario, gateway, reloj)
    vencimiento_controller.vencer(gateway, date(2026, 12, 13))
    agente = escenario.cabeceras["agente"]
    for contrato in ("100200300", "444555666"):
        historial = client.get(f"/api/contratos/{contrato}/historial", headers=agente).json
        assert "beneficio_vencido" in [e["tipo"] for e in historial], contrato
    ajeno = client.get("/api/contratos/900800700/historial", headers=agente).json
    assert "beneficio_vencido" not in [e["tipo"] for e in ajeno]


def test_un_beneficio_reservado_en_un_cupon_vivo_no_vence_hasta_que_el_cupon_se_cierre(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    crear_beneficio(gateway, escenario.cliente_id, "RESERVA23456", vence=date(2026, 12, 12))
    reloj(bogota(2026, 12, 1, 9))
    respuesta = client.post(
        "/api/contratos/100200300/cupones",
        json={"beneficio": "RESERVA23456"},
        headers=escenario.cabeceras["agente"],
    )
    assert respuesta.status_code == 201
    assert vencimiento_controller.vencer(gateway, date(2026, 12, 20)).beneficios == 0


def test_una_factura_importada_vencida_sigue_pendiente_hasta_vencer(
    escenario: Escenario, gateway: BaseDatosClient
) -> None:
    numero = crear_factura(gateway, escenario.contrato_id, "2020-01", date(2020, 1, 20))
    with gateway.session_scope() as sesion:
        assert (
            sesion.scalar(select(Factura.estado).where(Factura.numero_factura == numero))
            == "pendiente"
        )
    vencimiento_controller.vencer(gateway, date(2026, 1, 1))
    with gateway.session_scope() as sesion:
        assert (
            sesion.scalar(select(Factura.estado).where(Factura.numero_factura == numero))
            == "vencida"
        )


def test_el_comando_vencer_acepta_fecha_y_rechaza_una_mal_escrita(
    runner: FlaskCliRunner, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    crear_factura(gateway, escenario.contrato_id, "2020-01", date(2020, 1, 20))
    resultado = runner.invoke(args=["cupones", "vencer", "--fecha", "2026-01-01"])
    assert resultado.exit_code == 0, resultado.output
    assert "Vencimientos al 2026-01-01: 0 cupones, 1 facturas" in resultado.output
    resultado = runner.invoke(args=["cupones", "vencer", "--fecha", "2026-01-01"])
    assert "0 cupones, 0 facturas" in resultado.output
    malo = runner.invoke(args=["cupones", "vencer", "--fecha", "01/01/2026"])
    assert malo.exit_code == 1 and "AAAA-MM-DD" in malo.output
