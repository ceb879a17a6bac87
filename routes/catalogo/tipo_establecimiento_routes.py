"""Tipos de establecimiento (cargados por la migración), para formularios y filtros."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers.catalogo import tipo_establecimiento_controller
from routes.contexto import gateway
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "tipos_establecimiento",
    __name__,
    url_prefix="/api/tipos-establecimiento",
    description="Catálogo: tipos de establecimiento",
)


class TipoEsquema(Schema):
    codigo = fields.String(required=True, metadata={"example": "TIENDA"})
    nombre = fields.String(required=True, metadata={"example": "Tienda de barrio"})


@blp.route("", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.response(200, TipoEsquema(many=True))
def listar() -> list[dict[str, Any]]:
    """Los tipos de establecimiento con su código."""
    return tipo_establecimiento_controller.listar(gateway())
