"""Siembra de demostración de M8: el usuario `monitor` y el dispositivo `demo` (su clave está en el
README para correr el script del cliente en desarrollo; en producción esa clave no sirve)."""

from __future__ import annotations

from datetime import datetime

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria
from controllers.demo_controller import crear_usuarios_demo
from controllers.entregas import dispositivo_controller
from services.demo_service import UsuarioDemo

USUARIO_MONITOR = UsuarioDemo(
    "monitor", "Mónica Monitor (demostración)", "monitor", "Monitor-Demo-2026"
)
DISPOSITIVO_DEMO = "demo"
# Pública a propósito (README): el dispositivo queda marcado `demo` y la ingesta lo rechaza con
# APP_ENV=production.
CLAVE_DEMO = "demo-entregas-2026-solo-desarrollo"


def sembrar(gateway: BaseDatosClient, instante: datetime) -> list[str]:
    """Crea lo que falte (idempotente) y devuelve las líneas que informa el comando seed."""
    with gateway.session_scope() as sesion:
        usuarios = crear_usuarios_demo(sesion, (USUARIO_MONITOR,), instante)
    lineas = [
        f"Usuario {usuario} ({rol}): {'creado' if creado else 'ya existía'}."
        for usuario, rol, creado in usuarios
    ]
    if dispositivo_controller.existe(gateway, DISPOSITIVO_DEMO):
        lineas.append(f"Dispositivo de entregas {DISPOSITIVO_DEMO}: ya existía.")
    else:
        dispositivo_controller.crear(
            gateway,
            DISPOSITIVO_DEMO,
            firmar=False,
            secreto="",
            contexto=ContextoAuditoria(None, "cli", ""),
            clave=CLAVE_DEMO,
            demo=True,
        )
        lineas.append(
            f"Dispositivo de entregas {DISPOSITIVO_DEMO}: creado (clave de demostración en el "
            "README; no sirve con APP_ENV=production)."
        )
    return lineas
