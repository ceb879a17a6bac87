"""Consulta de clientes por documento, sus compras y la exportación de la ficha."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, pre_load, validate

from controllers import cliente_controller
from routes.contexto import config, contexto_auditoria, gateway, usuario_actual
from routes.esquemas_comunes import ConsultaDocumento, Paginacion, RespuestaError
from routes.respuestas import doc_total_filas, respuesta_archivo
from routes.seguridad import requiere_permiso

blp = Blueprint("clientes", __name__, url_prefix="/api/clientes", description="Clientes")


class ClienteEsquema(Schema):
    id = fields.Integer(required=True)
    tipo_documento = fields.String(required=True)
    tipo_documento_nombre = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)
    correo = fields.String(allow_none=True)
    telefono = fields.String(allow_none=True)
    ciudad = fields.String(allow_none=True)
    direccion = fields.String(allow_none=True)
    fecha_registro = fields.DateTime(required=True)
    activo = fields.Boolean(required=True)


class CompraEsquema(Schema):
    id = fields.Integer(required=True)
    numero_factura = fields.String(required=True)
    fecha = fields.DateTime(required=True, metadata={"description": "Instante, hora de Bogotá"})
    total = fields.Float(required=True, metadata={"description": "Pesos COP"})
    estado = fields.String(required=True, metadata={"enum": ["pagada", "anulada", "devuelta"]})
    canal = fields.String(allow_none=True)
    tienda = fields.String(allow_none=True)


class TotalMes(Schema):
    mes = fields.String(required=True, metadata={"example": "2026-10"})
    total = fields.Float(required=True)
    compras = fields.Integer(required=True)


class Totales(Schema):
    mes_actual = fields.Nested(TotalMes, required=True)
    mes_anterior = fields.Nested(TotalMes, required=True)
    total_mes_actual = fields.Float(required=True)
    total_mes_anterior = fields.Float(required=True)


class Fidelizacion(Schema):
    umbral = fields.Float(required=True)
    mes = fields.String(required=True)
    califica = fields.Boolean(required=True)


class ResultadoBusqueda(Schema):
    cliente = fields.Nested(ClienteEsquema, required=True)
    compras = fields.List(
        fields.Nested(CompraEsquema),
        required=True,
        metadata={"description": "Las más recientes, hasta COMPRAS_RECIENTES (por defecto 10)"},
    )
    compras_total = fields.Integer(
        required=True, metadata={"description": "Todas las compras del cliente"}
    )
    compras_truncado = fields.Boolean(
        required=True,
        metadata={"description": "true si `compras` trae menos que `compras_total` (ver /compras)"},
    )
    totales = fields.Nested(Totales, required=True)
    fidelizacion = fields.Nested(Fidelizacion, required=True)
    por_alias = fields.Boolean(
        required=True,
        metadata={
            "description": "true cuando el documento buscado es de un cliente fusionado: la "
            "respuesta es su sobreviviente"
        },
    )


class PaginaCompras(Schema):
    items = fields.List(fields.Nested(CompraEsquema), required=True)
    pagina = fields.Integer(required=True)
    por_pagina = fields.Integer(required=True)
    total = fields.Integer(required=True)
    paginas = fields.Integer(required=True)


class ConsultaExportacion(ConsultaDocumento):
    formato = fields.String(
        required=True,
        validate=validate.OneOf(
            ["csv", "xlsx", "txt"], error="El formato debe ser csv, xlsx o txt."
        ),
    )

    @pre_load
    def _formato_en_minusculas(self, datos: Any, **_kwargs: Any) -> Any:
        formato = str(datos.get("formato", "")).strip().lower()
        if formato:
            datos = dict(datos)
            datos["formato"] = "xlsx" if formato == "excel" else formato
        return datos


@blp.route("/buscar", methods=["GET"])
@requiere_permiso("clientes.consultar")
@blp.arguments(ConsultaDocumento, location="query")
@blp.response(200, ResultadoBusqueda)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
@blp.alt_response(422, schema=RespuestaError, description="Documento inválido")
def buscar(consulta: dict[str, str]) -> Response:
    """Cliente por tipo y número de documento, con compras recientes y totales del mes.

    Para el agente (sin `clientes.contacto_completo`) teléfono, correo y dirección van enmascarados.
    """
    # El camino más usado: el controlador ya arma exactamente `ResultadoBusqueda` en tipos que
    # `ProveedorJson` serializa igual que marshmallow, así que se responde sin volcar por el
    # esquema (~10 % de cada consulta). El esquema sigue en el OpenAPI, y las pruebas (y el
    # fuzzing) validan la respuesta contra él.
    return jsonify(
        cliente_controller.buscar_por_documento(
            gateway(),
            consulta["tipo_documento"],
            consulta["numero_documento"],
            contexto_auditoria(),
            config("COMPRAS_RECIENTES"),
            config("UMBRAL_FIDELIZACION"),
            usuario_actual().puede("clientes.contacto_completo"),
        )
    )


@blp.route("/<int:cliente_id>/compras", methods=["GET"])
@requiere_permiso("clientes.consultar")
@blp.arguments(Paginacion, location="query")
@blp.response(200, PaginaCompras)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
def compras(paginacion: dict[str, int], cliente_id: int) -> dict[str, Any]:
    """Compras del cliente por páginas, de la más reciente a la más antigua."""
    return cliente_controller.compras_paginadas(
        gateway(), cliente_id, paginacion["pagina"], paginacion["por_pagina"]
    )


@blp.route("/exportar", methods=["GET"])
@requiere_permiso("clientes.exportar")
@blp.arguments(ConsultaExportacion, location="query")
@blp.response(
    200,
    description="Archivo CSV, XLSX o TXT como adjunto",
    headers=doc_total_filas("Compras que lleva el archivo"),
)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
@blp.alt_response(422, schema=RespuestaError, description="Documento o formato inválido")
def exportar(consulta: dict[str, str]) -> Response:
    """Descarga la ficha del cliente con sus compras."""
    archivo = cliente_controller.exportar_cliente(
        gateway(),
        consulta["tipo_documento"],
        consulta["numero_documento"],
        consulta["formato"],
        contexto_auditoria(),
    )
    return respuesta_archivo(archivo.contenido, archivo.tipo_mime, archivo.nombre, archivo.filas)
