"""Carga de consultas: wrk con 16 conexiones keep-alive y un cliente secuencial (http.client)."""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from bench.entorno import RAIZ, RAIZ_BENCH
from bench.servidor import Servidor, pedir

CONEXIONES = 16
HILOS_WRK = 2
SEGUNDOS_CARGA = 15
PETICIONES_SECUENCIALES = 500
CALENTAMIENTO = 50


def asegurar_wrk() -> str:
    """Ruta de wrk; si falta, se instala el paquete de Debian (como `make test` hace con chromium)."""
    ruta = shutil.which("wrk")
    if ruta:
        return ruta
    print("Instalando wrk de Debian...")
    for prefijo in ([], ["sudo"]):
        try:
            subprocess.run(  # noqa: S603 - apt-get con argumentos fijos
                [*prefijo, "apt-get", "install", "-y", "-qq", "wrk"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            break
        except (OSError, subprocess.CalledProcessError):
            subprocess.run([*prefijo, "apt-get", "update", "-qq"], check=False)  # noqa: S603
    ruta = shutil.which("wrk")
    if not ruta:
        raise RuntimeError("No se encontró wrk; instálelo con: apt-get install -y wrk")
    return ruta


def ruta_consulta(linea: str) -> str:
    tipo, numero = linea.split()
    return f"/api/clientes/buscar?tipo_documento={tipo}&numero_documento={numero}"


def carga_concurrente(
    servidor: Servidor,
    token: str,
    documentos: Path,
    *,
    segundos: int = SEGUNDOS_CARGA,
    guion: str = "buscar.lua",
    argumentos: tuple[str, ...] = (),
) -> dict[str, Any]:
    """wrk: 16 conexiones keep-alive durante 15 s; peticiones/s, p50, p99 y errores (no 2xx).

    `segundos`, `guion` (de `bench/`) y `argumentos` extra del guion los usa `make soak`.
    """
    wrk = asegurar_wrk()
    cpu_inicial = servidor.cpu_segundos()
    resultado = subprocess.run(  # noqa: S603 - wrk con argumentos fijos, sin shell
        [
            wrk,
            f"-t{HILOS_WRK}",
            f"-c{CONEXIONES}",
            f"-d{segundos}s",
            "--timeout",
            "10s",
            "-s",
            str(RAIZ_BENCH / guion),
            f"http://127.0.0.1:{servidor.puerto}",
            "--",
            token,
            str(documentos),
            *argumentos,
        ],
        cwd=RAIZ,
        capture_output=True,
        text=True,
        check=True,
        timeout=segundos + 60,
    )
    linea = next(
        linea for linea in resultado.stdout.splitlines() if linea.startswith('{"peticiones"')
    )
    datos: dict[str, Any] = json.loads(linea)
    errores = sum(valor for clave, valor in datos.items() if clave.startswith("errores_"))
    datos["errores"] = errores
    datos["peticiones_por_segundo"] = round(datos["peticiones"] / datos["segundos"], 1)
    # CPU de los workers por petición: menos sensible que peticiones/s a otra carga de la máquina.
    cpu = servidor.cpu_segundos() - cpu_inicial
    datos["cpu_ms_por_peticion"] = round(cpu * 1000 / max(datos["peticiones"], 1), 3)
    return datos


def tiempos_secuenciales(
    servidor: Servidor, token: str, documentos: Path, cantidad: int, azar: random.Random
) -> list[float]:
    """Milisegundos de `cantidad` consultas al azar, una tras otra, por una conexión keep-alive."""
    lineas = documentos.read_text().splitlines()
    tiempos: list[float] = []
    with closing(servidor.conexion()) as conexion:
        for _ in range(cantidad):
            estado, _, segundos = pedir(conexion, "GET", ruta_consulta(azar.choice(lineas)), token)
            if estado != 200:
                raise RuntimeError(f"La consulta respondió {estado}")
            tiempos.append(segundos * 1000)
    return tiempos


def carga_secuencial(
    servidor: Servidor, token: str, documentos: Path, cantidad: int = PETICIONES_SECUENCIALES
) -> dict[str, Any]:
    """Un solo cliente keep-alive: `cantidad` consultas al azar tras un calentamiento."""
    azar = random.Random(7)
    tiempos_secuenciales(servidor, token, documentos, CALENTAMIENTO, azar)
    tiempos = tiempos_secuenciales(servidor, token, documentos, cantidad, azar)
    return {"peticiones": cantidad, "errores": 0, **percentiles(tiempos)}


def percentiles(milisegundos: list[float]) -> dict[str, float]:
    cortes = statistics.quantiles(milisegundos, n=100, method="inclusive")
    return {
        "p50_ms": round(statistics.median(milisegundos), 3),
        "p90_ms": round(cortes[89], 3),
        "p99_ms": round(cortes[98], 3),
        "promedio_ms": round(statistics.fmean(milisegundos), 3),
    }
