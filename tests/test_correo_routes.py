"""`GET /api/correos` (admin): la bandeja de salida, con el cuerpo solo en desarrollo."""

from flask import Flask
from flask.testing import FlaskClient

from controllers import correo_controller


def _encolar(gateway, destinatario: str) -> int:
    with gateway.session_scope() as sesion:
        return correo_controller.encolar(sesion, destinatario, "Recibo de pago", "Pagó 10.000")


def test_el_admin_ve_la_bandeja_mas_reciente_primero_y_filtra(
    client: FlaskClient, cabeceras, gateway
) -> None:
    primero = _encolar(gateway, "a@ejemplo.co")
    segundo = _encolar(gateway, "b@ejemplo.co")
    respuesta = client.get("/api/correos", headers=cabeceras["admin"])
    assert respuesta.status_code == 200
    assert [c["id"] for c in respuesta.json["items"]] == [segundo, primero]
    assert respuesta.json["total"] == 2
    filtrada = client.get("/api/correos?destinatario=A@ejemplo.co", headers=cabeceras["admin"])
    assert [c["id"] for c in filtrada.json["items"]] == [primero]
    pendientes = client.get("/api/correos?estado=pendiente", headers=cabeceras["admin"])
    assert pendientes.json["total"] == 2


def test_el_cuerpo_solo_se_muestra_en_desarrollo(
    app: Flask, client: FlaskClient, cabeceras, gateway
) -> None:
    _encolar(gateway, "a@ejemplo.co")
    assert app.config["APP_ENV"] == "testing"
    oculto = client.get("/api/correos", headers=cabeceras["admin"]).json["items"][0]
    assert oculto["cuerpo"] is None
    app.config["APP_ENV"] = "development"
    try:
        visible = client.get("/api/correos", headers=cabeceras["admin"]).json["items"][0]
    finally:
        app.config["APP_ENV"] = "testing"
    assert visible["cuerpo"] == "Pagó 10.000"


def test_un_estado_desconocido_responde_422(client: FlaskClient, cabeceras) -> None:
    respuesta = client.get("/api/correos?estado=perdido", headers=cabeceras["admin"])
    assert respuesta.status_code == 422
    assert "estado" in respuesta.json["error"]["details"]["campos"]


def test_solo_el_admin_ve_la_bandeja(client: FlaskClient, cabeceras) -> None:
    for rol in ("agente", "supervisor", "recaudo"):
        assert client.get("/api/correos", headers=cabeceras[rol]).status_code == 403
    assert client.get("/api/correos").status_code == 401


def test_los_correos_encolados_se_despachan_al_cerrar_la_respuesta(
    app: Flask, gateway, tmp_path
) -> None:
    from flask import Response

    from clients.email_client import ArchivoEmailClient
    from routes.contexto import despachar_correos_tras_responder

    correo_id = _encolar(gateway, "a@ejemplo.co")
    original = app.extensions["sac_email"]
    app.extensions["sac_email"] = ArchivoEmailClient(tmp_path)
    try:
        with app.test_request_context("/"):
            respuesta = despachar_correos_tras_responder(Response("ok"), [correo_id])
        assert list(tmp_path.glob("*.eml")) == []  # aún no: la respuesta no ha salido
        respuesta.close()
    finally:
        app.extensions["sac_email"] = original
    assert len(list(tmp_path.glob("*.eml"))) == 1
