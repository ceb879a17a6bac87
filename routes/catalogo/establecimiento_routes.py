"""Establecimientos: alta y cambios (catalogo, admin), lista y detalle (personal), y su portafolio
vigente (catalogo, admin y el vendedor asignado)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.catalogo import establecimiento_controller, ruta_controller
from routes.catalogo.portafolio_routes import PortafolioDetalle
from routes.catalogo.producto_routes import filtro_texto
from routes.contexto import contexto_auditoria, gateway, usuario_actual
from routes.esquemas_comunes import EsquemaConsulta, Paginacion, RespuestaError, SobrePagina
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "establecimientos",
    __name__,
    url_prefix="/api/establecimientos",
    description="Catálogo: establecimientos",
)
_TEXTO = validate.Length(max=500)


class VendedorEsquema(Schema):
    usuario = fields.String(required=True)
    nombre = fields.String(required=True)
    zona = fields.String(allow_none=True)


class EstablecimientoEsquema(Schema):
    id = fields.Integer(required=True)
    nombre = fields.String(required=True)
    tipo = fields.String(required=True, metadata={"example": "TIENDA"})
    tipo_nombre = fields.String(required=True)
    nit = fields.String(allow_none=True, metadata={"description": "9 dígitos, sin DV"})
    ciudad = fields.String(required=True)
    departamento = fields.String(required=True)
    direccion = fields.String(required=True)
    telefono = fields.String(allow_none=True)
    latitud = fields.Float(allow_none=True)
    longitud = fields.Float(allow_none=True)
    vendedor = fields.Nested(VendedorEsquema, allow_none=True)
    activo = fields.Boolean(required=True)
    creado_en = fields.DateTime(required=True)
    actualizado_en = fields.DateTime(required=True)


class CamposEstablecimiento(Schema):
    nombre = fields.String(validate=_TEXTO, metadata={"example": "Tienda Doña Rosa"})
    tipo = fields.String(validate=_TEXTO, metadata={"example": "TIENDA"})
    nit = fields.String(
        allow_none=True,
        validate=_TEXTO,
        metadata={"example": "900123456-8", "description": "Con o sin DV"},
    )
    ciudad = fields.String(validate=_TEXTO, metadata={"example": "Bogotá"})
    departamento = fields.String(validate=_TEXTO, metadata={"example": "Cundinamarca"})
    direccion = fields.String(validate=_TEXTO, metadata={"example": "Calle 145 # 12-30"})
    telefono = fields.String(allow_none=True, validate=_TEXTO, metadata={"example": "3104567890"})
    latitud = fields.Decimal(
        allow_none=True, metadata={"example": 4.7285, "description": "−4,3 a 13,5"}
    )
    longitud = fields.Decimal(
        allow_none=True, metadata={"example": -74.0369, "description": "−82,0 a −66,8"}
    )
    vendedor = fields.String(
        allow_none=True, validate=_TEXTO, metadata={"description": "Usuario (login) de un vendedor"}
    )


class EstablecimientoNuevo(CamposEstablecimiento):
    nombre = fields.String(required=True, validate=_TEXTO, metadata={"example": "Tienda Doña Rosa"})
    tipo = fields.String(required=True, validate=_TEXTO, metadata={"example": "TIENDA"})
    ciudad = fields.String(required=True, validate=_TEXTO, metadata={"example": "Bogotá"})
    departamento = fields.String(
        required=True, validate=_TEXTO, metadata={"example": "Cundinamarca"}
    )
    direccion = fields.String(
        required=True, validate=_TEXTO, metadata={"example": "Calle 145 # 12-30"}
    )


class CambioEstablecimiento(CamposEstablecimiento):
    activo = fields.Boolean()


class FiltrosEstablecimiento(Paginacion):
    tipo = fields.String(validate=filtro_texto(20))
    ciudad = fields.String(validate=filtro_texto(80))
    vendedor = fields.String(
        validate=filtro_texto(60), metadata={"description": "Usuario del vendedor"}
    )
    q = fields.String(
        validate=filtro_texto(120),
        metadata={"description": "Parte del nombre o prefijo del NIT"},
    )
    activo = fields.Boolean()


class PaginaEstablecimientos(SobrePagina):
    items = fields.List(fields.Nested(EstablecimientoEsquema), required=True)


class ConsultaFecha(EsquemaConsulta):
    fecha = fields.Date(metadata={"description": "Día de Bogotá AAAA-MM-DD; por defecto, hoy"})


class EstablecimientoBreve(Schema):
    id = fields.Integer(required=True)
    nombre = fields.String(required=True)
    tipo = fields.String(required=True)


class PortafolioDeEstablecimiento(PortafolioDetalle):
    fecha = fields.Date(required=True)
    establecimiento = fields.Nested(EstablecimientoBreve, required=True)


@blp.route("", methods=["POST"])
@requiere_permiso("catalogo.editar")
@blp.arguments(EstablecimientoNuevo)
@blp.response(201, EstablecimientoEsquema)
@blp.alt_response(409, schema=RespuestaError, description="Ya existe (mismo NIT o misma dirección)")
@blp.alt_response(
    422, schema=RespuestaError, description="Tipo, NIT, coordenadas o vendedor inválidos"
)
def crear(datos: dict[str, Any]) -> dict[str, Any]:
    """Crea un establecimiento, opcionalmente asignado a un vendedor."""
    return establecimiento_controller.crear(gateway(), datos, contexto_auditoria())


@blp.route("", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.arguments(FiltrosEstablecimiento, location="query")
@blp.response(200, PaginaEstablecimientos)
def listar(filtros: dict[str, Any]) -> dict[str, Any]:
    """Establecimientos por páginas, ordenados por ciudad y nombre."""
    return establecimiento_controller.listar(
        gateway(), filtros, filtros.pop("pagina"), filtros.pop("por_pagina")
    )


@blp.route("/<int:establecimiento_id>", methods=["GET"])
@requiere_permiso("catalogo.consultar")
@blp.response(200, EstablecimientoEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Establecimiento no encontrado")
def obtener(establecimiento_id: int) -> dict[str, Any]:
    """Un establecimiento."""
    return establecimiento_controller.obtener(gateway(), establecimiento_id)


@blp.route("/<int:establecimiento_id>", methods=["PATCH"])
@requiere_permiso("catalogo.editar")
@blp.arguments(CambioEstablecimiento)
@blp.response(200, EstablecimientoEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Establecimiento no encontrado")
@blp.alt_response(409, schema=RespuestaError, description="Ya existe (mismo NIT o misma dirección)")
@blp.alt_response(422, schema=RespuestaError, description="Campo inválido, con el motivo")
def actualizar(datos: dict[str, Any], establecimiento_id: int) -> dict[str, Any]:
    """Cambio parcial; `vendedor: null` lo deja sin vendedor."""
    return establecimiento_controller.actualizar(
        gateway(), establecimiento_id, datos, contexto_auditoria()
    )


@blp.route("/<int:establecimiento_id>/portafolio", methods=["GET"])
# Dos permisos valen (catalogo.editar: todos; catalogo.ruta: los suyos): el controlador los mira
# en la tabla de permisos.
@requiere_permiso(None)
@blp.arguments(ConsultaFecha, location="query")
@blp.response(200, PortafolioDeEstablecimiento)
@blp.alt_response(
    403,
    schema=RespuestaError,
    description="Requiere catalogo.editar, o catalogo.ruta y que el establecimiento sea suyo",
)
@blp.alt_response(404, schema=RespuestaError, description="Sin establecimiento o sin portafolio")
@blp.alt_response(422, schema=RespuestaError, description="Fecha inválida")
def portafolio(consulta: dict[str, date], establecimiento_id: int) -> Response:
    """El portafolio vigente del tipo del establecimiento en `fecha` (un vendedor: solo los suyos)."""
    # Camino caliente del vendedor: sin volcar por el esquema (ver `vendedor_routes.ruta`).
    return jsonify(
        ruta_controller.portafolio_de_establecimiento(
            gateway(), establecimiento_id, consulta.get("fecha"), usuario_actual()
        )
    )
