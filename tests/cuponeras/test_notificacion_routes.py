"""Notificaciones: solo las propias, más nuevas primero, no leídas, marcar una y todas; y el
correo enviado de una factura aparece en el historial de su contrato."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
    assert [n["tipo"] for n in propias] == ["cupon_generado"]
    assert "100200300" in propias[0]["mensaje"]
    assert propias[0]["leida_en"] is None
    assert client.get(RUTA, headers=escenario.cabeceras["agente"]).json == []


def test_la_lista_es_un_arreglo_mas_nuevas_primero_y_no_leidas_true_filtra(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    """Un arreglo JSON sin sobre de paginación, ordenado por `creada_en` (no por id), y con
    `no_leidas=true` solo las que no se han leído: su largo es el contador."""
    base = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    # Se guardan en desorden para que el orden por id no coincida con el de creación.
    orden_de_guardado = [("b", 2, None), ("a", 1, 3), ("d", 4, None), ("c", 3, 5)]
    with gateway.session_scope() as sesion:
        for referencia, horas, leida_horas in orden_de_guardado:
            sesion.add(
                Notificacion(
                    usuario_id=escenario.usuario_portal_id,
                    tipo="aviso",
                    mensaje=f"Aviso {referencia}",
                    referencia=referencia,
                    creada_en=base + timedelta(hours=horas),
                    leida_en=base + timedelta(hours=leida_horas) if leida_horas else None,
                )
            )
    cliente = escenario.cabeceras["cliente"]
    todas = client.get(RUTA, headers=cliente)
    assert todas.status_code == 200 and isinstance(todas.json, list)
    assert [n["referencia"] for n in todas.json] == ["d", "c", "b", "a"]
    assert set(todas.json[0]) == {"id", "tipo", "mensaje", "referencia", "creada_en", "leida_en"}
    no_leidas = client.get(RUTA, query_string={"no_leidas": "true"}, headers=cliente).json
    assert isinstance(no_leidas, list)
    assert [n["referencia"] for n in no_leidas] == ["d", "b"]
    assert all(n["leida_en"] is None for n in no_leidas)
    falso = client.get(RUTA, query_string={"no_leidas": "false"}, headers=cliente).json
    assert [n["referencia"] for n in falso] == ["d", "c", "b", "a"]


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
    assert len(client.get(RUTA, query_string={"no_leidas": "true"}, headers=cliente).json) == 2
    primera = lista[0]["id"]
    marcada = client.post(f"{RUTA}/{primera}/leida", headers=cliente)
    assert marcada.status_code == 200 and marcada.json["leida_en"]
    otra_vez = client.post(f"{RUTA}/{primera}/leida", headers=cliente)
    assert otra_vez.json["leida_en"] == marcada.json["leida_en"]
    no_leidas = client.get(RUTA, query_string={"no_leidas": "true"}, headers=cliente).json
    assert [n["id"] for n in no_leidas] == [lista[1]["id"]]
    assert client.post(f"{RUTA}/leidas", headers=cliente).json == {"marcadas": 1}
    assert client.get(RUTA, query_string={"no_leidas": "true"}, headers=cliente).json == []
    assert all(n["leida_en"] for n in client.get(RUTA, headers=cliente).json)


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


def test_no_leidas_invalido_es_422(client: FlaskClient, escenario: Escenario) -> None:
    error_de(
        client.get(
            RUTA, query_string={"no_leidas": "quizas"}, headers=escenario.cabeceras["cliente"]
        ),
        422,
        "datos_invalidos",
    )


def test_parametros_desconocidos_como_pagina_se_ignoran_y_la_lista_es_completa(
    client: FlaskClient, escenario: Escenario
) -> None:
    """Sin paginación: `pagina`/`por_pagina` (o un evita-caché) no cambian la respuesta."""
    _generar_dos(client, escenario)
    cliente = escenario.cabeceras["cliente"]
    completa = client.get(RUTA, headers=cliente).json
    for consulta in ({"pagina": 0}, {"por_pagina": 101}, {"pagina": 2, "por_pagina": 1}, {"_": 1}):
        respuesta = client.get(RUTA, query_string=consulta, headers=cliente)
        assert respuesta.status_code == 200 and respuesta.json == completa


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
