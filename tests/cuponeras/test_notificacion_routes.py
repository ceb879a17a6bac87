"""Notificaciones: solo las propias, más nuevas primero, no leídas, marcar una y todas; y el
correo enviado de una factura aparece en el historial de su contrato."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from models.cuponeras import Notificacion
from tests.catalogo.conftest import error_de
from tests.cuponeras.conftest import Escenario

RUTA = "/api/notificaciones"


def _generar_dos(client: FlaskClient, escenario: Escenario) -> None:
    agente = escenario.cabeceras["agente"]
    client.post("/api/contratos/100200300/cupones", json={}, headers=agente)
    client.post("/api/contratos/900800700/cupones", json={}, headers=agente)


def test_cada_usuario_ve_solo_sus_notificaciones_la_mas_nueva_primero(
    client: FlaskClient, escenario: Escenario
) -> None:
    _generar_dos(client, escenario)
    propias = client.get(RUTA, headers=escenario.cabeceras["cliente"]).json
    assert [n["tipo"] for n in propias["items"]] == ["cupon_generado"]
    assert "100200300" in propias["items"][0]["mensaje"]
    assert propias["no_leidas"] == 1 and propias["total"] == 1
    assert client.get(RUTA, headers=escenario.cabeceras["agente"]).json["items"] == []


def test_marcar_una_y_todas_como_leidas(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    _generar_dos(client, escenario)
    from datetime import date

    from tests.cuponeras.conftest import crear_factura

    crear_factura(gateway, escenario.contrato_id, "2099-03", date(2099, 3, 1), 1_000)
    client.post("/api/contratos/100200300/cupones", json={}, headers=escenario.cabeceras["agente"])
    cliente = escenario.cabeceras["cliente"]
    lista = client.get(RUTA, headers=cliente).json
    assert lista["no_leidas"] == 2
    primera = lista["items"][0]["id"]
    marcada = client.post(f"{RUTA}/{primera}/leida", headers=cliente)
    assert marcada.status_code == 200 and marcada.json["leida_en"]
    otra_vez = client.post(f"{RUTA}/{primera}/leida", headers=cliente)
    assert otra_vez.json["leida_en"] == marcada.json["leida_en"]
    no_leidas = client.get(RUTA, query_string={"no_leidas": "true"}, headers=cliente).json
    assert [n["id"] for n in no_leidas["items"]] == [lista["items"][1]["id"]]
    assert client.post(f"{RUTA}/leidas", headers=cliente).json == {"marcadas": 1}
    assert client.get(RUTA, headers=cliente).json["no_leidas"] == 0


def test_marcar_la_notificacion_de_otro_es_404(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    _generar_dos(client, escenario)
    with gateway.session_scope() as sesion:
        ajena = sesion.scalars(
            select(Notificacion.id).where(Notificacion.usuario_id != escenario.usuario_portal_id)
        ).first()
    error_de(
        client.post(f"{RUTA}/{ajena}/leida", headers=escenario.cabeceras["cliente"]),
        404,
        "no_encontrado",
    )
    assert client.post(f"{RUTA}/leidas", headers=escenario.cabeceras["agente"]).json == {
        "marcadas": 0
    }


def test_parametros_invalidos_de_la_lista_son_422(
    client: FlaskClient, escenario: Escenario
) -> None:
    cliente = escenario.cabeceras["cliente"]
    for consulta in ({"no_leidas": "quizas"}, {"pagina": 0}, {"por_pagina": 101}):
        error_de(client.get(RUTA, query_string=consulta, headers=cliente), 422, "datos_invalidos")


def test_sin_sesion_las_notificaciones_son_401(client: FlaskClient) -> None:
    error_de(client.get(RUTA), 401, "no_autenticado")


def test_el_correo_enviado_de_una_factura_aparece_en_el_historial(
    app: Flask, client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    from controllers.cuponeras.correo_factura_controller import correo_de_factura
    from models.cuponeras import Contrato, Factura

    with gateway.session_scope() as sesion:
        factura = sesion.scalars(
            select(Factura).where(Factura.numero_factura == escenario.facturas[0])
        ).one()
        correo_de_factura(sesion, factura, sesion.get_one(Contrato, factura.contrato_id))
    historial = client.get(
        "/api/contratos/100200300/historial", headers=escenario.cabeceras["agente"]
    ).json
    assert "correo_enviado" not in [e["tipo"] for e in historial]  # aún pendiente en la bandeja
    resumen = correo_controller.enviar_pendientes(
        gateway, app.extensions["sac_email"], correo_controller.remitente(app.config)
    )
    assert resumen.enviados == 1
    historial = client.get(
        "/api/contratos/100200300/historial", headers=escenario.cabeceras["cliente"]
    ).json
    assert historial[0]["tipo"] == "correo_enviado"
    assert historial[0]["referencia"] == f"factura:{escenario.facturas[0]}"
    assert "maria@portal.co" in historial[0]["descripcion"]
