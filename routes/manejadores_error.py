"""Manejadores que convierten todo error en la forma única JSON; nunca HTML ni trazas."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from werkzeug.exceptions import HTTPException

from errores import (
    Conflicto,
    DatosInvalidos,
    ErrorSac,
    NoAutenticado,
    NoEncontrado,
    Prohibido,
    ServicioNoDisponible,
    SolicitudInvalida,
)
from routes.respuestas import campos_de_validacion, respuesta_error

registro = logging.getLogger("sac.errores")


class MetodoNoPermitido(ErrorSac):
    estado_http = 405
    codigo = "metodo_no_permitido"
    mensaje_por_defecto = "El método HTTP no está permitido para esta ruta."


class DemasiadoGrande(ErrorSac):
    estado_http = 413
    codigo = "demasiado_grande"
    mensaje_por_defecto = "El cuerpo o archivo enviado supera el tamaño máximo permitido."


class TipoNoSoportado(ErrorSac):
    estado_http = 415
    codigo = "tipo_no_soportado"
    mensaje_por_defecto = "El tipo de contenido enviado no es compatible con esta ruta."


class DemasiadasSolicitudes(ErrorSac):
    estado_http = 429
    codigo = "demasiadas_solicitudes"
    mensaje_por_defecto = "Demasiadas solicitudes. Espere un momento e intente de nuevo."


POR_ESTADO: dict[int, type[ErrorSac]] = {
    400: SolicitudInvalida,
    401: NoAutenticado,
    403: Prohibido,
    404: NoEncontrado,
    405: MetodoNoPermitido,
    409: Conflicto,
    413: DemasiadoGrande,
    415: TipoNoSoportado,
    422: DatosInvalidos,
    429: DemasiadasSolicitudes,
    503: ServicioNoDisponible,
}
MENSAJES_HTTP = {
    400: "La solicitud no se pudo interpretar (revise el JSON enviado).",
    404: "La ruta solicitada no existe.",
}
SEGUNDOS_REINTENTO = "5"


def _responder(error: ErrorSac) -> tuple[Response, int]:
    respuesta, estado = respuesta_error(error)
    if estado == 503:
        respuesta.headers["Retry-After"] = SEGUNDOS_REINTENTO
    return respuesta, estado


def error_de_http(excepcion: HTTPException) -> ErrorSac:
    """Traduce una excepción HTTP de Werkzeug o de webargs al error de dominio equivalente."""
    estado = excepcion.code or 500
    clase = POR_ESTADO.get(estado)
    datos: Any = getattr(excepcion, "data", None) or {}
    mensajes = datos.get("messages") if isinstance(datos, dict) else None
    if estado == 422 and isinstance(mensajes, dict):
        campos = campos_de_validacion(mensajes)
        primero = next(iter(campos.items()), None)
        resumen = "Los datos enviados no son válidos."
        if primero:
            detalle = primero[1][0] if isinstance(primero[1], list) else primero[1]
            resumen = f"{primero[0]}: {detalle}"
        return DatosInvalidos(resumen, {"campos": campos})
    if clase is None:
        return ErrorSac()
    return clase(MENSAJES_HTTP.get(estado))


def registrar_manejadores(app: Flask) -> None:
    @app.errorhandler(ErrorSac)
    def _dominio(error: ErrorSac) -> tuple[Response, int]:
        return _responder(error)

    @app.errorhandler(HTTPException)
    def _http(excepcion: HTTPException) -> tuple[Response, int]:
        return _responder(error_de_http(excepcion))

    @app.errorhandler(IntegrityError)
    def _integridad(_excepcion: IntegrityError) -> tuple[Response, int]:
        return _responder(Conflicto())

    @app.errorhandler(OperationalError)
    def _operacional(excepcion: OperationalError) -> tuple[Response, int]:
        registro.warning("Base de datos no disponible: %s", type(excepcion.orig).__name__)
        return _responder(ServicioNoDisponible())

    @app.errorhandler(DBAPIError)
    def _dbapi(excepcion: DBAPIError) -> tuple[Response, int]:
        registro.error("Error de base de datos: %s", type(excepcion.orig).__name__)
        return _responder(ErrorSac())

    @app.errorhandler(Exception)
    def _inesperado(excepcion: Exception) -> tuple[Response, int]:
        registro.exception("Error no controlado: %s", type(excepcion).__name__)
        return _responder(ErrorSac())
