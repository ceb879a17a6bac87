"""Interfaz común de la pasarela de datos y la fábrica que elige el cliente por configuración."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from errores import ServicioNoDisponible


class BaseDatosClient:
    """Motor, unidad de trabajo (`session_scope`) y cierre; cada motor la especializa."""

    nombre = "generico"
    # Alembic debe recrear tablas para alterar columnas en motores sin ALTER completo.
    migraciones_por_lotes = False

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._fabrica = sessionmaker(bind=engine, expire_on_commit=False)

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        """Sesión que confirma al salir bien, revierte ante cualquier error y siempre se cierra."""
        sesion = self._fabrica()
        try:
            yield sesion
            sesion.commit()
        except OperationalError as exc:
            sesion.rollback()
            raise ServicioNoDisponible() from exc
        except BaseException:
            sesion.rollback()
            raise
        finally:
            sesion.close()

    @contextmanager
    def connection_scope(self) -> Iterator[Connection]:
        """Conexión de Core sin ORM, para los caminos más usados (consulta, sesión, auditoría).

        Misma regla que `session_scope`: confirma al salir bien, revierte ante cualquier error.
        """
        try:
            with self.engine.connect() as conexion:
                try:
                    yield conexion
                    conexion.commit()
                except BaseException:
                    conexion.rollback()
                    raise
        except OperationalError as exc:
            raise ServicioNoDisponible() from exc

    def preparar_almacenamiento(self) -> None:
        """Lo que el motor necesite antes de migrar; los servidores ya tienen su base creada."""

    @contextmanager
    def conexion_de_migracion(self) -> Iterator[Connection]:
        """La conexión en la que Alembic aplica las migraciones."""
        with self.engine.connect() as conexion:
            yield conexion

    def verificar(self) -> None:
        """Comprueba que la base responde; si no, `ServicioNoDisponible`."""
        try:
            with self.engine.connect() as conexion:
                conexion.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise ServicioNoDisponible() from exc

    def respaldar(self, destino: Path) -> None:
        """Respaldo en caliente a un archivo; los servidores usan sus propias herramientas."""
        raise NotImplementedError(
            f"El respaldo desde la aplicación solo aplica a SQLite; para {self.nombre} use las "
            "herramientas del servidor (ver docs/guia-implementacion.md)."
        )

    def describir(self) -> dict[str, Any]:
        """Datos no sensibles del cliente en uso (para el chequeo de salud)."""
        return {"cliente": self.nombre, "dialecto": self.engine.dialect.name}

    def dispose(self) -> None:
        self.engine.dispose()


def crear_client(config: dict[str, Any]) -> BaseDatosClient:
    """Elige la pasarela: `DATABASE_URL` gana; si no, `DB_CLIENT` (sqlite por defecto)."""
    from clients.servidor_client import ServidorClient
    from clients.sqlite_client import SqliteClient
    from clients.sqlserver_client import SqlServerClient

    url = config.get("DATABASE_URL") or ""
    if url:
        backend = make_url(url).get_backend_name()
        if backend == "sqlite":
            return SqliteClient.desde_url(url, config)
        if backend == "mssql":
            return SqlServerClient.desde_url(url, config)
        return ServidorClient.desde_url(url, config)
    if config.get("DB_CLIENT", "sqlite") == "sqlserver":
        return SqlServerClient.desde_config(config)
    if config.get("DB_CLIENT", "sqlite") != "sqlite":
        raise ValueError("DB_CLIENT debe ser 'sqlite' o 'sqlserver'.")
    return SqliteClient.desde_ruta(config["SQLITE_PATH"], config)
