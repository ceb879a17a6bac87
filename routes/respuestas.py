"""Forma única de error, traducción al español de los mensajes de validación y las respuestas que
dicen cuántas filas llevan (archivos y listas sin sobre de paginación)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from flask import Response, jsonify, send_file
from flask.json.provider import DefaultJSONProvider

from errores import ErrorSac


class ProveedorJson(DefaultJSONProvider):
    """JSON como lo entrega marshmallow: dinero (`Decimal`) como número y fechas en ISO 8601 con su
    zona. Así una ruta caliente puede devolver `jsonify(datos)` sin volcar por el esquema."""

    sort_keys = False

    @staticmethod
    def default(o: Any) -> Any:
        if isinstance(o, Decimal):
            return float(o)
        if isinstance(o, datetime | date):
            return o.isoformat()  # un día (`date`) como AAAA-MM-DD, igual que marshmallow
        return DefaultJSONProvider.default(o)


TRADUCCIONES = {
    "Missing data for required field.": "Este campo es obligatorio.",
    "Field may not be null.": "Este campo no puede ser nulo.",
    "Unknown field.": "Campo no reconocido.",
    "Not a valid integer.": "Debe ser un número entero.",
    "Not a valid number.": "Debe ser un número.",
    "Not a valid string.": "Debe ser un texto.",
    "Not a valid boolean.": "Debe ser verdadero o falso.",
    "Invalid input type.": "Tipo de dato no válido.",
    "Invalid value.": "Valor no válido.",
    "Not a valid date.": "Debe ser una fecha con el formato AAAA-MM-DD.",
    "Not a valid datetime.": "Debe ser una fecha y hora ISO 8601.",
    "Invalid JSON body.": "El cuerpo no es un JSON válido.",
    "Shorter than minimum length 1.": "No puede estar vacío.",
}


def traducir(mensaje: str) -> str:
    if mensaje in TRADUCCIONES:
        return TRADUCCIONES[mensaje]
    if mensaje.startswith("Must be one of"):
        return "Valor no permitido. " + mensaje.replace("Must be one of:", "Use uno de:")
    if mensaje.startswith(("Longer than maximum length", "Length must be")):
        return "El texto es demasiado largo."
    return mensaje


def _traducir_mensajes(mensajes: Any) -> Any:
    if isinstance(mensajes, dict):
        return {clave: _traducir_mensajes(valor) for clave, valor in mensajes.items()}
    if isinstance(mensajes, list):
        return [_traducir_mensajes(valor) for valor in mensajes]
    return traducir(str(mensajes))


def campos_de_validacion(mensajes: dict[str, Any]) -> dict[str, Any]:
    """Aplana {"query": {"campo": [...]}, "json": {...}} de webargs en {"campo": [...]}."""
    campos: dict[str, Any] = {}
    for por_ubicacion in mensajes.values():
        if isinstance(por_ubicacion, dict):
            campos.update(_traducir_mensajes(por_ubicacion))
    return campos


def cuerpo_error(error: ErrorSac) -> dict[str, Any]:
    return {"error": {"code": error.codigo, "message": error.mensaje, "details": error.detalles}}


def respuesta_error(error: ErrorSac) -> tuple[Response, int]:
    return jsonify(cuerpo_error(error)), error.estado_http


# Toda lista y exportación dice cuántas filas tiene (M10): los archivos, en este encabezado (además
# de decirlo dentro cuando el formato lo permite); las listas que por contrato son un arreglo plano,
# también. Las listas paginadas lo dicen en su sobre (`total`).
ENCABEZADO_TOTAL_FILAS = "X-Total-Filas"


def doc_total_filas(descripcion: str) -> dict[str, Any]:
    """El encabezado de conteo en el OpenAPI de una respuesta (`headers=` de `blp.response`)."""
    return {ENCABEZADO_TOTAL_FILAS: {"description": descripcion, "schema": {"type": "integer"}}}


def anotar_filas(respuesta: Response, filas: int) -> Response:
    """Pone en `respuesta` el encabezado con las filas de datos que contiene."""
    respuesta.headers[ENCABEZADO_TOTAL_FILAS] = str(filas)
    return respuesta


def respuesta_archivo(contenido: bytes, tipo_mime: str, nombre: str, filas: int) -> Response:
    """El archivo como adjunto (`nombre`), con el encabezado de cuántas filas de datos lleva."""
    respuesta = send_file(
        io.BytesIO(contenido), mimetype=tipo_mime, as_attachment=True, download_name=nombre
    )
    return anotar_filas(respuesta, filas)


def lista_con_total(items: Sequence[Any]) -> tuple[Sequence[Any], dict[str, str]]:
    """Una lista entera (sin tope) cuyo cuerpo es un arreglo plano por contrato: el cuerpo no cambia
    y el conteo va en el encabezado. Se devuelve tal cual desde una vista de flask-smorest."""
    return items, {ENCABEZADO_TOTAL_FILAS: str(len(items))}
