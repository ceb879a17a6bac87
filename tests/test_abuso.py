"""Abuso: un agente contra cada ruta de supervisor/admin e inyecciones en cada parámetro."""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services import permisos_service

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


def test_cada_rol_recibe_403_en_cada_ruta_cuyo_permiso_no_tiene(
    app: Flask, client: FlaskClient, cabeceras
) -> None:
    revisadas = 0
    for metodo, ruta, operacion in _operaciones(app):
        # `x-permisos`: basta con tener uno de ellos.
        permisos = operacion.get("x-permisos") or [operacion.get("x-permiso")]
        if permisos == [None]:
            continue
        for rol, cabecera in cabeceras.items():
            if any(permisos_service.puede(rol, permiso) for permiso in permisos):
                continue
            respuesta = client.open(_ruta_concreta(ruta), method=metodo, headers=cabecera)
            assert respuesta.status_code == 403, (rol, metodo, ruta)
            assert respuesta.json["error"]["code"] == "prohibido"
            revisadas += 1
    assert revisadas >= 30


def test_el_agente_recibe_403_en_reportes_usuarios_auditoria_e_importacion(
    client: FlaskClient, cabeceras
) -> None:
    for metodo, ruta in [
        ("GET", "/api/reportes/fidelizacion"),
        ("GET", "/api/reportes/fidelizacion/resumen"),
        ("GET", "/api/usuarios"),
        ("POST", "/api/usuarios"),
        ("PATCH", "/api/usuarios/1"),
        ("GET", "/api/auditoria"),
        ("POST", "/api/importaciones"),
    ]:
        respuesta = client.open(ruta, method=metodo, headers=cabeceras["agente"])
        assert respuesta.status_code == 403, (metodo, ruta)


def test_cada_operacion_protegida_declara_su_permiso_de_la_tabla(app: Flask) -> None:
    for metodo, ruta, operacion in _operaciones(app):
        for permiso in [operacion.get("x-permiso"), *operacion.get("x-permisos", [])]:
            if permiso is not None:
                assert permiso in permisos_service.ROLES_POR_PERMISO, (metodo, ruta)


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
