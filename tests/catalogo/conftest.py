"""Fixtures del catálogo: usuarios catalogo y vendedores, sus cabeceras, y datos de ejemplo."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from clients.base_datos_client import BaseDatosClient
from controllers import usuario_controller

OTRO_VENDEDOR = ("otro.vendedor", "Óscar Otro", "Otro-Vendedor-2026", "Antioquia")


@pytest.fixture
def cabeceras_catalogo(
    app: Flask, gateway: BaseDatosClient, cabeceras: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Bearer por rol (los de `tests/conftest.py`, con catalogo y vendedor) y `otro_vendedor`."""
    usuario, nombre, contrasena, zona = OTRO_VENDEDOR
    usuario_controller.crear(gateway, usuario, nombre, "vendedor", contrasena, zona)
    respuesta = app.test_client().post(
        "/api/auth/login", json={"usuario": usuario, "contrasena": contrasena}
    )
    assert respuesta.status_code == 200, respuesta.json
    return {
        **cabeceras,
        "otro_vendedor": {"Authorization": f"Bearer {respuesta.json['access_token']}"},
    }


def producto(codigo: str = "CAF-500", **cambios: Any) -> dict[str, Any]:
    datos = {
        "codigo": codigo,
        "nombre": "Café Águila Roja",
        "categoria": "Bebidas",
        "marca": "Águila Roja",
        "presentacion": "500 g",
        "precio": 18900,
        "iva": 5,
    }
    datos.update(cambios)
    return datos


def establecimiento(**cambios: Any) -> dict[str, Any]:
    datos = {
        "nombre": "Tienda Doña Rosa",
        "tipo": "TIENDA",
        "nit": None,
        "ciudad": "Bogotá",
        "departamento": "Cundinamarca",
        "direccion": "Calle 145 # 12-30",
        "telefono": "310 456 7890",
        "latitud": 4.728512,
        "longitud": -74.03687,
        "vendedor": None,
    }
    datos.update(cambios)
    return datos


def crear(
    client: FlaskClient, cabecera: dict[str, str], ruta: str, datos: dict[str, Any]
) -> dict[str, Any]:
    respuesta = client.post(ruta, json=datos, headers=cabecera)
    assert respuesta.status_code == 201, respuesta.json
    creado: dict[str, Any] = respuesta.json
    return creado


def error_de(respuesta: Any, estado: int, codigo: str) -> dict[str, Any]:
    """Afirma el estado y el código de la forma única de error y devuelve sus detalles."""
    assert respuesta.status_code == estado, respuesta.json
    assert respuesta.json["error"]["code"] == codigo
    detalles: dict[str, Any] = respuesta.json["error"]["details"]
    return detalles
