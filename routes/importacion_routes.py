"""Importación de clientes y compras por carga de archivos (solo admin)."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_smorest import Blueprint
from flask_smorest.fields import Upload
from marshmallow import Schema, fields
from werkzeug.datastructures import FileStorage

from controllers import carga_archivos_controller
from routes.contexto import contexto_auditoria, gateway
from routes.esquemas_comunes import EsquemaConsulta, RespuestaError
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "importaciones", __name__, url_prefix="/api/importaciones", description="Importación de datos"
)


@blp.before_request
def _limite_de_tamano() -> None:
    """Los archivos de importación admiten más que el límite general de las peticiones."""
    request.max_content_length = current_app.config["IMPORTACION_MAX_BYTES"]


class ArchivosImportacion(Schema):
    clientes = Upload(metadata={"description": "CSV o XLSX de clientes"})
    compras = Upload(metadata={"description": "CSV o XLSX de compras"})


class OpcionesImportacion(EsquemaConsulta):
    parcial = fields.Boolean(
        load_default=False, metadata={"description": "Guarda las filas válidas y reporta las malas"}
    )


class ResumenArchivoEsquema(Schema):
    archivo = fields.String(required=True)
    entidad = fields.String(required=True)
    insertadas = fields.Integer(required=True)
    actualizadas = fields.Integer(required=True)
    sin_cambios = fields.Integer(required=True)
    rechazadas = fields.Integer(required=True)
    marcados = fields.Integer(
        required=True,
        metadata={
            "description": "Teléfonos o correos mal formados guardados para revisar (calidad)"
        },
    )


class ErrorFilaEsquema(Schema):
    archivo = fields.String(required=True)
    fila = fields.Integer(required=True)
    campo = fields.String(required=True)
    mensaje = fields.String(required=True)


class ResultadoImportacionEsquema(Schema):
    confirmada = fields.Boolean(required=True)
    archivos = fields.List(fields.Nested(ResumenArchivoEsquema), required=True)
    total_errores = fields.Integer(required=True)
    errores = fields.List(fields.Nested(ErrorFilaEsquema), required=True)


@blp.route("", methods=["POST"])
@requiere_permiso("importacion.cargar")
@blp.arguments(OpcionesImportacion, location="query")
@blp.arguments(ArchivosImportacion, location="files")
@blp.response(200, ResultadoImportacionEsquema)
@blp.alt_response(413, schema=RespuestaError, description="Archivo demasiado grande")
@blp.alt_response(422, schema=RespuestaError, description="Archivo o filas inválidas")
def importar(opciones: dict[str, Any], archivos: dict[str, FileStorage]) -> dict[str, Any]:
    """Importa clientes y/o compras (todo o nada salvo `parcial`); reimportar no duplica."""
    adjuntos = {
        campo: (archivo.filename or f"{campo}.csv", archivo.stream)
        for campo, archivo in archivos.items()
        if archivo is not None
    }
    return carga_archivos_controller.importar_archivos(
        gateway(), adjuntos, opciones["parcial"], contexto_auditoria()
    )
