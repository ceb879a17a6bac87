"""Productos del catálogo: alta y cambios (catalogo, admin); búsqueda y detalle (personal)."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.catalogo import producto_controller
from routes.contexto import contexto_auditoria, gateway
from routes.esquemas_comunes import Paginacion, RespuestaError, SobrePagina
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "productos", __name__, url_prefix="/api/productos", description="Catálogo: productos"
)

_CODIGO = {"example": "BEB-SRJ-CAF-500", "description": "SKU: 3–30 de A–Z, 0–9 y guion"}


def filtro_texto(maximo: int) -> validate.Validator:
    """Texto de un filtro de consulta: largo acotado y sin caracteres de control."""
    return validate.And(
        validate.Length(max=maximo),
        validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="No admite caracteres de control."),
    )


_IVA = validate.OneOf([0, 5, 19], error="El IVA debe ser 0, 5 o 19.")


class ProductoEsquema(Schema):
    id = fields.Integer(required=True)
    codigo = fields.String(required=True, metadata=_CODIGO)
    nombre = fields.String(required=True)
    categoria = fields.String(required=True)
    marca = fields.String(allow_none=True)
    presentacion = fields.String(allow_none=True, metadata={"example": "500 g"})
    precio = fields.Float(required=True, metadata={"description": "Pesos COP"})
    iva = fields.Integer(required=True, metadata={"enum": [0, 5, 19]})
    activo = fields.Boolean(required=True)
    creado_en = fields.DateTime(required=True)
    actualizado_en = fields.DateTime(required=True)


class CamposProducto(Schema):
    nombre = fields.String(validate=validate.Length(min=1, max=500), metadata={"example": "Café"})
    categoria = fields.String(validate=validate.Length(min=1, max=500))
    marca = fields.String(allow_none=True, validate=validate.Length(max=500))
    presentacion = fields.String(allow_none=True, validate=validate.Length(max=500))
    precio = fields.Decimal(
        validate=validate.Range(
            min=0, min_inclusive=False, error="El precio debe ser mayor que cero."
        ),
        metadata={"description": "Pesos COP, hasta 2 decimales", "example": 18900},
    )
    iva = fields.Integer(strict=True, validate=_IVA, metadata={"example": 5})


class ProductoNuevo(CamposProducto):
    codigo = fields.String(
        required=True, validate=validate.Length(min=1, max=500), metadata=_CODIGO
    )
    nombre = fields.String(required=True, validate=validate.Length(min=1, max=500))
    categoria = fields.String(required=True, validate=validate.Length(min=1, max=500))
    precio = fields.Decimal(
        required=True,
        validate=validate.Range(
            min=0, min_inclusive=False, error="El precio debe ser mayor que cero."
        ),
        metadata={"description": "Pesos COP, hasta 2 decimales", "example": 18900},
    )
    iva = fields.Integer(required=True, strict=True, validate=_IVA, metadata={"example": 5})


class CambioProducto(CamposProducto):
    activo = fields.Boolean(
        metadata={"description": "false desactiva (no se ofrece en portafolios nuevos)"}
    )


class FiltrosProducto(Paginacion):
    q = fields.String(
        validate=filtro_texto(120),
        metadata={
            "description": "Prefijo del código o parte del nombre (sin tildes ni mayúsculas)"
        },
    )
    categoria = fields.String(validate=filtro_texto(60))
    activo = fields.Boolean(metadata={"description": "Sin indicar: todos"})


class PaginaProductos(SobrePagina):
    items = fields.List(fields.Nested(ProductoEsquema), required=True)


@blp.route("", methods=["POST"])
@requiere_permiso("catalogo.editar")
@blp.arguments(ProductoNuevo)
@blp.response(201, ProductoEsquema)
@blp.alt_response(409, schema=RespuestaError, description="Ya existe un producto con ese código")
@blp.alt_response(422, schema=RespuestaError, description="Campo inválido, con el motivo")
def crear(datos: dict[str, Any]) -> dict[str, Any]:
    """Crea un producto activo."""
    return producto_controller.crear(gateway(), datos, contexto_auditoria())


@blp.route("", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.arguments(FiltrosProducto, location="query")
@blp.response(200, PaginaProductos)
def listar(filtros: dict[str, Any]) -> dict[str, Any]:
    """Productos por páginas, ordenados por código."""
    return producto_controller.listar(
        gateway(),
        filtros.get("q"),
        filtros.get("categoria"),
        filtros.get("activo"),
        filtros["pagina"],
        filtros["por_pagina"],
    )


@blp.route("/<string:codigo>", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.response(200, ProductoEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Producto no encontrado")
def obtener(codigo: str) -> dict[str, Any]:
    """Un producto por su código."""
    return producto_controller.obtener(gateway(), codigo)


@blp.route("/<string:codigo>", methods=["PATCH"])
@requiere_permiso("catalogo.editar")
@blp.arguments(CambioProducto)
@blp.response(200, ProductoEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Producto no encontrado")
@blp.alt_response(422, schema=RespuestaError, description="Campo inválido, con el motivo")
def actualizar(datos: dict[str, Any], codigo: str) -> dict[str, Any]:
    """Cambio parcial; `activo: false` desactiva el producto."""
    return producto_controller.actualizar(gateway(), codigo, datos, contexto_auditoria())


@blp.route("/<string:codigo>", methods=["DELETE"])
@requiere_permiso("catalogo.editar")
@blp.response(204)
@blp.alt_response(404, schema=RespuestaError, description="Producto no encontrado")
@blp.alt_response(
    409, schema=RespuestaError, description="Un portafolio usa el producto: desactívelo"
)
def eliminar(codigo: str) -> Response:
    """Borra un producto que ningún portafolio usa (si alguno lo usa, se desactiva en su lugar)."""
    producto_controller.eliminar(gateway(), codigo, contexto_auditoria())
    return Response(status=204)
