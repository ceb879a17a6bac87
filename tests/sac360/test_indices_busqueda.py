"""Las columnas de búsqueda se mantienen al importar y al migrar, y cada modo usa un índice."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text

from app import create_app, preparar_migraciones
from controllers import importacion_controller
from controllers.sac360 import busqueda_controller
from models import Cliente, ClientePalabra
from services import busqueda_service
from tests.bases_prueba import base_temporal

ENCABEZADO = "tipo_documento,numero_documento,nombre,apellido,correo,telefono,ciudad"


def _csv(carpeta: Path, filas: list[str]) -> Path:
    ruta = carpeta / "clientes.csv"
    ruta.write_text("\n".join([ENCABEZADO, *filas]) + "\n", encoding="utf-8")
    return ruta


def _estado(gateway) -> dict[str, tuple]:
    with gateway.session_scope() as sesion:
        clientes = {
            c.numero_documento: (c.telefono_nacional, c.correo_normalizado)
            for c in sesion.scalars(select(Cliente))
        }
        palabras: dict[str, list[str]] = {}
        for cliente_id, palabra in sesion.execute(
            select(ClientePalabra.cliente_id, ClientePalabra.palabra).order_by(
                ClientePalabra.palabra
            )
        ):
            numero = sesion.scalar(select(Cliente.numero_documento).where(Cliente.id == cliente_id))
            palabras.setdefault(numero, []).append(palabra)
        return {n: (*clientes[n], palabras.get(n, [])) for n in clientes}


def test_la_importacion_llena_y_actualiza_las_columnas_y_palabras_de_busqueda(
    gateway, tmp_path
) -> None:
    archivo = _csv(
        tmp_path,
        [
            "CC,1020304050,María José,Peña Muñoz,Maria@Example.com,+57 300 123 4567,Bogotá",
            "CE,4567890,Marielena,Rodríguez,,,Medellín",
        ],
    )
    assert importacion_controller.importar(gateway, clientes=archivo).confirmada
    assert _estado(gateway) == {
        "1020304050": ("3001234567", "maria@example.com", ["jose", "maria", "munoz", "pena"]),
        "4567890": (None, None, ["marielena", "rodriguez"]),
    }
    cambiado = _csv(
        tmp_path,
        [
            "CC,1020304050,María,Gómez,otra@EXAMPLE.com,(604) 444 5555,Bogotá",
            "CE,4567890,Marielena,Rodríguez,,,Medellín",
        ],
    )
    resultado = importacion_controller.importar(gateway, clientes=cambiado)
    assert (resultado.archivos[0].actualizadas, resultado.archivos[0].sin_cambios) == (1, 1)
    assert _estado(gateway)["1020304050"] == ("6044445555", "otra@example.com", ["gomez", "maria"])


def test_la_migracion_0008_llena_lo_de_busqueda_de_los_clientes_existentes_y_se_revierte(
    tmp_path, motor
) -> None:
    with base_temporal(motor, tmp_path) as url:
        app = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
        preparar_migraciones(app)
        motor_bd = app.extensions["sac_db"].engine
        try:
            with app.app_context():
                upgrade(revision="0007")
                ahora = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
                with motor_bd.begin() as conexion:
                    for numero, nombre, correo, telefono in (
                        ("111", "Ana Peña", "ANA@X.CO", "+57 311 234 5678"),
                        ("222", "Luis Ñúñez", None, None),
                    ):
                        conexion.execute(
                            text(
                                "INSERT INTO clientes (tipo_documento_id, numero_documento, nombre,"
                                " apellido, correo, telefono, fecha_registro, activo) VALUES "
                                "(1, :numero, :nombre, 'Zea', :correo, :telefono, :ahora, :activo)"
                            ),
                            {
                                "numero": numero,
                                "nombre": nombre,
                                "correo": correo,
                                "telefono": telefono,
                                "ahora": ahora,
                                "activo": True,
                            },
                        )
                upgrade(revision="0008")
                with motor_bd.connect() as conexion:
                    filas = conexion.execute(
                        text(
                            "SELECT numero_documento, telefono_nacional, correo_normalizado "
                            "FROM clientes ORDER BY numero_documento"
                        )
                    ).all()
                    palabras = (
                        conexion.execute(
                            text("SELECT palabra FROM cliente_palabras ORDER BY palabra")
                        )
                        .scalars()
                        .all()
                    )
                assert [tuple(f) for f in filas] == [
                    ("111", "3112345678", "ana@x.co"),
                    ("222", None, None),
                ]
                assert palabras == ["ana", "luis", "nunez", "pena", "zea", "zea"]
                with motor_bd.connect() as conexion:
                    pares = (
                        conexion.execute(text("SELECT par FROM cliente_pares ORDER BY par"))
                        .scalars()
                        .all()
                    )
                assert pares == ["ana pen", "ana zea", "lui nun", "lui zea", "nun zea", "pen zea"]
                downgrade(revision="0007")
                with motor_bd.connect() as conexion:
                    assert conexion.scalar(text("SELECT count(*) FROM clientes")) == 2
        finally:
            motor_bd.dispose()


def _plan(conexion, consulta) -> str:
    compilada = consulta.compile(conexion, compile_kwargs={"literal_binds": True})
    return "\n".join(
        str(fila[-1]) for fila in conexion.exec_driver_sql(f"EXPLAIN QUERY PLAN {compilada}")
    )


def test_en_sqlite_cada_modo_de_la_busqueda_se_resuelve_con_un_indice(gateway, motor) -> None:
    if motor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN es de SQLite")
    with gateway.connection_scope() as conexion:
        telefono = _plan(
            conexion, busqueda_controller._CLIENTES.where(Cliente.telefono_nacional == "3112345678")
        )
        correo = _plan(
            conexion, busqueda_controller._CLIENTES.where(Cliente.correo_normalizado == "a@b.co")
        )
        documento = _plan(
            conexion,
            busqueda_controller._CLIENTES.where(
                busqueda_controller._documentos(
                    conexion, busqueda_service.interpretar("1020304050")
                )
            ),
        )
        contar, pagina = busqueda_controller.consultas_por_nombre(("maria", "pena"), "pena", 20)
        nombre_total, nombre_pagina = _plan(conexion, contar), _plan(conexion, pagina)
        contar, exactas, parciales = busqueda_controller.consultas_por_par(
            ("maria", "pena"), "mar pen", 20
        )
        conteo = _plan(
            conexion,
            select(func.count()).where(
                busqueda_controller._rango("gom"), ClientePalabra.previa < "gom"
            ),
        )
        una_palabra = _plan(
            conexion, busqueda_controller.consultas_por_palabra("gomez", "gom", " gom ", 20)
        )
        par_total, par_exactas, par_parciales = (
            _plan(conexion, contar),
            _plan(conexion, exactas),
            _plan(conexion, parciales),
        )
    assert "USING INDEX ix_clientes_telefono_nacional (telefono_nacional=?)" in telefono
    assert "USING INDEX ix_clientes_correo_normalizado (correo_normalizado=?)" in correo
    # La llave única (tipo, número) de `clientes`, una búsqueda por cada tipo al que calza.
    assert "MULTI-INDEX OR" in documento
    assert "SEARCH clientes USING INDEX" in documento
    assert "(tipo_documento_id=? AND numero_documento=?)" in documento
    assert "SCAN clientes" not in documento
    for plan in (nombre_total, nombre_pagina):
        assert "USING COVERING INDEX ix_cliente_palabras_palabra (palabra>? AND palabra<?)" in plan
    for plan in (par_total, par_exactas, par_parciales):
        assert "USING COVERING INDEX ix_cliente_pares_par (par=?)" in plan
    # Exactas y parciales salen en el orden del índice: sin ordenar a todos los candidatos.
    for plan in (par_exactas, par_parciales, una_palabra):
        assert "TEMP B-TREE" not in plan, plan
    assert "USING COVERING INDEX ix_cliente_palabras_palabra (palabra=?)" in una_palabra
    assert "USING COVERING INDEX ix_cliente_palabras_conteo (palabra>? AND palabra<?)" in conteo


def _consultas_por_modo(conexion) -> dict[str, Any]:
    _contar, pagina = busqueda_controller.consultas_por_nombre(("maria", "pena"), "pena", 20)
    return {
        "ix_clientes_telefono_nacional": busqueda_controller._CLIENTES.where(
            Cliente.telefono_nacional == "3112345678"
        ),
        "ix_clientes_correo_normalizado": busqueda_controller._CLIENTES.where(
            Cliente.correo_normalizado == "a@b.co"
        ),
        # El rango de prefijo sirve con cualquiera de los dos índices que empiezan por `palabra`.
        "ix_cliente_palabras_": pagina,
        "ix_cliente_pares_par": busqueda_controller.consultas_por_par(
            ("maria", "pena"), "mar pen", 20
        )[2],
    }


def test_en_postgresql_y_mariadb_las_consultas_de_busqueda_pueden_usar_sus_indices(
    gateway, motor
) -> None:
    """Con intercalación binaria el rango de prefijo es indexable (en PostgreSQL «C»)."""
    if motor == "sqlite":
        pytest.skip("SQLite se prueba con EXPLAIN QUERY PLAN")
    with gateway.connection_scope() as conexion:
        for indice, consulta in _consultas_por_modo(conexion).items():
            sql = str(consulta.compile(conexion, compile_kwargs={"literal_binds": True}))
            if motor == "postgresql":
                # Tablas casi vacías: sin esto el planificador prefiere recorrerlas enteras.
                conexion.exec_driver_sql("SET LOCAL enable_seqscan = off")
                plan = "\n".join(f[0] for f in conexion.exec_driver_sql(f"EXPLAIN {sql}"))
                assert indice in plan and "Index Cond" in plan, plan
            else:
                filas = conexion.exec_driver_sql(f"EXPLAIN {sql}").mappings().all()
                posibles = " ".join(str(f["possible_keys"]) for f in filas)
                assert indice in posibles, filas
