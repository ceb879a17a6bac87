"""Fixtures de M8: datos de referencia del seed 002 (copiados aquí a mano, para comparar con la
migración), un dispositivo con su clave, pedidos como los del script del cliente."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from controllers.auditoria_controller import ContextoAuditoria
from controllers.entregas import dispositivo_controller, pedido_controller

# Seed 002, tal cual.
PRODUCTOS_SEED = {
    "pk0001": ("Moneda", Decimal("1.00")),
    "pk0002": ("Estuche para gafas", Decimal("8.00")),
    "pk0003": ("Pequeño espejo de bolsillo", Decimal("5.00")),
    "pk0004": ("Pendrive", Decimal("12.00")),
    "pk0005": ("Tarjeta SIM", Decimal("3.00")),
    "pk0006": ("Adaptador de corriente", Decimal("10.00")),
    "pk0007": ("Tijeras pequeñas", Decimal("4.00")),
    "pk0008": ("Pila de botón", Decimal("2.50")),
    "pk0009": ("Goma de borrar", Decimal("0.50")),
    "pk0010": ("Clip sujetapapeles", Decimal("0.20")),
}
REPARTIDORES_SEED = {
    101: "María López",
    102: "Carlos García",
    103: "Ana Fernández",
    104: "Juan Martínez",
    105: "Laura Sánchez",
    106: "Pedro Gómez",
    107: "Elena Rodríguez",
    108: "Jorge Pérez",
    109: "Sofía Morales",
    110: "Daniel Castillo",
}
CONTEXTO = ContextoAuditoria(None, "pruebas", "clave-huella")


def pedido(
    productos: list[str] | None = None,
    repartidor: int = 106,
    timestamp: str = "2026-11-23 17:03:04.322968",
    pedido_id: str | None = None,
) -> dict[str, Any]:
    """Un pedido como el del script: un producto por entrada (repetido = cantidad)."""
    productos = productos if productos is not None else ["pk0004", "pk0004", "pk0009"]
    return {
        "pedido_id": pedido_id or str(uuid.uuid4()),
        "repartidor": {"IdRepartidor": repartidor, "Nombre": REPARTIDORES_SEED[repartidor]},
        "productos": [
            {
                "IdProducto": p,
                "producto": PRODUCTOS_SEED[p][0],
                "precio": float(PRODUCTOS_SEED[p][1]),
            }
            for p in productos
        ],
        "timestamp": timestamp,
    }


def cuerpo(datos: Any) -> bytes:
    """Como `requests.post(json=...)`: escapes \\u y floats."""
    return json.dumps(datos).encode("ascii")


@pytest.fixture
def clave(app: Flask) -> str:
    return dispositivo_controller.crear(
        app.extensions["sac_db"], "equipo-pruebas", False, app.config["SECRET_KEY"], CONTEXTO
    )


@pytest.fixture
def clave_firma(app: Flask) -> str:
    return dispositivo_controller.crear(
        app.extensions["sac_db"], "equipo-firma", True, app.config["SECRET_KEY"], CONTEXTO
    )


@pytest.fixture(autouse=True)
def _sin_limite_de_ingesta(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Las pruebas envían ráfagas de pedidos; la del límite fija el suyo."""
    monkeypatch.setitem(app.config, "LIMITE_INGESTA", "100000 per second")


@pytest.fixture(autouse=True)
def _referencia_fresca() -> Iterator[None]:
    pedido_controller.olvidar_referencia()
    yield
    pedido_controller.olvidar_referencia()


def enviar(client: FlaskClient, datos: Any, clave: str | None, **cabeceras: str) -> Any:
    encabezados = {"Content-Type": "application/json", **cabeceras}
    if clave is not None:
        encabezados["X-Api-Key"] = clave
    contenido = datos if isinstance(datos, bytes) else cuerpo(datos)
    return client.post("/registrar_pedido_entregado", data=contenido, headers=encabezados)


def es_error(respuesta: Any, estado: int, codigo: str) -> dict[str, Any]:
    assert respuesta.status_code == estado, respuesta.get_data(as_text=True)
    error: dict[str, Any] = respuesta.json["error"]
    assert error["code"] == codigo
    assert set(error) == {"code", "message", "details"}
    return error
