"""Servidor gunicorn como en producción (`gunicorn.conf.py`) en 127.0.0.1 y un cliente HTTP mínimo."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.entorno import RAIZ, programa

APP_PROYECTO = "app:create_app()"
APP_LINEA_BASE = "bench.linea_base_wsgi:crear_app()"
ESPERA_ARRANQUE = 60.0


@dataclass(frozen=True)
class Servidor:
    puerto: int
    pid: int
    registro: Path

    def trabajadores(self) -> list[int]:
        """Pids de los workers (hijos del proceso maestro de gunicorn)."""
        hijos = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        return [int(pid) for pid in hijos]

    def memoria_maxima_mb(self) -> float:
        """El mayor VmHWM (memoria residente máxima) entre los workers."""
        return max((_vm_hwm_mb(pid) for pid in self.trabajadores()), default=float("nan"))

    def reiniciar_memoria_maxima(self) -> None:
        """Pone VmHWM en la memoria actual (`clear_refs` = 5): el inicio de sesión usa argon2 con
        64 MiB y, si no, su pico taparía el del reporte."""
        for pid in self.trabajadores():
            Path(f"/proc/{pid}/clear_refs").write_text("5")

    def cpu_segundos(self) -> float:
        """CPU (usuario + sistema) consumida hasta ahora por los workers."""
        total = 0
        for pid in self.trabajadores():
            campos = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(campos[11]) + int(campos[12])  # utime y stime, en ticks
        return total / os.sysconf("SC_CLK_TCK")

    def conexiones_por_worker(self) -> list[int]:
        """Conexiones TCP establecidas que atiende cada worker ahora (sus sockets en
        `/proc/<pid>/fd` cruzados con `/proc/net/tcp` por el puerto del servidor)."""
        establecidas = set()
        for linea in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            campos = linea.split()
            if int(campos[1].rsplit(":", 1)[1], 16) == self.puerto and campos[3] == "01":
                establecidas.add(campos[9])  # inodo del socket
        cuentas = []
        for pid in self.trabajadores():
            carpeta = Path(f"/proc/{pid}/fd")
            enlaces = []
            for descriptor in carpeta.iterdir():
                try:
                    enlaces.append(descriptor.readlink().name)
                except OSError:
                    continue  # se cerró mientras se listaba
            cuentas.append(sum(enlace[8:-1] in establecidas for enlace in enlaces))
        return cuentas

    def conexion(self, espera: float = 120.0) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.puerto, timeout=espera)


def _vm_hwm_mb(pid: int) -> float:
    for linea in Path(f"/proc/{pid}/status").read_text().splitlines():
        if linea.startswith("VmHWM:"):
            return int(linea.split()[1]) / 1024
    return float("nan")


def _puerto_libre() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as zocalo:
        zocalo.bind(("127.0.0.1", 0))
        puerto: int = zocalo.getsockname()[1]
        return puerto


@contextmanager
def servidor(aplicacion: str, entorno: dict[str, str], registro: Path) -> Iterator[Servidor]:
    """Arranca gunicorn con la configuración de producción y lo detiene (SIGTERM) al salir."""
    puerto = _puerto_libre()
    with registro.open("a") as salida:
        proceso = subprocess.Popen(  # noqa: S603 - comando fijo del benchmark, sin shell
            [programa("gunicorn"), "--config", "gunicorn.conf.py", aplicacion],
            cwd=RAIZ,
            env={**entorno, "GUNICORN_BIND": f"127.0.0.1:{puerto}"},
            stdout=salida,
            stderr=subprocess.STDOUT,
        )
    try:
        _esperar(puerto, proceso, registro)
        yield Servidor(puerto, proceso.pid, registro)
    finally:
        proceso.send_signal(signal.SIGTERM)
        try:
            proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()


def _esperar(puerto: int, proceso: subprocess.Popen[bytes], registro: Path) -> None:
    limite = time.monotonic() + ESPERA_ARRANQUE
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            raise RuntimeError(f"gunicorn terminó al arrancar; ver {registro}")
        try:
            with closing(http.client.HTTPConnection("127.0.0.1", puerto, timeout=2)) as conexion:
                conexion.request("GET", "/api/salud")
                conexion.getresponse().read()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn no respondió en {ESPERA_ARRANQUE} s; ver {registro}")


def pedir(
    conexion: http.client.HTTPConnection,
    metodo: str,
    ruta: str,
    token: str | None = None,
    cuerpo: dict[str, Any] | None = None,
) -> tuple[int, bytes, float]:
    """Una petición por la conexión (keep-alive): estado, cuerpo y segundos hasta el último byte."""
    cabeceras = {"Authorization": f"Bearer {token}"} if token else {}
    datos = None
    if cuerpo is not None:
        datos = json.dumps(cuerpo).encode()
        cabeceras["Content-Type"] = "application/json"
    inicio = time.perf_counter()
    conexion.request(metodo, ruta, body=datos, headers=cabeceras)
    respuesta = conexion.getresponse()
    contenido = respuesta.read()
    return respuesta.status, contenido, time.perf_counter() - inicio


def iniciar_sesion(servidor: Servidor, usuario: str, contrasena: str) -> str:
    """Token de acceso real por la API (`POST /api/auth/login`)."""
    with closing(servidor.conexion()) as conexion:
        estado, cuerpo, _ = pedir(
            conexion,
            "POST",
            "/api/auth/login",
            cuerpo={"usuario": usuario, "contrasena": contrasena},
        )
    if estado != 200:
        raise RuntimeError(f"El inicio de sesión del benchmark falló ({estado}): {cuerpo[:200]!r}")
    token: str = json.loads(cuerpo)["access_token"]
    return token
