"""Pasarela de datos: elección por configuración, pragmas de SQLite y unidad de trabajo."""

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from clients.base_datos_client import crear_client
from clients.servidor_client import ServidorClient
from clients.sqlite_client import SqliteClient
from clients.sqlserver_client import SqlServerClient
from config import cargar_configuracion
from errores import ServicioNoDisponible
from models import TipoDocumento


def test_por_defecto_usa_sqlite_en_un_archivo(tmp_path: Path) -> None:
    config = cargar_configuracion(
        {"DATABASE_URL": "", "SQLITE_PATH": str(tmp_path / "a" / "sac.db")}
    )
    cliente = crear_client(config)
    assert isinstance(cliente, SqliteClient)
    assert cliente.engine.url.database == str(tmp_path / "a" / "sac.db")
    cliente.dispose()


def test_sqlite_activa_wal_llaves_foraneas_y_espera_por_bloqueo(gateway, motor: str) -> None:
    if motor != "sqlite":
        pytest.skip("solo aplica a SQLite")
    with gateway.engine.connect() as conexion:
        assert conexion.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conexion.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conexion.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_database_url_gana_sobre_db_client(tmp_path: Path) -> None:
    config = cargar_configuracion(
        {"DB_CLIENT": "sqlserver", "DATABASE_URL": "postgresql+psycopg://u:p@127.0.0.1:5432/test"}
    )
    cliente = crear_client(config)
    assert isinstance(cliente, ServidorClient)
    assert cliente.nombre == "postgresql"


def test_db_client_sqlserver_arma_la_url_mssql_pyodbc_desde_el_entorno() -> None:
    config = cargar_configuracion(
        {
            "DATABASE_URL": "",
            "DB_CLIENT": "sqlserver",
            "SQLSERVER_HOST": "sql.interno",
            "SQLSERVER_PORT": 1433,
            "SQLSERVER_DB": "sac",
            "SQLSERVER_USER": "sac_app",
            "SQLSERVER_PASSWORD": "Secreta#1",
            "SQLSERVER_DRIVER": "ODBC Driver 18 for SQL Server",
            "SQLSERVER_TRUST_CERT": "yes",
        }
    )
    url = SqlServerClient.url_desde_config(config)
    assert url.drivername == "mssql+pyodbc"
    assert url.host == "sql.interno" and url.database == "sac" and url.password == "Secreta#1"
    assert url.query["driver"] == "ODBC Driver 18 for SQL Server"
    assert url.query["Encrypt"] == "yes"
    assert url.query["TrustServerCertificate"] == "yes"


def test_db_client_desconocido_se_rechaza() -> None:
    with pytest.raises(ValueError, match="DB_CLIENT"):
        crear_client(cargar_configuracion({"DATABASE_URL": "", "DB_CLIENT": "oracle"}))


def test_session_scope_revierte_todo_si_falla_a_mitad(gateway) -> None:
    def _escribe_y_falla() -> None:
        with gateway.session_scope() as sesion:
            sesion.add(TipoDocumento(codigo="ZZ", nombre="Temporal", descripcion="", activo=True))
            sesion.flush()
            raise RuntimeError("falla a mitad")

    with pytest.raises(RuntimeError):
        _escribe_y_falla()
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).where(TipoDocumento.codigo == "ZZ")) == 0


def test_verificar_lanza_servicio_no_disponible_si_no_hay_base(tmp_path: Path) -> None:
    cliente = crear_client(
        cargar_configuracion({"DATABASE_URL": f"sqlite:///{tmp_path}/no/hay/sac.db"})
    )
    with pytest.raises(ServicioNoDisponible):
        cliente.verificar()
    cliente.dispose()
