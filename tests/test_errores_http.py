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


def test_la_raiz_sirve_una_pagina_aunque_no_haya_frontend_construido(tmp_path: Path) -> None:
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "CARPETA_FRONTEND": str(tmp_path),
        }
    )
    respuesta = app.test_client().get("/")
    assert respuesta.status_code == 200
    assert "/api/docs" in respuesta.get_data(as_text=True)
    app.extensions["sac_db"].dispose()


def test_las_rutas_del_cliente_vuelven_a_index_html(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html>app</html>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log(1)", encoding="utf-8")
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "CARPETA_FRONTEND": str(tmp_path),
        }
    )
    cliente = app.test_client()
    for ruta in ("/", "/reportes/fidelizacion", "/usuarios"):
        with cliente.get(ruta) as respuesta:
            assert respuesta.status_code == 200
            assert respuesta.get_data(as_text=True) == "<html>app</html>"
            assert respuesta.headers["Cache-Control"] == "no-cache"
    with cliente.get("/assets/app.js") as respuesta:
        assert respuesta.get_data(as_text=True) == "console.log(1)"
    with cliente.get("/api/no-existe") as respuesta:
        assert respuesta.status_code == 404 and respuesta.is_json
    app.extensions["sac_db"].dispose()


def test_las_respuestas_llevan_cabeceras_de_seguridad(client: FlaskClient) -> None:
    for ruta in ("/", "/api/salud"):
        with client.get(ruta) as respuesta:
            cabeceras = respuesta.headers
            assert "frame-ancestors 'none'" in cabeceras["Content-Security-Policy"]
            assert "script-src 'self';" in cabeceras["Content-Security-Policy"]
            assert cabeceras["X-Frame-Options"] == "DENY"
            assert cabeceras["Referrer-Policy"] == "same-origin"
            assert "Strict-Transport-Security" not in cabeceras  # solo en producción (HTTPS)


def test_cors_cerrado_por_defecto(client: FlaskClient) -> None:
    respuesta = client.get("/api/salud", headers={"Origin": "https://malicioso.example"})
    assert "Access-Control-Allow-Origin" not in respuesta.headers


def test_cors_solo_para_los_origenes_configurados(tmp_path: Path) -> None:
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "CORS_ORIGENES": "https://intranet.example",
        }
    )
    cliente = app.test_client()
    permitido = cliente.get("/api/salud", headers={"Origin": "https://intranet.example"})
    assert permitido.headers["Access-Control-Allow-Origin"] == "https://intranet.example"
    otro = cliente.get("/api/salud", headers={"Origin": "https://malicioso.example"})
    assert "Access-Control-Allow-Origin" not in otro.headers
    app.extensions["sac_db"].dispose()
