"""Todo error responde JSON con la forma única y un mensaje en español; nunca HTML ni trazas."""

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from app import create_app
from controllers import cliente_controller


def _forma_unica(respuesta, estado: int, codigo: str) -> None:
    assert respuesta.status_code == estado
    assert respuesta.mimetype == "application/json"
    assert set(respuesta.json) == {"error"}
    assert set(respuesta.json["error"]) == {"code", "message", "details"}
    assert respuesta.json["error"]["code"] == codigo
    assert "Traceback" not in respuesta.get_data(as_text=True)


def test_ruta_de_api_inexistente_responde_404_json(client: FlaskClient) -> None:
    _forma_unica(client.get("/api/no-existe"), 404, "no_encontrado")


def test_metodo_no_permitido_responde_405_json(client: FlaskClient) -> None:
    _forma_unica(client.delete("/api/clientes/buscar"), 405, "metodo_no_permitido")


def test_cuerpo_demasiado_grande_responde_413_json(client: FlaskClient) -> None:
    respuesta = client.post(
        "/api/auth/login", data="x" * (1024 * 1024 + 10), content_type="application/json"
    )
    _forma_unica(respuesta, 413, "demasiado_grande")


def test_error_inesperado_responde_500_sin_detalles_internos(
    client: FlaskClient, cabeceras, monkeypatch: pytest.MonkeyPatch
) -> None:
    def _falla(*_args, **_kwargs):
        raise RuntimeError("SELECT secreto FROM tabla_interna")

    monkeypatch.setattr(cliente_controller, "buscar_por_documento", _falla)
    respuesta = client.get(
        "/api/clientes/buscar?tipo_documento=CC&numero_documento=123456",
        headers=cabeceras["agente"],
    )
    _forma_unica(respuesta, 500, "error_interno")
    assert "secreto" not in respuesta.get_data(as_text=True)


def test_base_de_datos_inalcanzable_responde_503_con_retry_after(tmp_path: Path) -> None:
    app = create_app(
        {"APP_ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/no/existe/sac.db"}
    )
    cliente = app.test_client()
    salud = cliente.get("/api/salud")
    _forma_unica(salud, 503, "servicio_no_disponible")
    assert salud.headers["Retry-After"]
    login = cliente.post("/api/auth/login", json={"usuario": "a", "contrasena": "b"})
    _forma_unica(login, 503, "servicio_no_disponible")
    app.extensions["sac_db"].dispose()


def test_las_respuestas_de_api_no_se_guardan_en_cache(client: FlaskClient, cabeceras) -> None:
    respuesta = client.get("/api/tipos-documento", headers=cabeceras["agente"])
    assert respuesta.headers["Cache-Control"] == "no-store"
    assert respuesta.headers["X-Content-Type-Options"] == "nosniff"


def test_la_raiz_sirve_una_pagina_aunque_no_haya_frontend_construido(client: FlaskClient) -> None:
    assert client.get("/").status_code == 200
