"""Cliente SQLite por defecto: archivo bajo `instance/`, WAL, llaves foráneas y espera por bloqueo."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError

from clients.base_datos_client import BaseDatosClient

# Errores tras los que la conexión no sirve aunque la causa se arregle (no así SQLITE_BUSY).
CACHE_CARGA_MASIVA_KIB = 65_536
_ERRORES_DE_CONEXION = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_NOTADB")


class SqliteClient(BaseDatosClient):
    """Si el archivo desaparece o lo reemplazan (p. ej. al restaurar un respaldo) con la app
    andando, las conexiones viejas se descartan: la app no escribe en un archivo borrado ni crea
    uno vacío en su lugar (responde 503) y vuelve sola cuando el archivo regresa.
    Solo las migraciones crean el archivo (`preparar_almacenamiento`)."""

    nombre = "sqlite"
    migraciones_por_lotes = True

    def __init__(self, engine: Engine, archivo: Path | None = None) -> None:
        super().__init__(engine)
        self.archivo = archivo

    @contextmanager
    def conexion_de_migracion(self) -> Iterator[Connection]:
        """Sin llaves foráneas mientras migra: Alembic cambia una tabla en SQLite recreándola, y
        borrar la vieja (p. ej. `usuarios`, a la que apuntan sesiones y auditoría) falla con las
        llaves activas si ya hay datos. Al terminar se verifican todas y se vuelven a activar."""
        with self.engine.connect() as conexion:
            # PRAGMA foreign_keys no tiene efecto dentro de una transacción: va antes de abrirla.
            conexion.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conexion.commit()
            try:
                yield conexion
                rotas = conexion.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if rotas:
                    raise RuntimeError(f"La migración dejó llaves foráneas rotas: {rotas[:5]}")
            finally:
                conexion.rollback()
                conexion.exec_driver_sql("PRAGMA foreign_keys=ON")
                conexion.commit()

    @contextmanager
    def carga_masiva(self, conexion: Connection) -> Iterator[None]:
        """Un caché de páginas de 64 MB (el de SQLite es de 2 MB) mientras dura la importación: los
        índices de búsqueda reciben inserciones fuera de orden y, con el caché chico, cada lote
        vuelve a leer y escribir las mismas páginas. Se restablece al terminar (la conexión vuelve
        al pool)."""
        anterior = conexion.exec_driver_sql("PRAGMA cache_size").scalar()
        conexion.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_CARGA_MASIVA_KIB}")
        try:
            yield
        finally:
            # Si la conexión ya no sirve, el error original es el que importa (y el pool la descarta).
            with suppress(DBAPIError):
                conexion.exec_driver_sql(f"PRAGMA cache_size={int(anterior or -2000)}")

    @classmethod
    def desde_ruta(cls, ruta: str, config: dict[str, Any]) -> SqliteClient:
        Path(ruta).parent.mkdir(parents=True, exist_ok=True)
        return cls.desde_url(f"sqlite:///{ruta}", config)

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> SqliteClient:
        espera_ms = int(config.get("SQLITE_BUSY_TIMEOUT_MS", 5000))
        direccion = make_url(url)
        archivo = _archivo_simple(direccion)
        opciones: dict[str, Any] = {}
        if archivo is not None:
            # mode=rw: abrir un archivo que no existe falla en vez de crear una base vacía.
            uri = f"file:{quote(str(archivo))}?mode=rw"
            opciones["creator"] = lambda: sqlite3.connect(
                uri, uri=True, timeout=espera_ms / 1000, check_same_thread=False
            )
        else:
            opciones["connect_args"] = {"timeout": espera_ms / 1000, "check_same_thread": False}
        engine = create_engine(direccion, **opciones)

        @event.listens_for(engine, "connect")
        def _configurar(conexion_dbapi: Any, registro: Any) -> None:
            if archivo is not None:
                registro.info["identidad_archivo"] = _identidad(archivo)
            cursor = conexion_dbapi.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={espera_ms}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        if archivo is not None:

            @event.listens_for(engine, "checkout")
            def _mismo_archivo(_conexion: Any, registro: Any, _proxy: Any) -> None:
                if _identidad(archivo) != registro.info.get("identidad_archivo"):
                    # Borrado o reemplazado: ninguna conexión del pool apunta al archivo vigente.
                    raise DisconnectionError("El archivo de la base cambió o no existe.", True)

        @event.listens_for(engine, "handle_error")
        def _descartar_conexion_danada(contexto: Any) -> None:
            # Una conexión abierta mientras el archivo era de solo lectura (o que perdió el archivo)
            # sigue así aunque la causa se arregle: se descarta para que la siguiente sea nueva.
            error = contexto.original_exception
            if getattr(error, "sqlite_errorname", "").startswith(_ERRORES_DE_CONEXION):
                contexto.is_disconnect = True
                contexto.invalidate_pool_on_disconnect = False

        return cls(engine, archivo)

    def preparar_almacenamiento(self) -> None:
        """Crea el archivo vacío si falta (lo llaman las migraciones antes de crear el esquema)."""
        if self.archivo is not None and not self.archivo.exists():
            self.archivo.parent.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(self.archivo).close()

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


def _archivo_simple(direccion: URL) -> Path | None:
    """La ruta absoluta de una URL `sqlite:///ruta`; None para memoria o URIs `file:` propias."""
    base = direccion.database or ""
    if not base or base == ":memory:" or direccion.query.get("uri") or base.startswith("file:"):
        return None
    return Path(base).resolve()


def _identidad(archivo: Path) -> tuple[int, int] | None:
    """Dispositivo e inodo del archivo; None si no existe."""
    try:
        datos = archivo.stat()
    except FileNotFoundError:
        return None
    return datos.st_dev, datos.st_ino
