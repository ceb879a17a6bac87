"""Un servidor real (gunicorn con workers gevent) sobre la base de las pruebas, en un puerto de
M8 (5400–5449), para probar la ingesta, los eventos entre procesos y el simulador."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

RAIZ = Path(__file__).resolve().parents[2]
# Un bloque de puertos por motor: las suites de sqlite, postgresql y mariadb pueden correr a la vez.
_DESPLAZAMIENTO = {"sqlite": 0, "postgresql": 10, "mariadb": 35}  # 5432 es de PostgreSQL


def puerto(numero: int) -> int:
    """Puerto de M8 (5400–5449) para la prueba `numero` (0–9) según el motor elegido."""
    from tests.bases_prueba import motor_elegido

    return 5400 + _DESPLAZAMIENTO[motor_elegido()] + numero


GUNICORN = Path(sys.executable).parent / "gunicorn"


@contextmanager
def servidor(
    url_base: str, puerto: int, carpeta: Path, entorno: dict[str, str] | None = None
) -> Iterator[str]:
    configuracion = carpeta / f"gunicorn_{puerto}.py"
    configuracion.write_text("# sin la configuración del proyecto\n")
    variables = {
        **os.environ,
        "APP_ENV": "testing",
        "DATABASE_URL": url_base,
        "REDIS_URL": "",
        "ENTREGAS_LATIDO_SEGUNDOS": "1",
        "LIMITE_LOGIN_IP": "1000 per minute",
        "LIMITE_LOGIN_USUARIO": "1000 per minute",
        **(entorno or {}),
    }
    registro = (carpeta / f"gunicorn_{puerto}.log").open("w")
    proceso = subprocess.Popen(
        [
            str(GUNICORN),
            "--config",
            str(configuracion),
            "--worker-class",
            "gevent",
            "--workers",
            "1",
            "--graceful-timeout",
            "2",
            "--bind",
            f"127.0.0.1:{puerto}",
            "app:create_app()",
        ],
        cwd=RAIZ,
        env=variables,
        stdout=registro,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{puerto}"
    try:
        limite = time.monotonic() + 30
        while True:
            conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=2)
            try:
                conexion.request("GET", "/api/salud")
                respuesta = conexion.getresponse()
                respuesta.read()
                if respuesta.status < 500:
                    break
            except OSError:
                pass
            finally:
                conexion.close()
            if proceso.poll() is not None or time.monotonic() > limite:
                raise RuntimeError(
                    "El servidor de pruebas no arrancó: "
                    + (carpeta / f"gunicorn_{puerto}.log").read_text()[-2000:]
                )
            time.sleep(0.2)
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()
        registro.close()


def pedir(
    puerto: int, metodo: str, ruta: str, cuerpo: Any = None, cabeceras: dict | None = None
) -> tuple[int, dict[str, str], Any]:
    conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=10)
    por_partes = cuerpo is not None and not isinstance(cuerpo, bytes)
    conexion.request(metodo, ruta, body=cuerpo, headers=cabeceras or {}, encode_chunked=por_partes)
    respuesta = conexion.getresponse()
    texto = respuesta.read()
    conexion.close()
    datos = json.loads(texto) if texto[:1] in (b"{", b"[") else texto
    return respuesta.status, dict(respuesta.getheaders()), datos


class FlujoEventos:
    """Lector de un flujo text/event-stream real (http.client)."""

    def __init__(self, puerto: int, cabeceras: dict[str, str]) -> None:
        self.conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=10)
        self.conexion.request("GET", "/api/entregas/eventos", headers=cabeceras)
        self.respuesta = self.conexion.getresponse()

    def siguiente_bloque(self) -> str:
        lineas: list[str] = []
        while True:
            linea = self.respuesta.readline().decode("utf-8")
            if linea in ("\n", ""):
                return "".join(lineas)
            lineas.append(linea)

    def siguiente_evento(self, segundos: float = 10) -> dict[str, Any]:
        limite = time.monotonic() + segundos
        while time.monotonic() < limite:
            bloque = self.siguiente_bloque()
            if "event: entrega" in bloque:
                return leer_evento(bloque)
        raise AssertionError("No llegó ningún evento")

    def cerrar(self) -> None:
        self.respuesta.close()
        self.conexion.close()


def leer_evento(bloque: str) -> dict[str, Any]:
    campos: dict[str, Any] = {}
    for linea in bloque.strip().splitlines():
        nombre, _, valor = linea.partition(": ")
        campos[nombre] = valor
    campos["data"] = json.loads(campos["data"])
    campos["id"] = int(campos["id"])
    return campos
