"""Reporte mensual de fidelización: Excel y vista previa JSON (supervisor o superior)."""

from __future__ import annotations

import io
from typing import Any

from flask import Response, send_file
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import reporte_controller
from routes.contexto import config, contexto_auditoria, gateway, usuario_actual
from routes.esquemas_comunes import EsquemaConsulta, RespuestaError
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
@blp.arguments(ConsultaReporte, location="query")
@blp.response(200, description="Libro Excel del reporte")
@blp.alt_response(422, schema=RespuestaError, description="Mes o umbral inválido")
def descargar(consulta: dict[str, str]) -> Response:
    """Descarga el reporte de fidelización del mes en Excel."""
    reporte = reporte_controller.generar(
        gateway(),
        consulta.get("mes"),
        consulta.get("umbral"),
        config("UMBRAL_FIDELIZACION"),
        usuario_actual().nombre,
        contexto_auditoria(),
    )
    return send_file(
        io.BytesIO(reporte.contenido),
        mimetype=reporte.tipo_mime,
        as_attachment=True,
        download_name=reporte.nombre,
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
