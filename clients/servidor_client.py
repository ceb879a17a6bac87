"""Cliente genérico de servidor (PostgreSQL, MariaDB/MySQL) a partir de `DATABASE_URL`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import LargeBinary, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import TypeCompiler

from clients.base_datos_client import BaseDatosClient
from models.base import FechaHoraPrecisa


@compiles(LargeBinary, "mysql")
@compiles(LargeBinary, "mariadb")
def _binario_grande(_tipo: LargeBinary, _compilador: TypeCompiler, **_kw: Any) -> str:
    """En MariaDB/MySQL un BLOB admite solo 64 KiB: los adjuntos (PDF de facturas) van en
    LONGBLOB. PostgreSQL (BYTEA), SQLite (BLOB) y SQL Server (VARBINARY(max)) no tienen ese tope."""
    return "LONGBLOB"


@compiles(FechaHoraPrecisa, "mysql")
@compiles(FechaHoraPrecisa, "mariadb")
def _fecha_hora_precisa(_tipo: FechaHoraPrecisa, _compilador: TypeCompiler, **_kw: Any) -> str:
    """Los instantes de `FechaHoraPrecisa` conservan los microsegundos: DATETIME(6) (el DATETIME
    de MariaDB/MySQL sin precisión los trunca). Los demás motores usan su DateTime de siempre."""
    return "DATETIME(6)"


class ServidorClient(BaseDatosClient):
    nombre = "servidor"

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> ServidorClient:
        destino = make_url(url)
        engine = create_engine(destino, pool_pre_ping=True, pool_size=5, max_overflow=10)
        cliente = cls(engine)
        cliente.nombre = destino.get_backend_name()
        return cliente
