"""Cliente SQLite por defecto: archivo bajo `instance/`, WAL, llaves foráneas y espera por bloqueo."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url

from clients.base_datos_client import BaseDatosClient


class SqliteClient(BaseDatosClient):
    nombre = "sqlite"
    migraciones_por_lotes = True

    @classmethod
    def desde_ruta(cls, ruta: str, config: dict[str, Any]) -> SqliteClient:
        Path(ruta).parent.mkdir(parents=True, exist_ok=True)
        return cls.desde_url(f"sqlite:///{ruta}", config)

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> SqliteClient:
        espera_ms = int(config.get("SQLITE_BUSY_TIMEOUT_MS", 5000))
        engine = create_engine(
            make_url(url),
            connect_args={"timeout": espera_ms / 1000, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _configurar(conexion_dbapi: Any, _registro: Any) -> None:
            cursor = conexion_dbapi.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={espera_ms}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return cls(engine)

    def respaldar(self, destino: Path) -> None:
        """Copia en caliente con la API de respaldo de SQLite (consistente aunque haya escrituras)."""
        destino.parent.mkdir(parents=True, exist_ok=True)
        temporal = destino.with_name(destino.name + ".parcial")
        origen = self.engine.raw_connection()
        try:
            copia = sqlite3.connect(temporal)
            try:
                origen.driver_connection.backup(copia)  # type: ignore[union-attr]
            finally:
                copia.close()
            temporal.replace(destino)
        finally:
            temporal.unlink(missing_ok=True)
            origen.close()

    def describir(self) -> dict[str, Any]:
        return {**super().describir(), "archivo": Path(self.engine.url.database or "").name}
