"""Cliente genérico de servidor (PostgreSQL, MariaDB/MySQL) a partir de `DATABASE_URL`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from clients.base_datos_client import BaseDatosClient


class ServidorClient(BaseDatosClient):
    nombre = "servidor"

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> ServidorClient:
        destino = make_url(url)
        engine = create_engine(destino, pool_pre_ping=True, pool_size=5, max_overflow=10)
        cliente = cls(engine)
        cliente.nombre = destino.get_backend_name()
        return cliente
