"""Calidad de datos (M10): advertencias para supervisores y administradores."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.sac360 import calidad_controller
from routes.contexto import gateway
from routes.esquemas_comunes import Paginacion, pagina_de
from routes.seguridad import requiere_permiso
from services.calidad_service import TIPOS

blp = Blueprint(
    "calidad",
    __name__,
    url_prefix="/api/calidad",
    description="SAC 360: advertencias de calidad de datos",
)


class FiltroAdvertencias(Paginacion):
    tipo = fields.String(
        load_default=None,
        validate=validate.OneOf(TIPOS, error="El tipo debe ser uno de: " + ", ".join(TIPOS) + "."),
        metadata={"description": "Solo las advertencias de este tipo"},
    )


class ClienteInvolucrado(Schema):
    id = fields.Integer(required=True)
    tipo_documento = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)


class Advertencia(Schema):
    tipo = fields.String(required=True, metadata={"enum": list(TIPOS)})
    clientes = fields.List(fields.Nested(ClienteInvolucrado), required=True)


PaginaAdvertencias = pagina_de(Advertencia, "PaginaAdvertencias")


@blp.route("/advertencias", methods=["GET"])
@requiere_permiso("calidad.consultar")
@blp.arguments(FiltroAdvertencias, location="query")
@blp.response(200, PaginaAdvertencias)
def advertencias(filtro: dict[str, Any]) -> dict[str, Any]:
    """La misma persona bajo dos documentos (mismo nombre y mismo teléfono o correo), teléfonos
    que no son colombianos, correos mal formados y correos compartidos, con sus clientes."""
    return calidad_controller.advertencias(
        gateway(), filtro["tipo"], filtro["pagina"], filtro["por_pagina"]
    )
