"""Respaldo en caliente de la base de datos a un archivo con fecha."""

from __future__ import annotations

from pathlib import Path

from clients.base_datos_client import BaseDatosClient
from errores import SolicitudInvalida
from services.tiempo_service import a_bogota, ahora_utc


def nombre_por_defecto(carpeta: Path) -> Path:
    return carpeta / f"sac_{a_bogota(ahora_utc()).strftime('%Y-%m-%d_%H%M%S')}.db"


def respaldar(gateway: BaseDatosClient, destino: Path) -> Path:
    """Escribe la copia completa en `destino` (nunca sobre un archivo existente)."""
    if destino.exists():
        raise SolicitudInvalida(f"Ya existe {destino}; elija otro nombre para no sobrescribirlo.")
    try:
        gateway.respaldar(destino)
    except NotImplementedError as error:
        raise SolicitudInvalida(str(error)) from error
    return destino
