"""La migración del catálogo sobre una base del SAC con datos: crea lo nuevo y no pierde nada."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import MetaData, inspect, select, text
from sqlalchemy.engine import Connection

from app import create_app, preparar_migraciones
from tests.bases_prueba import base_temporal

TABLAS_SAC = ("tipos_documento", "usuarios", "clientes", "compras", "sesiones", "auditoria")
TABLAS_CATALOGO = (
    "productos",
    "tipos_establecimiento",
    "establecimientos",
    "portafolios",
    "lineas_portafolio",
)
# Columnas que las migraciones posteriores a la 0002 agregan a `usuarios` (0003 y 0007).
NUEVAS_EN_USUARIOS = ("zona", "correo", "cliente_id", "correo_verificado_en")
# Columnas de búsqueda que la 0008 (M10) agrega a `clientes`.
NUEVAS_EN_CLIENTES = (
    "telefono_nacional",
    "correo_normalizado",
    "telefono_invalido",
    "correo_invalido",
)
INSTANTE = datetime(2026, 10, 31, 23, 30, tzinfo=UTC).replace(tzinfo=None)


@pytest.fixture
def app_vacia(tmp_path: Path, motor: str) -> Iterator[Flask]:
    with base_temporal(motor, tmp_path) as url:
        aplicacion = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
        preparar_migraciones(aplicacion)
        yield aplicacion
        aplicacion.extensions["sac_db"].dispose()


def _alembic(app: Flask, orden: str, revision: str) -> None:
    import flask_migrate

    with app.app_context():
        getattr(flask_migrate, orden)(revision=revision)


def _sembrar_sac(conexion: Connection) -> None:
    """Datos del núcleo escritos con SQL plano, como los dejaría la versión 0002 en producción."""
    conexion.execute(
        text(
            "INSERT INTO usuarios (id, usuario, nombre, contrasena_hash, rol, activo, creado_en) "
            "VALUES (1, 'ana', 'Ana Peña', 'hash-1', 'agente', :v, :t), "
            "(2, 'adela', 'Adela Ruiz', 'hash-2', 'admin', :v, :t)"
        ),
        {"v": True, "t": INSTANTE},
    )
    tipo_cc = conexion.scalar(text("SELECT id FROM tipos_documento WHERE codigo = 'CC'"))
    conexion.execute(
        text(
            "INSERT INTO clientes (id, tipo_documento_id, numero_documento, nombre, apellido, "
            "correo, telefono, ciudad, direccion, fecha_registro, activo) VALUES "
            "(1, :tipo, '1020304050', 'María José', 'Peña Muñoz', 'maria@example.com', "
            "'+573001234567', 'Bogotá', 'Calle 1 # 2-3', :t, :v)"
        ),
        {"tipo": tipo_cc, "t": INSTANTE, "v": True},
    )
    conexion.execute(
        text(
            "INSERT INTO compras (id, cliente_id, numero_factura, fecha, total, estado, canal, "
            "tienda) VALUES (1, 1, 'FV-1', :t, :total, 'pagada', 'tienda', 'Centro')"
        ),
        {"t": INSTANTE, "total": "6250000.50"},
    )
    conexion.execute(
        text(
            "INSERT INTO sesiones (id, usuario_id, creada_en, expira_en, familia_id) "
            "VALUES ('s-1', 1, :t, :t, 's-1')"
        ),
        {"t": INSTANTE},
    )
    conexion.execute(
        text(
            "INSERT INTO auditoria (id, fecha, usuario_id, ip, accion, cliente_id, parametros, "
            "resultado, estado_http) VALUES (1, :t, 1, '10.0.0.1', 'consulta', 1, '{}', 'ok', 200)"
        ),
        {"t": INSTANTE},
    )


def _contenido(conexion: Connection) -> dict[str, list[tuple[object, ...]]]:
    """Todas las filas de las tablas del SAC, con las columnas que ya existían en 0002 (las
    posteriores las listan `NUEVAS_EN_USUARIOS` y `NUEVAS_EN_CLIENTES`)."""
    metadatos = MetaData()
    metadatos.reflect(conexion, only=TABLAS_SAC)
    contenido = {}
    for nombre in TABLAS_SAC:
        tabla = metadatos.tables[nombre]
        nuevas = NUEVAS_EN_USUARIOS + NUEVAS_EN_CLIENTES
        columnas = [c for c in tabla.columns if c.name not in nuevas]
        filas = conexion.execute(select(*columnas).order_by(*tabla.primary_key.columns)).all()
        contenido[nombre] = [tuple(fila) for fila in filas]
    return contenido


def test_migrar_una_base_del_sac_con_datos_hasta_head_conserva_todo(app_vacia: Flask) -> None:
    _alembic(app_vacia, "upgrade", "0002")
    motor = app_vacia.extensions["sac_db"].engine
    with motor.begin() as conexion:
        _sembrar_sac(conexion)
    with motor.connect() as conexion:
        antes = _contenido(conexion)
    assert sum(len(filas) for filas in antes.values()) == 5 + 2 + 1 + 1 + 1 + 1

    _alembic(app_vacia, "upgrade", "head")

    with motor.connect() as conexion:
        assert _contenido(conexion) == antes
        tablas = set(inspect(conexion).get_table_names())
        assert set(TABLAS_CATALOGO) <= tablas
        tipos = conexion.execute(
            text("SELECT codigo FROM tipos_establecimiento ORDER BY codigo")
        ).scalars()
        assert list(tipos) == ["DROGUERIA", "MINIMERCADO", "PANADERIA", "SUPERMERCADO", "TIENDA"]
        for tabla in TABLAS_CATALOGO[:1] + TABLAS_CATALOGO[2:]:
            assert conexion.scalar(text(f"SELECT COUNT(*) FROM {tabla}")) == 0


def test_bajar_la_0004_quita_las_tablas_del_catalogo_y_deja_el_sac(app_vacia: Flask) -> None:
    _alembic(app_vacia, "upgrade", "0002")
    motor = app_vacia.extensions["sac_db"].engine
    with motor.begin() as conexion:
        _sembrar_sac(conexion)
    # Solo la bajada de la 0004 (la de las migraciones posteriores es de sus módulos).
    _alembic(app_vacia, "upgrade", "0004")
    with motor.connect() as conexion:
        antes = _contenido(conexion)

    _alembic(app_vacia, "downgrade", "0003")

    with motor.connect() as conexion:
        tablas = set(inspect(conexion).get_table_names())
        assert not set(TABLAS_CATALOGO) & tablas
        assert _contenido(conexion) == antes
