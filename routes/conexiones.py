"""Una petición cuyo cuerpo no se leyó entero no deja la conexión abierta (WSGI, ante gunicorn).

Cuando la app responde sin leer el cuerpo (413 por tamaño, 405 a una ruta que solo acepta GET, 401
antes de mirar un archivo...), gunicorn mantenía la conexión viva y, antes de leer la petición
siguiente, descartaba el resto del cuerpo leyéndolo del socket (`gunicorn/http/parser.py`,
`Parser.__next__`), sin límite de tiempo: con un cliente que ya no envía, el hilo de gthread (uno
por worker) quedaba bloqueado ahí y las peticiones nuevas de ese worker esperaban sin fin.

Aquí: si la respuesta empieza con el cuerpo sin leer, se pide a gunicorn cerrar la conexión
(`Connection: close`) y, ya enviada la respuesta, se cierra «con espera» como nginx
(`lingering_close`): se cierra la escritura y se descarta lo que el cliente siga enviando durante
un tiempo y un volumen acotados, para que el cliente que aún envía lea el 413 en lugar de recibir
un RST; luego gunicorn cierra el socket.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

# Descartar lo que siga llegando tras la respuesta: como mucho estos segundos en total, este silencio
# entre dos lecturas y este volumen (un cliente rápido en la red local manda 20 MB en milisegundos).
ESPERA_CIERRE_SEGUNDOS = 2.0
SILENCIO_CIERRE_SEGUNDOS = 0.5
DESCARTE_MAXIMO_BYTES = 128 * 1024 * 1024

Aplicacion = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _CuerpoContado:
    """`wsgi.input` que recuerda si el cuerpo se leyó hasta el final."""

    def __init__(self, entrada: Any, largo: int | None) -> None:
        self._entrada = entrada
        self._largo = largo
        self._leidos = 0
        self._agotado = False

    @property
    def completo(self) -> bool:
        return self._agotado or (self._largo is not None and self._leidos >= self._largo)

    def _contar(self, datos: bytes, pedido: int | None) -> bytes:
        self._leidos += len(datos)
        if not datos and pedido != 0:
            self._agotado = True
        return datos

    def read(self, tamano: int | None = None, /) -> bytes:
        datos = self._entrada.read() if tamano is None or tamano < 0 else self._entrada.read(tamano)
        return self._contar(datos, tamano)

    def readline(self, tamano: int | None = None, /) -> bytes:
        datos = self._entrada.readline(tamano) if tamano is not None else self._entrada.readline()
        return self._contar(datos, tamano)

    def readlines(self, pista: int | None = None, /) -> list[bytes]:
        return list(iter(self.readline, b""))

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")


class _RespuestaConCierre:
    """El cuerpo de la respuesta; al cerrarlo (gunicorn ya envió todo) cierra «con espera»."""

    def __init__(self, cuerpo: Iterable[bytes], zocalo: Any) -> None:
        self._cuerpo = cuerpo
        self._zocalo = zocalo

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._cuerpo)

    def close(self) -> None:
        try:
            cerrar = getattr(self._cuerpo, "close", None)
            if cerrar is not None:
                cerrar()
        finally:
            _descartar_lo_que_siga(self._zocalo)


def _descartar_lo_que_siga(zocalo: Any) -> None:
    if not hasattr(zocalo, "recv") or not hasattr(zocalo, "shutdown"):
        return
    limite = time.monotonic() + ESPERA_CIERRE_SEGUNDOS
    descartados = 0
    try:
        zocalo.shutdown(socket.SHUT_WR)  # el cliente ve el fin de la respuesta
        while descartados < DESCARTE_MAXIMO_BYTES:
            restante = limite - time.monotonic()
            if restante <= 0:
                break
            zocalo.settimeout(min(restante, SILENCIO_CIERRE_SEGUNDOS))
            datos = zocalo.recv(256 * 1024)
            if not datos:
                break
            descartados += len(datos)
    except OSError:
        pass  # tiempo agotado o el cliente ya cerró: gunicorn cierra el socket igual


def _largo(environ: dict[str, Any]) -> int | None:
    try:
        return int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


class CerrarSiElCuerpoNoSeLeyo:
    """Middleware WSGI: ver el docstring del módulo. Las peticiones sin cuerpo (casi todas: la
    consulta es un GET) pasan sin tocar."""

    def __init__(self, aplicacion: Aplicacion) -> None:
        self.aplicacion = aplicacion

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        largo = _largo(environ)
        fragmentado = "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower()
        if not largo and not fragmentado:
            return self.aplicacion(environ, start_response)
        cuerpo = _CuerpoContado(environ["wsgi.input"], largo)
        environ["wsgi.input"] = cuerpo
        cerrar = False

        def iniciar(estado: str, cabeceras: list[tuple[str, str]], exc_info: Any = None) -> Any:
            nonlocal cerrar
            if not cuerpo.completo:
                # La respuesta de gunicorn es la dueña de `start_response`: `force_close()`
                # hace que anuncie `Connection: close` y no reutilice la conexión. Con otro
                # servidor (el de pruebas de Flask) no hay nada que cerrar.
                forzar = getattr(getattr(start_response, "__self__", None), "force_close", None)
                if callable(forzar):
                    forzar()
                    cerrar = True
            return start_response(estado, cabeceras, exc_info)

        respuesta = self.aplicacion(environ, iniciar)
        if not cerrar:
            return respuesta
        return _RespuestaConCierre(respuesta, environ.get("gunicorn.socket"))


class _EntradaSinCandado:
    """`wsgi.input` que suelta el candado del worker mientras espera bytes del cliente."""

    def __init__(self, entrada: Any, candado: threading.Lock) -> None:
        self._entrada = entrada
        self._candado = candado

    def _sin_candado(self, leer: Callable[..., bytes], *argumentos: Any) -> Any:
        self._candado.release()
        try:
            return leer(*argumentos)
        finally:
            self._candado.acquire()

    def read(self, *argumentos: Any) -> bytes:
        return cast(bytes, self._sin_candado(self._entrada.read, *argumentos))

    def readline(self, *argumentos: Any) -> bytes:
        return cast(bytes, self._sin_candado(self._entrada.readline, *argumentos))

    def readlines(self, *argumentos: Any) -> list[bytes]:
        return cast(list[bytes], self._sin_candado(self._entrada.readlines, *argumentos))

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")


class UnaPeticionALaVez:
    """Con workers gthread de varios hilos: la app corre para una sola petición a la vez por worker.

    Los hilos existen para esperar (un cuerpo o unas cabeceras que llegan lentos, un cliente que lee
    despacio la respuesta, una conexión de eventos abierta), no para calcular: dos consultas que se
    turnan el GIL gastan ~1,5 × la CPU de una (docs/rendimiento.md). El candado se toma al entrar a
    la app y se suelta mientras se espera el cuerpo y al devolver la respuesta: su envío, y el flujo
    de un Server-Sent Events, ocurren fuera del candado.
    """

    def __init__(self, aplicacion: Aplicacion) -> None:
        self.aplicacion = aplicacion
        self.candado = threading.Lock()

    def __call__(self, entorno: dict[str, Any], iniciar: Callable[..., Any]) -> Iterable[bytes]:
        with self.candado:
            entorno["wsgi.input"] = _EntradaSinCandado(entorno["wsgi.input"], self.candado)
            return self.aplicacion(entorno, iniciar)
