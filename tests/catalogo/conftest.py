"""Fixtures del catálogo: usuarios catalogo y vendedores, sus cabeceras, y datos de ejemplo."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from clients.base_datos_client import BaseDatosClient
from models import Usuario
from services import contrasena_service

USUARIOS_CATALOGO = {
    "catalogo": ("catalogo.prueba", "Carla Catálogo", "catalogo", None),
    "vendedor": ("vendedor.prueba", "Valentina Vendedora", "vendedor", "Bogotá Norte"),
    "otro_vendedor": ("otro.vendedor", "Óscar Otro", "vendedor", "Medellín"),
}
CONTRASENA = "Catalogo-Prueba-2026"


def crear_usuarios_catalogo(gateway: BaseDatosClient) -> None:
    with gateway.session_scope() as sesion:
        for usuario, nombre, rol, zona in USUARIOS_CATALOGO.values():
            sesion.add(
                Usuario(
                    usuario=usuario,
                    nombre=nombre,
                    rol=rol,
                    zona=zona,
                    contrasena_hash=contrasena_service.generar_hash(CONTRASENA),
                    activo=True,
                )
            )


@pytest.fixture
def cabeceras_catalogo(
    app: Flask, gateway: BaseDatosClient, cabeceras: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Bearer por rol: los del núcleo (agente, supervisor, admin) y catalogo, vendedor, otro."""
    crear_usuarios_catalogo(gateway)
    resultado = dict(cabeceras)
    for clave, (usuario, _, _, _) in USUARIOS_CATALOGO.items():
        respuesta = app.test_client().post(
            "/api/auth/login", json={"usuario": usuario, "contrasena": CONTRASENA}
        )
        assert respuesta.status_code == 200, respuesta.json
        resultado[clave] = {"Authorization": f"Bearer {respuesta.json['access_token']}"}
    return resultado


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
