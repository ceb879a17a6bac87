"""Cliente SQL Server (`mssql+pyodbc`): piezas de conexión desde el entorno o una URL completa."""

from __future__ import annotations

from typing import Any

from sqlalchemy import DateTime, String, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import TypeCompiler

from clients.base_datos_client import BaseDatosClient


@compiles(String, "mssql")
def _texto_unicode(tipo: String, compilador: TypeCompiler, **_kw: Any) -> str:
    """En SQL Server el texto es NVARCHAR: nombres con tildes y ñ sin depender de la intercalación."""
    texto = f"NVARCHAR({tipo.length})" if tipo.length else "NVARCHAR(max)"
    # Una intercalación explícita (p. ej. binaria, para las columnas de búsqueda) se conserva.
    return f"{texto} COLLATE {tipo.collation}" if tipo.collation else texto


@compiles(DateTime, "mssql")
def _instante(_tipo: DateTime, _compilador: TypeCompiler, **_kw: Any) -> str:
    """Instantes UTC en DATETIME2 (precisión de microsegundos, sin el rango corto de DATETIME)."""
    return "DATETIME2"


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
        return cls._crear(cls.url_desde_config(config), config)

    @classmethod
    def desde_url(cls, url: str, config: dict[str, Any]) -> SqlServerClient:
        return cls._crear(make_url(url), config)

    @classmethod
    def _crear(cls, url: URL, config: dict[str, Any]) -> SqlServerClient:
        engine = create_engine(
            url,
            # Tiempo máximo para iniciar sesión en el servidor (segundos), vía pyodbc.
            connect_args={"timeout": int(config.get("SQLSERVER_TIMEOUT", 15))},
            fast_executemany=True,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=10,
            pool_recycle=1800,
        )
        return cls(engine)
