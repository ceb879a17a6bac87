"""Abuso: un agente contra cada ruta de supervisor/admin e inyecciones en cada parámetro."""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

INYECCIONES = [
    "' OR '1'='1",
    "1; DROP TABLE clientes;--",
    '"><script>alert(1)</script>',
    "=cmd|' /C calc'!A0",
    "../../etc/passwd",
    "%00",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ñ",
    "A" * 5000,
]


def _operaciones(app: Flask) -> list[tuple[str, str, dict]]:
    documento = app.test_client().get("/api/openapi.json").json
    return [
        (metodo.upper(), ruta, operacion)
        for ruta, metodos in documento["paths"].items()
        for metodo, operacion in metodos.items()
        if metodo in ("get", "post", "patch", "put", "delete")
    ]


def _ruta_concreta(ruta: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", ruta)


def test_un_agente_recibe_403_en_cada_ruta_de_supervisor_o_admin(
    app: Flask, client: FlaskClient, cabeceras
) -> None:
    revisadas = 0
    for metodo, ruta, operacion in _operaciones(app):
        descripcion = operacion.get("responses", {}).get("403", {}).get("description", "")
        if "supervisor" not in descripcion and "admin" not in descripcion:
            continue
        respuesta = client.open(_ruta_concreta(ruta), method=metodo, headers=cabeceras["agente"])
        assert respuesta.status_code == 403, (metodo, ruta)
        assert respuesta.json["error"]["code"] == "prohibido"
        revisadas += 1
    assert revisadas >= 7  # reportes (2), usuarios (3), auditoría, importación


def test_sin_token_cada_ruta_protegida_responde_401(app: Flask, client: FlaskClient) -> None:
    for metodo, ruta, operacion in _operaciones(app):
        if not operacion.get("security"):
            continue
        respuesta = client.open(_ruta_concreta(ruta), method=metodo)
        assert respuesta.status_code == 401, (metodo, ruta)


@pytest.mark.parametrize("valor", INYECCIONES)
def test_inyecciones_en_cada_parametro_de_consulta_no_rompen_nada(
    app: Flask, client: FlaskClient, cabeceras, valor: str
) -> None:
    for metodo, ruta, operacion in _operaciones(app):
        if metodo != "GET":
            continue
        nombres = [p["name"] for p in operacion.get("parameters", []) if p["in"] == "query"]
        for nombre in nombres:
            respuesta = client.get(
                _ruta_concreta(ruta), query_string={nombre: valor}, headers=cabeceras["admin"]
            )
            assert respuesta.status_code < 500, (ruta, nombre)
            if respuesta.is_json and respuesta.status_code >= 400:
                assert set(respuesta.json) == {"error"}
