"""Acceso desde las rutas a la pasarela de datos, al usuario actual y al contexto de auditoría."""

from __future__ import annotations

from typing import Any, cast

from flask import current_app, g, request

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria
from controllers.auth_controller import UsuarioActual


def gateway() -> BaseDatosClient:
    return cast(BaseDatosClient, current_app.extensions["sac_db"])


def config(nombre: str) -> Any:
    return current_app.config[nombre]


def usuario_actual() -> UsuarioActual:
    """El usuario autenticado de la petición (fijado al verificar el token)."""
    return cast(UsuarioActual, g.sac_usuario)


def contexto_auditoria() -> ContextoAuditoria:
    usuario = g.get("sac_usuario")
    return ContextoAuditoria(
        usuario_id=usuario.id if usuario else None,
        ip=request.remote_addr,
        clave_huella=current_app.config["SECRET_KEY"],
    )
