"""Acceso desde las rutas a la pasarela de datos, al usuario actual y al contexto de auditoría."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, cast

from flask import Response, current_app, g, request

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from controllers.auditoria_controller import ContextoAuditoria
from controllers.auth_controller import UsuarioActual
from controllers.fusion_modulos import Movedor
from controllers.resumen_modulos import Aporte

registro = logging.getLogger("sac.correos")


def gateway() -> BaseDatosClient:
    return cast(BaseDatosClient, current_app.extensions["sac_db"])


def aportes_al_resumen() -> Mapping[str, Aporte]:
    """Lo que cada módulo aporta al resumen del cliente (`app.MODULOS_RESUMEN`)."""
    return cast("Mapping[str, Aporte]", current_app.extensions.get("sac_resumen_modulos", {}))


def movedores_de_fusion() -> Mapping[str, Movedor]:
    """Lo que cada módulo mueve al fusionar dos clientes (`app.MODULOS_FUSION`)."""
    return cast("Mapping[str, Movedor]", current_app.extensions.get("sac_fusion_modulos", {}))


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


def despachar_correos_tras_responder(respuesta: Response, ids: list[int]) -> Response:
    """Envía los correos recién encolados cuando la respuesta ya salió (quien pidió no espera al
    SMTP); si el envío falla, quedan pendientes para `flask correos enviar` (cron)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def _enviar() -> None:
        with app.app_context():
            try:
                correo_controller.enviar_pendientes(
                    app.extensions["sac_db"],
                    app.extensions["sac_email"],
                    correo_controller.remitente(app.config),
                    ids=ids,
                )
            except Exception:
                registro.warning("No se pudieron despachar los correos tras la respuesta.")

    if ids:
        respuesta.call_on_close(_enviar)
    return respuesta
