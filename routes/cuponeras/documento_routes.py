"""Documentos de M6 (personal y titular): PDF de la factura, su envío por correo, y el código de
barras (SVG) y el cupón imprimible (PDF) de un cupón de pago."""

from __future__ import annotations

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers.cuponeras import documento_controller, envio_factura_controller
from controllers.cuponeras.documento_controller import Documento
from routes.contexto import despachar_correos_tras_responder, gateway, usuario_actual
from routes.cuponeras.esquemas import PERSONAL_O_TITULAR
from routes.esquemas_comunes import RespuestaError
from routes.respuestas import ENCABEZADO_TOTAL_FILAS, anotar_filas
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "documentos_cuponeras",
    __name__,
    url_prefix="/api",
    description="Cuponeras: factura en PDF, envío por correo, código de barras y cupón imprimible",
)


class CorreoEncolado(Schema):
    correo_id = fields.Integer(required=True)


def _archivo(documento: Documento, adjunto: bool) -> Response:
    respuesta = Response(documento.contenido, mimetype=documento.tipo_mime)
    disposicion = "attachment" if adjunto else "inline"
    respuesta.headers["Content-Disposition"] = f'{disposicion}; filename="{documento.nombre}"'
    return anotar_filas(respuesta, documento.filas)


def _binario(tipo: str, descripcion: str) -> dict[str, object]:
    return {
        "description": descripcion,
        "content": {tipo: {"schema": {"type": "string", "format": "binary"}}},
        "headers": {
            ENCABEZADO_TOTAL_FILAS: {
                "description": "Filas de datos: 1 (la factura o el código); las facturas del cupón",
                "schema": {"type": "integer"},
            }
        },
    }


@blp.route("/facturas/<string:numero_factura>/pdf", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.doc(responses={"200": _binario("application/pdf", "La factura en PDF")})
@blp.alt_response(404, schema=RespuestaError, description="No existe (o es de otro cliente)")
def factura_pdf(numero_factura: str) -> Response:
    """La factura en PDF."""
    documento = documento_controller.factura_pdf(gateway(), usuario_actual(), numero_factura)
    return _archivo(documento, adjunto=True)


@blp.route("/facturas/<string:numero_factura>/enviar", methods=["POST"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.response(202, CorreoEncolado)
@blp.alt_response(404, schema=RespuestaError, description="No existe (o es de otro cliente)")
@blp.alt_response(422, schema=RespuestaError, description="El titular no tiene correo")
def enviar_factura(numero_factura: str) -> Response:
    """Envía la factura con su PDF al correo del titular (el verificado del portal si lo hay; si
    no, el de su ficha) por la bandeja de salida."""
    correo_id = envio_factura_controller.enviar(gateway(), usuario_actual(), numero_factura)
    respuesta = jsonify({"correo_id": correo_id})
    respuesta.status_code = 202
    return despachar_correos_tras_responder(respuesta, [correo_id])


@blp.route("/cupones/<string:numero>/codigo-barras.svg", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.doc(responses={"200": _binario("image/svg+xml", "Code 128 (GS1-128) de la cadena")})
@blp.alt_response(404, schema=RespuestaError, description="No existe (o es de otro cliente)")
def codigo_barras(numero: str) -> Response:
    """El código de barras del cupón (GS1-128) como imagen SVG, con la cadena legible."""
    return _archivo(documento_controller.cupon_svg(gateway(), usuario_actual(), numero), False)


@blp.route("/cupones/<string:numero>/pdf", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.doc(responses={"200": _binario("application/pdf", "El cupón imprimible")})
@blp.alt_response(404, schema=RespuestaError, description="No existe (o es de otro cliente)")
def cupon_pdf(numero: str) -> Response:
    """El cupón de pago imprimible (PDF) con sus facturas y el código de barras."""
    return _archivo(documento_controller.cupon_pdf(gateway(), usuario_actual(), numero), True)
