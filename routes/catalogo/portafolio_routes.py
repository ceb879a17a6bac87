"""Portafolios por tipo de establecimiento: alta y activación (catalogo, admin), lista y detalle."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.catalogo import portafolio_controller
from routes.contexto import contexto_auditoria, gateway
from routes.esquemas_comunes import Paginacion, RespuestaError, SobrePagina
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "portafolios", __name__, url_prefix="/api/portafolios", description="Catálogo: portafolios"
)


class PortafolioResumen(Schema):
    id = fields.Integer(required=True)
    nombre = fields.String(required=True)
    tipo_establecimiento = fields.String(required=True, metadata={"example": "TIENDA"})
    vigente_desde = fields.Date(required=True)
    activo = fields.Boolean(required=True)
    vigente = fields.Boolean(
        required=True, metadata={"description": "El que rige hoy para su tipo"}
    )
    lineas = fields.Integer(required=True)
    obligatorias = fields.Integer(required=True)
    creado_en = fields.DateTime(required=True)


class LineaDetalle(Schema):
    codigo = fields.String(required=True)
    nombre = fields.String(required=True)
    categoria = fields.String(required=True)
    marca = fields.String(allow_none=True)
    presentacion = fields.String(allow_none=True)
    precio = fields.Float(required=True)
    iva = fields.Integer(required=True)
    producto_activo = fields.Boolean(required=True)
    cantidad_minima = fields.Integer(required=True)
    obligatorio = fields.Boolean(required=True)
    precio_sugerido = fields.Float(allow_none=True)


class PortafolioDetalle(PortafolioResumen):
    productos = fields.List(fields.Nested(LineaDetalle), required=True)


class LineaNueva(Schema):
    codigo = fields.String(required=True, validate=validate.Length(max=500))
    cantidad_minima = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, error="La cantidad mínima debe ser 1 o más."),
    )
    obligatorio = fields.Boolean(load_default=False)
    precio_sugerido = fields.Decimal(
        allow_none=True,
        validate=validate.Range(
            min=0, min_inclusive=False, error="El precio sugerido debe ser mayor que cero."
        ),
    )


class PortafolioNuevo(Schema):
    nombre = fields.String(required=True, validate=validate.Length(max=500))
    tipo_establecimiento = fields.String(
        required=True, validate=validate.Length(max=500), metadata={"example": "TIENDA"}
    )
    vigente_desde = fields.Date(required=True, metadata={"description": "Día de Bogotá"})
    productos = fields.List(
        fields.Nested(LineaNueva),
        required=True,
        validate=validate.Length(min=1, error="El portafolio debe tener al menos un producto."),
    )


class CambioPortafolio(Schema):
    activo = fields.Boolean(required=True)


class FiltrosPortafolio(Paginacion):
    tipo = fields.String(validate=validate.Length(max=20), metadata={"example": "TIENDA"})


class PaginaPortafolios(SobrePagina):
    items = fields.List(fields.Nested(PortafolioResumen), required=True)


@blp.route("", methods=["POST"])
@requiere_permiso("catalogo.editar")
@blp.arguments(PortafolioNuevo)
@blp.response(201, PortafolioDetalle)
@blp.alt_response(409, schema=RespuestaError, description="Otro activo del tipo con la misma fecha")
@blp.alt_response(
    422,
    schema=RespuestaError,
    description="Tipo desconocido, lista vacía, producto inexistente, inactivo o repetido, mínimo < 1",
)
def crear(datos: dict[str, Any]) -> dict[str, Any]:
    """Crea un portafolio activo con sus líneas."""
    return portafolio_controller.crear(gateway(), datos, contexto_auditoria())


@blp.route("", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.arguments(FiltrosPortafolio, location="query")
@blp.response(200, PaginaPortafolios)
@blp.alt_response(422, schema=RespuestaError, description="Tipo desconocido")
def listar(filtros: dict[str, Any]) -> dict[str, Any]:
    """Portafolios (vigente = el que rige hoy para su tipo), del más reciente al más antiguo."""
    return portafolio_controller.listar(
        gateway(), filtros.get("tipo"), filtros["pagina"], filtros["por_pagina"]
    )


@blp.route("/<int:portafolio_id>", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.response(200, PortafolioDetalle)
@blp.alt_response(404, schema=RespuestaError, description="Portafolio no encontrado")
def obtener(portafolio_id: int) -> dict[str, Any]:
    """Un portafolio con sus líneas."""
    return portafolio_controller.obtener(gateway(), portafolio_id)


@blp.route("/<int:portafolio_id>", methods=["PATCH"])
@requiere_permiso("catalogo.editar")
@blp.arguments(CambioPortafolio)
@blp.response(200, PortafolioDetalle)
@blp.alt_response(404, schema=RespuestaError, description="Portafolio no encontrado")
@blp.alt_response(409, schema=RespuestaError, description="Otro activo del tipo con la misma fecha")
def actualizar(datos: dict[str, bool], portafolio_id: int) -> dict[str, Any]:
    """Activa o desactiva el portafolio."""
    return portafolio_controller.cambiar_estado(
        gateway(), portafolio_id, datos["activo"], contexto_auditoria()
    )
