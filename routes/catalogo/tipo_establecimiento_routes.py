"""Tipos de establecimiento (cargados por la migración), para formularios y filtros."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers.catalogo import tipo_establecimiento_controller
from routes.contexto import gateway
from routes.respuestas import doc_total_filas, lista_con_total
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
@blp.response(200, TipoEsquema(many=True), headers=doc_total_filas("Tipos de la lista"))
def listar() -> tuple[Sequence[Any], dict[str, str]]:
    """Los tipos de establecimiento con su código."""
    return lista_con_total(tipo_establecimiento_controller.listar(gateway()))
