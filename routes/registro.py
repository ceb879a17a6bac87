"""Registros estructurados (JSON por línea) con id de petición y sin datos personales.

Se registra el método, la ruta sin cadena de consulta, el estado, la duración, el id de petición y
el id numérico del usuario; nunca documentos, nombres, correos ni tokens.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from flask import Flask, Response, g, request

_ID_VALIDO = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
registro_peticiones = logging.getLogger("sac.peticiones")


class FormatoJson(logging.Formatter):
    """Una línea JSON por evento, con los campos extra que traiga el registro."""

    CAMPOS = ("id_peticion", "metodo", "ruta", "estado", "duracion_ms", "usuario_id")

    def format(self, evento: logging.LogRecord) -> str:
        datos: dict[str, Any] = {
            "instante": self.formatTime(evento, "%Y-%m-%dT%H:%M:%S%z"),
            "nivel": evento.levelname,
            "registro": evento.name,
            "mensaje": evento.getMessage(),
        }
        for campo in self.CAMPOS:
            if hasattr(evento, campo):
                datos[campo] = getattr(evento, campo)
        if evento.exc_info and evento.exc_info[0] is not None:
            # Solo el tipo: el mensaje de una excepción puede llevar datos de la petición.
            datos["excepcion"] = evento.exc_info[0].__name__
        return json.dumps(datos, ensure_ascii=False)


def configurar_registro(app: Flask) -> None:
    """Registros JSON a la salida de error y un id por petición (cabecera X-Request-ID)."""
    raiz = logging.getLogger("sac")
    if not any(isinstance(h.formatter, FormatoJson) for h in raiz.handlers):
        manejador = logging.StreamHandler()
        manejador.setFormatter(FormatoJson())
        raiz.addHandler(manejador)
        raiz.propagate = False
    raiz.setLevel(app.config.get("NIVEL_REGISTRO", "INFO"))

    @app.before_request
    def _iniciar() -> None:
        propuesto = request.headers.get("X-Request-ID", "")
        g.id_peticion = propuesto if _ID_VALIDO.match(propuesto) else uuid.uuid4().hex
        g.inicio_peticion = time.perf_counter()

    @app.after_request
    def _terminar(respuesta: Response) -> Response:
        id_peticion = g.get("id_peticion") or uuid.uuid4().hex
        respuesta.headers["X-Request-ID"] = id_peticion
        if request.path.startswith("/api/"):
            usuario = g.get("sac_usuario")
            registro_peticiones.info(
                "petición",
                extra={
                    "id_peticion": id_peticion,
                    "metodo": request.method,
                    "ruta": request.path,
                    "estado": respuesta.status_code,
                    "duracion_ms": round(
                        (time.perf_counter() - g.get("inicio_peticion", 0)) * 1000, 1
                    ),
                    "usuario_id": usuario.id if usuario else None,
                },
            )
        return respuesta
