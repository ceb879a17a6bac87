"""Ruta a SQL Server sin servidor aquí: DDL y consultas compiladas en T-SQL, script al día, driver."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.dialects import mssql
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlalchemy.sql import ClauseElement

import clients.sqlserver_client  # noqa: F401  (registra NVARCHAR y DATETIME2 para mssql)
from app import create_app
from models import Base
from tests.fabricas import bogota, crear_cliente, crear_compra

RAIZ = Path(__file__).resolve().parent.parent


def dialecto_sql_server_2022() -> Any:
    """El dialecto como queda tras conectarse a SQL Server 2022 (OFFSET/FETCH, DATETIME2)."""
    dialecto: Any = mssql.dialect()  # type: ignore[no-untyped-call]
    dialecto.server_version_info = (16, 0)
    dialecto._supports_offset_fetch = True
    dialecto._supports_nvarchar_max = True
    return dialecto


SCRIPT = RAIZ / "docs" / "sql" / "sqlserver.sql"


def test_el_ddl_de_cada_modelo_compila_en_tsql_con_nvarchar_y_datetime2() -> None:
    dialecto = dialecto_sql_server_2022()
    for tabla in Base.metadata.sorted_tables:
        ddl = str(CreateTable(tabla).compile(dialect=dialecto))
        assert " VARCHAR(" not in ddl, tabla.name
        assert "NVARCHAR(" in ddl or tabla.name == "sesiones" or "VARCHAR" not in ddl
        for indice in tabla.indexes:
            crear = str(CreateIndex(indice).compile(dialect=dialecto))
            assert crear.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX"))
    # Un UNIQUE sobre una columna opcional: en SQL Server dos NULL chocan, así que se filtra.
    nit = Base.metadata.tables["establecimientos"].indexes
    unico = next(i for i in nit if i.name == "uq_establecimientos_nit")
    assert str(CreateIndex(unico).compile(dialect=dialecto)).endswith("WHERE nit IS NOT NULL")
    compras = str(CreateTable(Base.metadata.tables["compras"]).compile(dialect=dialecto))
    assert "fecha DATETIME2 NOT NULL" in compras
    assert "total NUMERIC(16, 2) NOT NULL" in compras


def _capturar_consultas(app, client: FlaskClient, cabeceras, gateway) -> list[ClauseElement]:
    consultas: list[ClauseElement] = []

    def _guardar(_conexion, elemento, *_args):
        if isinstance(elemento, ClauseElement):
            consultas.append(elemento)

    cliente_id = crear_cliente(gateway)
    crear_compra(gateway, cliente_id, bogota(2026, 9, 30, 23, 30), "6000000")
    event.listen(gateway.engine, "before_execute", _guardar)
    try:
        documento = {"tipo_documento": "CC", "numero_documento": "1020304050"}
        rutas = [
            ("/api/tipos-documento", {}, "agente"),
            ("/api/clientes/buscar", documento, "agente"),
            (f"/api/clientes/{cliente_id}/compras", {"pagina": 2, "por_pagina": 5}, "agente"),
            ("/api/clientes/exportar", {**documento, "formato": "csv"}, "agente"),
            ("/api/reportes/fidelizacion", {"mes": "2026-09"}, "supervisor"),
            ("/api/reportes/fidelizacion/resumen", {"mes": "2026-09"}, "supervisor"),
            (
                "/api/auditoria",
                {**documento, "usuario": "agente.prueba", "desde": "2026-01-01"},
                "admin",
            ),
            ("/api/usuarios", {}, "admin"),
            ("/api/auth/me", {}, "agente"),
        ]
        for ruta, consulta, rol in rutas:
            respuesta = client.get(ruta, query_string=consulta, headers=cabeceras[rol])
            assert respuesta.status_code == 200, ruta
    finally:
        event.remove(gateway.engine, "before_execute", _guardar)
    return consultas


def test_cada_consulta_de_controladores_y_servicios_compila_en_tsql(
    app, client: FlaskClient, cabeceras, gateway
) -> None:
    consultas = _capturar_consultas(app, client, cabeceras, gateway)
    assert len(consultas) >= 15
    dialecto = dialecto_sql_server_2022()
    paginadas = 0
    for consulta in consultas:
        tsql = str(consulta.compile(dialect=dialecto))
        assert "LIMIT" not in tsql
        if "OFFSET" in tsql:
            paginadas += 1
            assert "ORDER BY" in tsql.split("OFFSET")[0], tsql
            assert "FETCH FIRST" in tsql or "FETCH NEXT" in tsql
    assert paginadas >= 2  # compras y auditoría


def test_el_script_tsql_de_las_migraciones_esta_al_dia_y_se_puede_analizar() -> None:
    entorno = {**os.environ, "DATABASE_URL": "mssql+pyodbc://sac@servidor/sac?driver=FreeTDS"}
    generado = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade", "--sql"],
        cwd=RAIZ, env=entorno, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert SCRIPT.read_text(encoding="utf-8") == generado, (
        "docs/sql/sqlserver.sql está desactualizado: ejecute `make sql-server`"
    )
    lotes = [lote.strip() for lote in generado.split("\nGO\n") if lote.strip()]
    for lote in lotes:
        sqlglot.parse(lote, read="tsql")
    assert "CREATE TABLE compras" in generado
    assert "SET IDENTITY_INSERT" not in generado
    assert "N'Cédula de ciudadanía'" in generado


def test_el_driver_pyodbc_esta_conectado_y_su_error_se_vuelve_503_en_espanol() -> None:
    pyodbc = pytest.importorskip("pyodbc")
    driver = "FreeTDS" if "FreeTDS" in pyodbc.drivers() else None
    if driver is None:
        pytest.fail("No hay un driver ODBC para SQL Server instalado (make instala tdsodbc).")
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": "",
            "DB_CLIENT": "sqlserver",
            "SQLSERVER_HOST": "127.0.0.1",
            "SQLSERVER_PORT": 9,  # puerto cerrado
            "SQLSERVER_DRIVER": driver,
            "SQLSERVER_USER": "sac",
            "SQLSERVER_PASSWORD": "no-importa",
            "SQLSERVER_TIMEOUT": 3,
        }
    )
    pasarela = app.extensions["sac_db"]
    assert pasarela.engine.dialect.name == "mssql"
    assert pasarela.engine.dialect.driver == "pyodbc"
    with pytest.raises(pyodbc.Error):
        pasarela.engine.raw_connection()
    respuesta = app.test_client().get("/api/salud")
    assert respuesta.status_code == 503
    assert respuesta.json["error"]["code"] == "servicio_no_disponible"
    assert "base de datos no está disponible" in respuesta.json["error"]["message"]
    assert respuesta.headers["Retry-After"]
    pasarela.dispose()
