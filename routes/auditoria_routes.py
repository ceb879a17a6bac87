"""Lectura de la auditoría de consultas (solo admin); no hay ruta para modificarla ni borrarla."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import auditoria_controller
from routes.contexto import contexto_auditoria, gateway
from routes.esquemas_comunes import Paginacion, RespuestaError
from routes.seguridad import requiere_permiso

blp = Blueprint("auditoria", __name__, url_prefix="/api/auditoria", description="Auditoría")


class FiltrosAuditoria(Paginacion):
    usuario = fields.String(validate=validate.Length(max=60))
    desde = fields.Date(metadata={"description": "Fecha de Bogotá, AAAA-MM-DD"})
    hasta = fields.Date(metadata={"description": "Fecha de Bogotá, AAAA-MM-DD, inclusive"})
    tipo_documento = fields.String(validate=validate.Length(max=5))
    numero_documento = fields.String(validate=validate.Length(max=30))
    accion = fields.String(validate=validate.Length(max=30))
    resultado = fields.String(validate=validate.Length(max=30))


class RegistroAuditoria(Schema):
    id = fields.Integer(required=True)
    fecha = fields.DateTime(required=True)
    usuario = fields.String(allow_none=True)
    ip = fields.String(allow_none=True)
    accion = fields.String(required=True)
    tipo_documento = fields.String(allow_none=True)
    cliente_id = fields.Integer(allow_none=True)
    parametros = fields.Dict(required=True)
    resultado = fields.String(required=True)
    estado_http = fields.Integer(required=True)


class PaginaAuditoria(Schema):
    items = fields.List(fields.Nested(RegistroAuditoria), required=True)
    pagina = fields.Integer(required=True)
    por_pagina = fields.Integer(required=True)
    total = fields.Integer(required=True)
    paginas = fields.Integer(required=True)


@blp.route("", methods=["GET"])
@requiere_permiso("auditoria.consultar")
@blp.arguments(FiltrosAuditoria, location="query")
@blp.response(200, PaginaAuditoria)
@blp.alt_response(422, schema=RespuestaError, description="Filtro inválido")
def consultar(filtros: dict[str, Any]) -> dict[str, Any]:
    """Quién consultó, exportó o descargó qué, cuándo y desde dónde; del más reciente al más antiguo."""
    pagina, por_pagina = filtros.pop("pagina"), filtros.pop("por_pagina")
    return auditoria_controller.consultar(
        gateway(), contexto_auditoria(), filtros, pagina, por_pagina
    )
