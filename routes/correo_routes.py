"""Bandeja de salida de correos (administración): qué se envió, qué falló y por qué."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import correo_controller
from models import ESTADOS_CORREO
from routes.contexto import config, gateway
from routes.esquemas_comunes import EsquemaConsulta, Paginacion, pagina_de
from routes.seguridad import requiere_permiso

blp = Blueprint("correos", __name__, url_prefix="/api/correos", description="Correos")


class FiltroCorreos(Paginacion, EsquemaConsulta):
    destinatario = fields.String(validate=validate.Length(max=254))
    estado = fields.String(
        validate=validate.OneOf(
            ESTADOS_CORREO, error="El estado debe ser pendiente, enviado o fallido."
        )
    )


class AdjuntoEsquema(Schema):
    nombre = fields.String(required=True)
    tipo_mime = fields.String(required=True)


class CorreoEsquema(Schema):
    id = fields.Integer(required=True)
    destinatario = fields.String(required=True)
    asunto = fields.String(required=True)
    cuerpo = fields.String(
        allow_none=True, required=True, metadata={"description": "Solo con APP_ENV=development"}
    )
    adjuntos = fields.List(fields.Nested(AdjuntoEsquema), required=True)
    referencia = fields.String(allow_none=True, required=True)
    estado = fields.String(required=True, metadata={"enum": list(ESTADOS_CORREO)})
    intentos = fields.Integer(required=True)
    ultimo_error = fields.String(allow_none=True, required=True)
    creado_en = fields.DateTime(required=True)
    enviado_en = fields.DateTime(allow_none=True, required=True)


@blp.route("", methods=["GET"])
@requiere_permiso("correos.consultar")
@blp.arguments(FiltroCorreos, location="query")
@blp.response(200, pagina_de(CorreoEsquema, "PaginaCorreos"))
def listar(filtros: dict[str, Any]) -> dict[str, Any]:
    """La bandeja de salida, el más reciente primero (el cuerpo solo en desarrollo)."""
    return correo_controller.listar(
        gateway(),
        filtros,
        filtros["pagina"],
        filtros["por_pagina"],
        con_cuerpo=config("APP_ENV") == "development",
    )
