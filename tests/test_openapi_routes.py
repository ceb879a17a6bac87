"""Documento OpenAPI 3 generado de los mismos esquemas que validan, y Swagger UI sin CDN."""

from flask.testing import FlaskClient
from openapi_spec_validator import validate


def test_openapi_es_valido_y_contiene_el_contrato(client: FlaskClient) -> None:
    respuesta = client.get("/api/openapi.json")
    assert respuesta.status_code == 200
    documento = respuesta.json
    validate(documento)
    assert documento["openapi"].startswith("3.")
    for ruta in (
        "/api/auth/login",
        "/api/auth/refresh",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/tipos-documento",
        "/api/clientes/buscar",
        "/api/clientes/{cliente_id}/compras",
        "/api/clientes/exportar",
        "/api/reportes/fidelizacion",
        "/api/reportes/fidelizacion/resumen",
        "/api/salud",
    ):
        assert ruta in documento["paths"], ruta
    buscar = documento["paths"]["/api/clientes/buscar"]["get"]
    nombres = {p["name"] for p in buscar["parameters"]}
    assert {"tipo_documento", "numero_documento"} <= nombres
    assert {"401", "403", "404", "422"} <= set(buscar["responses"])
    assert buscar["security"]
    assert "bearerAuth" in documento["components"]["securitySchemes"]


def test_swagger_ui_se_sirve_con_recursos_locales(client: FlaskClient) -> None:
    pagina = client.get("/api/docs")
    assert pagina.status_code == 200
    assert b"/api/docs/recursos/swagger-ui-bundle.js" in pagina.data
    recurso = client.get("/api/docs/recursos/swagger-ui-bundle.js")
    assert recurso.status_code == 200
    recurso.close()
