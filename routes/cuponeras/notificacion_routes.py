"""Notificaciones del usuario con sesión: las propias, marcar una o todas como leídas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers.cuponeras import notificacion_controller
from routes.contexto import gateway, usuario_actual
from routes.cuponeras.esquemas import NotificacionEsquema
from routes.esquemas_comunes import EsquemaConsulta, RespuestaError
from routes.respuestas import doc_total_filas, lista_con_total
from routes.seguridad import requiere_sesion

blp = Blueprint(
    "notificaciones",
    __name__,
    url_prefix="/api/notificaciones",
    description="Cuponeras: notificaciones",
)


class FiltroNotificaciones(EsquemaConsulta):
    no_leidas = fields.Boolean(load_default=False, metadata={"description": "Solo las no leídas"})


class Marcadas(Schema):
    marcadas = fields.Integer(required=True)


@blp.route("", methods=["GET"])
@requiere_sesion()
@blp.arguments(FiltroNotificaciones, location="query")
@blp.response(
    200, NotificacionEsquema(many=True), headers=doc_total_filas("Notificaciones de la lista")
)
def listar(filtro: dict[str, Any]) -> tuple[Sequence[Any], dict[str, str]]:
    """Las notificaciones propias, las más nuevas primero (con `no_leidas=true`, solo esas)."""
    return lista_con_total(
        notificacion_controller.listar(gateway(), usuario_actual(), filtro["no_leidas"])
    )


@blp.route("/<int:notificacion_id>/leida", methods=["POST"])
@requiere_sesion()
@blp.response(200, NotificacionEsquema)
@blp.alt_response(404, schema=RespuestaError, description="No existe (o es de otro usuario)")
def marcar_leida(notificacion_id: int) -> dict[str, Any]:
    """Marca una notificación propia como leída."""
    return notificacion_controller.marcar_leida(gateway(), usuario_actual(), notificacion_id)


@blp.route("/leidas", methods=["POST"])
@requiere_sesion()
@blp.response(200, Marcadas)
def marcar_todas() -> dict[str, int]:
    """Marca todas las notificaciones propias como leídas."""
    return notificacion_controller.marcar_todas(gateway(), usuario_actual())
