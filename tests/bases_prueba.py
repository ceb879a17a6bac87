"""Bases de datos para las pruebas: un archivo SQLite temporal o una base propia en PostgreSQL/MariaDB.

`SAC_BD_PRUEBAS` elige el motor (`sqlite` por defecto, `postgresql`, `mariadb`). En los servidores se
crea una base nueva por corrida y se borra al terminar; si el servidor no responde, las pruebas se
omiten, salvo en CI (`CI=true`), donde es un error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

SERVIDORES = {
    "postgresql": os.environ.get(
        "SAC_PRUEBAS_POSTGRESQL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    ),
    "mariadb": os.environ.get("SAC_PRUEBAS_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test"),
}


def motor_elegido() -> str:
    motor = os.environ.get("SAC_BD_PRUEBAS", "sqlite").strip().lower()
    if motor not in ("sqlite", *SERVIDORES):
        raise pytest.UsageError("SAC_BD_PRUEBAS debe ser sqlite, postgresql o mariadb.")
    return motor


@contextmanager
def base_temporal(motor: str, carpeta: Path) -> Iterator[str]:
    """URL de SQLAlchemy de una base vacía y exclusiva de esta corrida."""
    if motor == "sqlite":
        yield f"sqlite:///{carpeta / 'sac_pruebas.db'}"
        return
    administracion = create_engine(SERVIDORES[motor], isolation_level="AUTOCOMMIT")
    nombre = f"sac_pruebas_{uuid.uuid4().hex[:12]}"
    try:
        with administracion.connect() as conexion:
            opciones = (
                " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" if motor == "mariadb" else ""
            )
            conexion.execute(text(f"CREATE DATABASE {nombre}{opciones}"))
    except OperationalError as error:
        administracion.dispose()
        mensaje = f"El servidor {motor} no responde: {error.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{mensaje} (en CI es obligatorio)", pytrace=False)
        pytest.skip(mensaje)
    url = administracion.url.set(database=nombre).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with administracion.connect() as conexion:
            conexion.execute(text(f"DROP DATABASE IF EXISTS {nombre}"))
        administracion.dispose()
