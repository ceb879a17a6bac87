"""Pago de cupones: exacto, a tiempo (en Bogotá), en una transacción e idempotente."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import pago_controller
from models import Correo, Usuario
from models.cuponeras import Beneficio, Cupon, EventoContrato, Factura, Notificacion, Pago
from tests.catalogo.conftest import error_de
from tests.cuponeras.conftest import (
    Escenario,
    crear_beneficio,
    crear_factura,
    cupon_con_limite,
    notificaciones_de,
)
from tests.fabricas import bogota

RUTA = "/api/pagos"


def _cupon(
    client: FlaskClient, escenario: Escenario, contrato: str = "100200300", **cuerpo: Any
) -> dict[str, Any]:
    respuesta = client.post(
        f"/api/contratos/{contrato}/cupones", json=cuerpo, headers=escenario.cabeceras["agente"]
    )
    assert respuesta.status_code in (200, 201), respuesta.json
    datos: dict[str, Any] = respuesta.json
    return datos


def _pago(
    numero: str, valor: int, referencia: str = "BCO-0001", canal: str = "banco"
) -> dict[str, Any]:
    return {"numero_cupon": numero, "valor": valor, "canal": canal, "referencia": referencia}


def _estado(gateway: BaseDatosClient) -> dict[str, Any]:
    """Todo lo que un pago toca, para comparar antes y después."""
    with gateway.session_scope() as sesion:
        return {
            "cupones": sesion.execute(select(Cupon.numero, Cupon.estado).order_by(Cupon.id)).all(),
            "facturas": sesion.execute(
                select(
                    Factura.numero_factura, Factura.estado, Factura.saldo, Factura.pagada_en
                ).order_by(Factura.id)
            ).all(),
            "pagos": sesion.scalar(select(func.count()).select_from(Pago)),
            "beneficios": sesion.execute(select(Beneficio.estado, Beneficio.usado_en)).all(),
            "eventos": sesion.scalars(
                select(EventoContrato.tipo).order_by(EventoContrato.id)
            ).all(),
            "notificaciones": sesion.scalar(select(func.count()).select_from(Notificacion)),
            "correos": sesion.scalar(select(func.count()).select_from(Correo)),
        }


def test_un_pago_exacto_deja_todo_pagado_notifica_y_encola_el_recibo(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    cupon = _cupon(client, escenario)
    respuesta = client.post(
        RUTA, json=_pago(cupon["numero"], 200_500), headers=escenario.cabeceras["recaudo"]
    )
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["estado"] == "aplicado" and respuesta.json["pago_id"] > 0
    agente = escenario.cabeceras["agente"]
    assert client.get(f"/api/cupones/{cupon['numero']}", headers=agente).json["estado"] == "pagado"
    facturas = client.get("/api/contratos/100200300/facturas", headers=agente).json
    assert {(f["estado"], f["saldo"]) for f in facturas} == {("pagada", 0)}
    assert all(f["pagada_en"] for f in facturas)
    assert ("pago", f"cupon:{cupon['numero']}") in notificaciones_de(
        gateway, escenario.usuario_portal_id
    )
    with gateway.session_scope() as sesion:
        correo = sesion.scalars(
            select(Correo).where(Correo.referencia == f"cupon:{cupon['numero']}")
        ).one()
        assert correo.destinatario == "maria@portal.co"
        assert "$ 200.500" in correo.cuerpo and "BCO-0001" in correo.cuerpo
        assert escenario.facturas[0] in correo.cuerpo
    tipos = [
        e["tipo"] for e in client.get("/api/contratos/100200300/historial", headers=agente).json
    ]
    assert tipos[0] == "pago"


def test_la_misma_referencia_del_mismo_canal_devuelve_el_mismo_pago(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    cupon = _cupon(client, escenario)
    recaudo = escenario.cabeceras["recaudo"]
    primero = client.post(RUTA, json=_pago(cupon["numero"], 200_500), headers=recaudo)
    antes = _estado(gateway)
    segundo = client.post(RUTA, json=_pago(cupon["numero"], 200_500), headers=recaudo)
    assert segundo.status_code == 200 and segundo.json == primero.json
    assert _estado(gateway) == antes


def test_la_misma_referencia_con_otro_cupon_u_otro_valor_es_409(
    client: FlaskClient, escenario: Escenario
) -> None:
    recaudo = escenario.cabeceras["recaudo"]
    uno = _cupon(client, escenario)
    otro = _cupon(client, escenario, "900800700")
    assert client.post(RUTA, json=_pago(uno["numero"], 200_500), headers=recaudo).status_code == 200
    error_de(
        client.post(RUTA, json=_pago(otro["numero"], 50_000), headers=recaudo),
        409,
        "referencia_usada",
    )
    error_de(
        client.post(RUTA, json=_pago(uno["numero"], 200_501), headers=recaudo),
        409,
        "referencia_usada",
    )
    # La misma referencia en otro canal es otro pago.
    otra = client.post(
        RUTA, json=_pago(otro["numero"], 50_000, canal="corresponsal"), headers=recaudo
    )
    assert otra.status_code == 200


def test_un_valor_distinto_al_del_cupon_es_422_con_la_razon(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    cupon = _cupon(client, escenario)
    antes = _estado(gateway)
    for valor in (200_499, 200_501, 0):
        respuesta = client.post(
            RUTA, json=_pago(cupon["numero"], valor), headers=escenario.cabeceras["recaudo"]
        )
        detalles = error_de(respuesta, 422, "valor_incorrecto")
        assert detalles["esperado"] == 200_500 and detalles["recibido"] == valor
        assert "$ 200.500" in respuesta.json["error"]["message"]
    assert _estado(gateway) == antes


def test_pagar_un_cupon_pagado_o_anulado_es_409(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    recaudo = escenario.cabeceras["recaudo"]
    viejo = _cupon(client, escenario)
    crear_factura(gateway, escenario.contrato_id, "2099-03", date(2099, 3, 20), 1_000)
    nuevo = _cupon(client, escenario)
    error_de(
        client.post(RUTA, json=_pago(viejo["numero"], 200_500), headers=recaudo),
        409,
        "cupon_anulado",
    )
    assert (
        client.post(RUTA, json=_pago(nuevo["numero"], 201_500), headers=recaudo).status_code == 200
    )
    otra = _pago(nuevo["numero"], 201_500, referencia="BCO-0002")
    error_de(client.post(RUTA, json=otra, headers=recaudo), 409, "cupon_pagado")


def test_el_ultimo_dia_valido_se_paga_hasta_la_medianoche_de_bogota(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    _, cupon = cupon_con_limite(client, escenario, gateway, reloj)
    assert cupon["fecha_limite"] == "2026-12-10"
    reloj(
        datetime(2026, 12, 10, 23, 59, 59, tzinfo=bogota(2026, 1, 1).tzinfo)
    )  # 04:59:59 UTC del 11
    respuesta = client.post(
        RUTA, json=_pago(cupon["numero"], 70_000), headers=escenario.cabeceras["recaudo"]
    )
    assert respuesta.status_code == 200, respuesta.json


def test_el_dia_siguiente_al_limite_el_pago_es_409_cupon_vencido_sin_correr_vencer(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    _, cupon = cupon_con_limite(client, escenario, gateway, reloj)
    antes = _estado(gateway)
    reloj(datetime(2026, 12, 11, 0, 0, 1, tzinfo=bogota(2026, 1, 1).tzinfo))  # 05:00:01 UTC
    respuesta = client.post(
        RUTA, json=_pago(cupon["numero"], 70_000), headers=escenario.cabeceras["recaudo"]
    )
    error_de(respuesta, 409, "cupon_vencido")
    assert _estado(gateway) == antes


def test_el_titular_paga_desde_el_portal_solo_con_canal_portal(
    client: FlaskClient, escenario: Escenario
) -> None:
    cupon = _cupon(client, escenario)
    cliente = escenario.cabeceras["cliente"]
    banco = client.post(RUTA, json=_pago(cupon["numero"], 200_500), headers=cliente)
    error_de(banco, 403, "prohibido")
    portal = client.post(
        RUTA, json=_pago(cupon["numero"], 200_500, canal="portal"), headers=cliente
    )
    assert portal.status_code == 200


def test_pagar_un_cupon_con_beneficio_lo_marca_usado_y_no_sirve_otra_vez(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    crear_beneficio(gateway, escenario.cliente_id, "UNAVEZ234567", porcentaje=5, tope=50_000)
    cupon = _cupon(client, escenario, beneficio="UNAVEZ234567")
    assert cupon["descuento"] == 10_025  # 5 % de 200.500
    respuesta = client.post(
        RUTA, json=_pago(cupon["numero"], 190_475), headers=escenario.cabeceras["recaudo"]
    )
    assert respuesta.status_code == 200
    beneficio = client.get("/api/portal/beneficios", headers=escenario.cabeceras["cliente"]).json[0]
    assert beneficio["estado"] == "usado" and beneficio["numero_cupon"] == cupon["numero"]
    historial = client.get(
        "/api/contratos/100200300/historial", headers=escenario.cabeceras["agente"]
    ).json
    assert {"pago", "beneficio_usado"} <= {e["tipo"] for e in historial}
    crear_factura(gateway, escenario.contrato_id, "2099-03", date(2099, 3, 20), 1_000)
    otra = client.post(
        "/api/contratos/100200300/cupones",
        json={"beneficio": "UNAVEZ234567"},
        headers=escenario.cabeceras["agente"],
    )
    error_de(otra, 422, "beneficio_invalido")


@pytest.mark.parametrize(
    ("cambio", "campo"),
    [
        ({"numero_cupon": "6291041500214"}, "numero_cupon"),  # dígito de control malo
        ({"numero_cupon": "123"}, "numero_cupon"),
        ({"valor": 10.5}, "valor"),
        ({"valor": "200500"}, "valor"),
        ({"valor": -1}, "valor"),
        ({"canal": "efectivo"}, "canal"),
        ({"referencia": ""}, "referencia"),
        ({"referencia": "R" * 65}, "referencia"),
        ({"referencia": "con espacio"}, "referencia"),
    ],
)
def test_cada_campo_invalido_del_pago_es_422(
    client: FlaskClient, escenario: Escenario, cambio: dict[str, Any], campo: str
) -> None:
    datos = _pago("6291041500213", 1) | cambio
    respuesta = client.post(RUTA, json=datos, headers=escenario.cabeceras["recaudo"])
    assert campo in error_de(respuesta, 422, "datos_invalidos")["campos"]


def test_un_cupon_inexistente_es_404(client: FlaskClient, escenario: Escenario) -> None:
    respuesta = client.post(
        RUTA, json=_pago("6291041500213", 1), headers=escenario.cabeceras["admin"]
    )
    error_de(respuesta, 404, "no_encontrado")


def test_un_pago_que_falla_a_mitad_de_la_transaccion_no_deja_nada(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """La falla llega al encolar el recibo: ya se marcaron cupón, facturas, pago, beneficio,
    eventos y notificaciones en la transacción; nada de eso debe quedar."""
    crear_beneficio(gateway, escenario.cliente_id, "MITAD2345678", porcentaje=10, tope=1_000)
    cupon = _cupon(client, escenario, beneficio="MITAD2345678")
    antes = _estado(gateway)

    def caida(*_args: Any, **_kwargs: Any) -> int:
        raise RuntimeError("el proceso murió a mitad del pago")

    monkeypatch.setattr(correo_controller, "encolar", caida)
    with gateway.session_scope() as sesion:
        recaudo = sesion.scalars(select(Usuario).where(Usuario.rol == "recaudo")).one()
        usuario = UsuarioActual(recaudo.id, recaudo.usuario, recaudo.nombre, recaudo.rol)
    with pytest.raises(RuntimeError, match="murió"):
        pago_controller.pagar(gateway, usuario, _pago(cupon["numero"], 199_500))
    assert _estado(gateway) == antes
    monkeypatch.undo()
    respuesta = client.post(
        RUTA, json=_pago(cupon["numero"], 199_500), headers=escenario.cabeceras["recaudo"]
    )
    assert respuesta.status_code == 200
