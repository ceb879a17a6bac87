"""gunicorn real con `gunicorn.conf.py` (como lo sirven `make run` y producción) para las pruebas.

Puertos: el primero libre desde `SAC_PUERTO_PRUEBAS` (5200 por defecto), 50 como mucho.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from app import create_app, migrar
from controllers import usuario_controller

RAIZ = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
SECRETO = "prueba-gunicorn-" + "s3cr3t0-" * 6
USUARIO = ("agente.gunicorn", "Agente Gunicorn", "Clave-Gunicorn-2026")
# Variables del entorno de quien corre las pruebas que cambiarían qué se sirve.
AJENAS = (
    "DATABASE_URL",
    "DB_CLIENT",
    "SQLITE_PATH",
    "REDIS_URL",
    "APP_ENV",
    "GUNICORN_BIND",
    "PORT",
)


def base_migrada(carpeta: Path) -> str:
    """URL de un archivo SQLite migrado con un agente."""
    url = f"sqlite:///{carpeta / 'sac.db'}"
    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url})
    migrar(app)
    usuario, nombre, contrasena = USUARIO
    usuario_controller.crear(app.extensions["sac_db"], usuario, nombre, "agente", contrasena)
    app.extensions["sac_db"].dispose()
    return url


_entregados: list[int] = []


def puerto_libre() -> int:
    """El siguiente puerto libre del rango, en rueda: dos servidores que arrancan a la vez no reciben
    el mismo aunque el primero aún no lo haya tomado."""
    inicio = int(os.environ.get("SAC_PUERTO_PRUEBAS", "5200"))
    desde = (_entregados[-1] - inicio + 1) % 50 if _entregados else 0
    for desplazamiento in range(50):
        puerto = inicio + (desde + desplazamiento) % 50
        with closing(socket.socket()) as zocalo:
            try:
                zocalo.bind(("127.0.0.1", puerto))
            except OSError:
                continue
            _entregados.append(puerto)
            return puerto
    pytest.fail(f"No hay puertos libres entre {inicio} y {inicio + 49}.")


def entorno(url: str, **extra: str) -> dict[str, str]:
    """Como en producción: `APP_ENV=production`, secretos fuertes, dos workers."""
    base = {clave: valor for clave, valor in os.environ.items() if clave not in AJENAS}
    return {
        **base,
        "APP_ENV": "production",
        "SECRET_KEY": SECRETO,
        "JWT_SECRET_KEY": SECRETO + "jwt",
        "DATABASE_URL": url,
        "GUNICORN_WORKERS": "2",
        **extra,
    }


def arrancar(variables: dict[str, str], registro: Path) -> tuple[subprocess.Popen[bytes], int]:
    puerto = puerto_libre()
    with registro.open("ab") as salida:
        proceso = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py", "app:create_app()"],
            cwd=RAIZ,
            env={**variables, "GUNICORN_BIND": f"127.0.0.1:{puerto}"},
            stdout=salida,
            stderr=subprocess.STDOUT,
        )
    return proceso, puerto


def detener(proceso: subprocess.Popen[bytes]) -> None:
    if proceso.poll() is None:
        proceso.send_signal(signal.SIGTERM)
    try:
        proceso.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proceso.kill()
        proceso.wait()


def esperar_listo(proceso: subprocess.Popen[bytes], puerto: int, registro: Path) -> None:
    """Hasta que `/api/salud` responda 200; si gunicorn termina o no responde, la prueba falla."""
    limite = time.monotonic() + 90
    while True:
        if proceso.poll() is not None:
            pytest.fail(f"gunicorn terminó al arrancar:\n{registro.read_text()[-3000:]}")
        try:
            if pedir(puerto, "GET", "/api/salud", espera=5)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > limite:
            pytest.fail(f"gunicorn no respondió:\n{registro.read_text()[-3000:]}")
        time.sleep(0.2)


@contextmanager
def gunicorn(variables: dict[str, str], registro: Path) -> Iterator[int]:
    """Arranca gunicorn, espera a que `/api/salud` responda 200 y lo detiene al salir."""
    proceso, puerto = arrancar(variables, registro)
    try:
        esperar_listo(proceso, puerto, registro)
        yield puerto
    finally:
        detener(proceso)


def pedir(
    puerto: int,
    metodo: str,
    ruta: str,
    cuerpo: dict[str, Any] | None = None,
    cabeceras: dict[str, str] | None = None,
    espera: float = 2.0,
) -> tuple[int, Any]:
    """Una petición en una conexión nueva; estado y JSON. `espera` agotada = `TimeoutError`."""
    with closing(http.client.HTTPConnection("127.0.0.1", puerto, timeout=espera)) as conexion:
        datos = json.dumps(cuerpo).encode() if cuerpo is not None else None
        todas = {"Content-Type": "application/json"} if datos is not None else {}
        conexion.request(metodo, ruta, body=datos, headers={**todas, **(cabeceras or {})})
        respuesta = conexion.getresponse()
        contenido = respuesta.read()
        return respuesta.status, json.loads(contenido) if contenido else None


def token(puerto: int) -> str:
    usuario, _, contrasena = USUARIO
    estado, datos = pedir(
        puerto, "POST", "/api/auth/login", {"usuario": usuario, "contrasena": contrasena}, espera=10
    )
    assert estado == 200, datos
    return str(datos["access_token"])
