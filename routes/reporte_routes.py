"""Reporte mensual de fidelización: Excel, vista previa JSON e historial (supervisor o superior)."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import reporte_controller
from models import ORIGENES_REPORTE
from routes.contexto import config, contexto_auditoria, gateway, usuario_actual
from routes.esquemas_comunes import EsquemaConsulta, Paginacion, RespuestaError, pagina_de
from routes.respuestas import doc_total_filas, respuesta_archivo
from routes.seguridad import requiere_permiso

blp = Blueprint("reportes", __name__, url_prefix="/api/reportes", description="Reportes")


class ConsultaReporte(EsquemaConsulta):
    mes = fields.String(
        validate=validate.Length(max=7, error="El mes debe tener el formato AAAA-MM."),
        metadata={"example": "2026-10", "description": "Por defecto, el mes anterior (Bogotá)"},
    )
    umbral = fields.String(
        validate=validate.Length(max=20, error="El umbral es demasiado largo."),
        metadata={"example": "5000000", "description": "Pesos COP; por defecto 5.000.000"},
    )


class ConsultaDescarga(ConsultaReporte):
    origen = fields.String(
        load_default="api",
        validate=validate.OneOf(("pantalla", "api"), error="El origen debe ser pantalla o api."),
        metadata={"description": "Quién lo pide, para el historial: la pantalla manda `pantalla`"},
    )


class ItemHistorial(Schema):
    id = fields.Integer(required=True)
    mes = fields.String(required=True)
    umbral = fields.Float(required=True)
    filas = fields.Integer(required=True)
    total = fields.Float(required=True)
    sha256 = fields.String(required=True)
    generado_por = fields.String(required=True)
    generado_en = fields.DateTime(required=True)
    origen = fields.String(required=True, metadata={"enum": list(ORIGENES_REPORTE)})


class FilaReporte(Schema):
    tipo_documento = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)
    correo = fields.String(allow_none=True)
    telefono = fields.String(allow_none=True)
    numero_compras = fields.Integer(required=True)
    monto_total = fields.Float(required=True)
    fecha_ultima_compra = fields.DateTime(required=True)


class ResumenReporte(Schema):
    mes = fields.String(required=True)
    umbral = fields.Float(required=True)
    cantidad_clientes = fields.Integer(required=True)
    monto_total = fields.Float(required=True)
    clientes = fields.List(fields.Nested(FilaReporte), required=True)


@blp.route("/fidelizacion", methods=["GET"])
@requiere_permiso("reportes.fidelizacion")
@blp.arguments(ConsultaDescarga, location="query")
@blp.response(
    200,
    description="Libro Excel del reporte",
    headers=doc_total_filas("Clientes que califican (filas del libro)"),
)
@blp.alt_response(422, schema=RespuestaError, description="Mes o umbral inválido")
def descargar(consulta: dict[str, str]) -> Response:
    """Descarga el reporte de fidelización del mes en Excel (queda en el historial)."""
    reporte = reporte_controller.generar(
        gateway(),
        consulta.get("mes"),
        consulta.get("umbral"),
        config("UMBRAL_FIDELIZACION"),
        usuario_actual().nombre,
        contexto_auditoria(),
        consulta.get("origen", "api"),
    )
    return respuesta_archivo(
        reporte.contenido, reporte.tipo_mime, reporte.nombre, reporte.cantidad_clientes
    )


@blp.route("/fidelizacion/resumen", methods=["GET"])
@requiere_permiso("reportes.fidelizacion")
@blp.arguments(ConsultaReporte, location="query")
@blp.response(200, ResumenReporte)
@blp.alt_response(422, schema=RespuestaError, description="Mes o umbral inválido")
def vista_previa(consulta: dict[str, str]) -> dict[str, Any]:
    """Las filas del reporte en JSON, con la cantidad de clientes y la suma."""
    return reporte_controller.resumen(
        gateway(),
        consulta.get("mes"),
        consulta.get("umbral"),
        config("UMBRAL_FIDELIZACION"),
        contexto_auditoria(),
    )


@blp.route("/historial", methods=["GET"])
@requiere_permiso("reportes.historial")
@blp.arguments(Paginacion, location="query")
@blp.response(200, pagina_de(ItemHistorial, "PaginaHistorialReportes"))
def historial(consulta: dict[str, Any]) -> dict[str, Any]:
    """Los reportes de fidelización generados como archivo, los más nuevos primero."""
    return reporte_controller.historial(gateway(), consulta["pagina"], consulta["por_pagina"])


@blp.route("/historial/<int:historial_id>/archivo", methods=["GET"])
@requiere_permiso("reportes.historial")
@blp.response(
    200,
    description="El mismo libro Excel que se generó (mismo SHA-256)",
    headers=doc_total_filas("Clientes que califican (filas del libro)"),
)
@blp.alt_response(404, schema=RespuestaError, description="No existe en el historial")
def archivo(historial_id: int) -> Response:
    """Vuelve a descargar, byte a byte, un reporte del historial."""
    guardado = reporte_controller.archivo_historial(gateway(), historial_id)
    return respuesta_archivo(
        guardado.contenido, guardado.tipo_mime, guardado.nombre, guardado.filas
    )
