"""Estado del servicio: la base de datos responde y tiene el esquema de este código, o no."""

from __future__ import annotations

from typing import Any

from clients.base_datos_client import (
    ESQUEMA_AL_DIA,
    ESQUEMA_ATRASADO,
    ESQUEMA_SIN_MIGRAR,
    BaseDatosClient,
)
from errores import ServicioNoDisponible

MIGRAR = "Aplique las migraciones con «flask --app app db upgrade»."
MENSAJES_ESQUEMA = {
    ESQUEMA_SIN_MIGRAR: f"La base de datos no tiene el esquema de la aplicación. {MIGRAR}",
    ESQUEMA_ATRASADO: f"El esquema de la base de datos no está en la última versión. {MIGRAR}",
}
MENSAJE_DESCONOCIDO = (
    "La base de datos fue migrada por una versión más nueva de la aplicación: actualice el "
    "código antes de servir."
)


def problema_de_esquema(gateway: BaseDatosClient) -> str | None:
    """None si la base está en la última migración; si no, qué falta, para una persona.
    Lanza `ServicioNoDisponible` si la base no responde."""
    esquema = gateway.estado_esquema()
    return None if esquema == ESQUEMA_AL_DIA else MENSAJES_ESQUEMA.get(esquema, MENSAJE_DESCONOCIDO)


def estado(gateway: BaseDatosClient) -> dict[str, Any]:
    """Describe la base en uso; `ServicioNoDisponible` (503) si no responde o si su esquema no es
    el de este código (sin migrar, atrasado o de una versión más nueva)."""
    esquema = gateway.estado_esquema()
    if esquema != ESQUEMA_AL_DIA:
        mensaje = MENSAJES_ESQUEMA.get(esquema, MENSAJE_DESCONOCIDO)
        raise ServicioNoDisponible(mensaje, {"esquema": esquema})
    return {"estado": "ok", "base_datos": gateway.describir()}
