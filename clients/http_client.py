"""POST de JSON por HTTP con la biblioteca estándar (urllib), con tiempo de espera."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass


class ErrorConexion(Exception):
    """No hubo respuesta HTTP (conexión rechazada, tiempo agotado...)."""


@dataclass(frozen=True)
class RespuestaHttp:
    estado: int
    texto: str
    reintentar_en: str | None


def enviar_json(
    url: str, cuerpo: bytes, cabeceras: dict[str, str], timeout: float
) -> RespuestaHttp:
    if not url.startswith(("http://", "https://")):
        raise ErrorConexion("La URL debe empezar por http:// o https://.")
    peticion = urllib.request.Request(  # noqa: S310 (esquema verificado arriba)
        url, data=cuerpo, method="POST", headers={"Content-Type": "application/json", **cabeceras}
    )
    try:
        with urllib.request.urlopen(peticion, timeout=timeout) as respuesta:  # noqa: S310
            return RespuestaHttp(
                respuesta.status, respuesta.read().decode("utf-8", "replace"), None
            )
    except urllib.error.HTTPError as error:
        texto = error.read().decode("utf-8", "replace")
        return RespuestaHttp(error.code, texto, error.headers.get("Retry-After"))
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
        raise ErrorConexion(str(getattr(error, "reason", error))) from error
