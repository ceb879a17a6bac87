"""Rutas, entorno de la app y ejecución de comandos con tiempo y memoria máxima del hijo."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RAIZ_BENCH = Path(__file__).resolve().parent
RAIZ = RAIZ_BENCH.parent
BIN = Path(sys.executable).parent
PICO_MEMORIA = RAIZ_BENCH / "pico_memoria.py"
# Variables que podrían venir de un `.env` o del shell y cambiar qué base se mide.
_AJENAS = ("DATABASE_URL", "DB_CLIENT", "SQLITE_PATH", "REDIS_URL", "APP_ENV", "FLASK_APP")


def entorno_app(base: Path, **extra: str) -> dict[str, str]:
    """Entorno para la app sobre el archivo SQLite `base` (lo demás, del entorno actual)."""
    entorno = {clave: valor for clave, valor in os.environ.items() if clave not in _AJENAS}
    entorno.update(
        {
            "DB_CLIENT": "sqlite",
            "DATABASE_URL": "",
            "SQLITE_PATH": str(base),
            "APP_ENV": "development",
        }
    )
    entorno.update(extra)
    return entorno


def entorno_produccion(base: Path, **extra: str) -> dict[str, str]:
    """Como en producción: `APP_ENV=production` con secretos fuertes y aleatorios de esta corrida."""
    return entorno_app(
        base,
        APP_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(48),
        JWT_SECRET_KEY=secrets.token_urlsafe(48),
        **extra,
    )


def programa(nombre: str) -> str:
    """Ruta de un ejecutable del entorno virtual (flask, gunicorn) o del sistema (wrk)."""
    propio = BIN / nombre
    return str(propio) if propio.exists() else nombre


@dataclass(frozen=True)
class Medida:
    segundos: float
    memoria_mb: float  # memoria residente máxima del propio comando (ru_maxrss por wait4)
    salida: str


def ejecutar(
    comando: list[str],
    entorno: dict[str, str],
    silencioso: bool = False,
    entrada: str | None = None,
) -> Medida:
    """Corre un comando en la raíz del proyecto; mide tiempo de pared y memoria máxima propia.

    El comando corre bajo `bench/pico_memoria.py`, un intermediario mínimo que lo lanza y lee su
    `wait4`: lanzado desde aquí, el hijo heredaría como pico la memoria de este arnés (ver ese
    archivo). El tiempo es el que mide el intermediario (sin su propio arranque).
    """
    with (
        tempfile.TemporaryFile("w+") as registro,
        tempfile.NamedTemporaryFile("r", suffix=".medida", encoding="utf-8") as medida,
    ):
        proceso = subprocess.Popen(  # noqa: S603 - comandos fijos del benchmark, sin shell
            [sys.executable, str(PICO_MEMORIA), medida.name, programa(comando[0]), *comando[1:]],
            cwd=RAIZ,
            env=entorno,
            stdin=subprocess.PIPE if entrada is not None else subprocess.DEVNULL,
            stdout=registro,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if proceso.stdin is not None:
            proceso.stdin.write(entrada or "")
            proceso.stdin.close()
        proceso.wait()
        registro.seek(0)
        salida = registro.read()
        segundos_texto, kilobytes = (medida.read().split() or ["nan", "nan"])[:2]
    if proceso.returncode != 0:
        raise RuntimeError(
            f"Falló {' '.join(comando)} (código {proceso.returncode}):\n{salida[-4000:]}"
        )
    if not silencioso and salida.strip():
        print(salida.rstrip())
    return Medida(float(segundos_texto), float(kilobytes) / 1024, salida)


def configuracion_gunicorn() -> dict[str, Any]:
    """Workers e hilos con los que arranca `gunicorn.conf.py` en esta máquina (con este entorno)."""
    configuracion: dict[str, Any] = {}
    codigo = compile((RAIZ / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec")
    exec(codigo, configuracion)  # noqa: S102 - el archivo de configuración del propio proyecto
    return {clave: configuracion.get(clave) for clave in ("workers", "threads", "worker_class")}
