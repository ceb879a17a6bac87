"""Catálogo de tipos de documento para el formulario de consulta."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers import tipo_documento_controller
from routes.contexto import gateway
from routes.esquemas_comunes import RespuestaError
from routes.respuestas import doc_total_filas, lista_con_total
from routes.seguridad import requiere_sesion

blp = Blueprint("tipos_documento", __name__, url_prefix="/api", description="Tipos de documento")


class TipoDocumentoEsquema(Schema):
    codigo = fields.String(required=True)
    nombre = fields.String(required=True)


@blp.route("/tipos-documento", methods=["GET"])
@requiere_sesion()
@blp.response(
    200, TipoDocumentoEsquema(many=True), headers=doc_total_filas("Tipos de documento de la lista")
)
@blp.alt_response(401, schema=RespuestaError, description="Sin sesión")
def listar() -> tuple[Sequence[Any], dict[str, str]]:
    """Tipos de documento activos (código y nombre)."""
    return lista_con_total(tipo_documento_controller.listar_activos(gateway()))
