"""Cliente SQL Server (`mssql+pyodbc`): piezas de conexión desde el entorno o una URL completa."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url

from clients.base_datos_client import BaseDatosClient


class SqlServerClient(BaseDatosClient):
    nombre = "sqlserver"

    @staticmethod
    def url_desde_config(config: dict[str, Any]) -> URL:
        """URL `mssql+pyodbc` con driver ODBC, cifrado y confianza en el certificado del entorno."""
        return URL.create(
            "mssql+pyodbc",
            username=config.get("SQLSERVER_USER") or None,
            password=config.get("SQLSERVER_PASSWORD") or None,
            host=config.get("SQLSERVER_HOST", "localhost"),
            port=int(config.get("SQLSERVER_PORT", 1433)),
            database=config.get("SQLSERVER_DB", "sac"),
            query={
                "driver": config.get("SQLSERVER_DRIVER", "ODBC Driver 18 for SQL Server"),
                "Encrypt": config.get("SQLSERVER_ENCRYPT", "yes"),
                "TrustServerCertificate": config.get("SQLSERVER_TRUST_CERT", "no"),
            },
        )

    @classmethod
    def desde_config(cls, config: dict[str, Any]) -> SqlServerClient:
        return cls._crear(cls.url_desde_config(config))

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> SqlServerClient:
        return cls._crear(make_url(url))

    @classmethod
    def _crear(cls, url: URL) -> SqlServerClient:
        engine = create_engine(
            url,
            fast_executemany=True,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=10,
            pool_recycle=1800,
        )
        return cls(engine)
