"""Estado del servicio: la base de datos responde o no."""

from __future__ import annotations

from typing import Any

from clients.base_datos_client import BaseDatosClient


def estado(gateway: BaseDatosClient) -> dict[str, Any]:
    """Describe la base en uso; lanza `ServicioNoDisponible` si no responde."""
    gateway.verificar()
    return {"estado": "ok", "base_datos": gateway.describir()}
