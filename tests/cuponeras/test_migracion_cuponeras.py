"""La migración de M6 (0007) sobre una base con datos: crea lo nuevo, no pierde nada y baja."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import inspect, text

from tests.catalogo.test_migracion_catalogo import (  # noqa: F401  (app_vacia es un fixture)
    INSTANTE,
    _alembic,
    _contenido,
    _sembrar_sac,
    app_vacia,
)

TABLAS_CUPONERAS = (
    "contratos",
    "facturas",
    "cupones",
    "cupon_facturas",
    "pagos",
    "beneficios",
    "notificaciones",
    "eventos_contrato",
    "verificaciones_registro",
)


def test_migrar_una_base_con_datos_a_la_0007_conserva_todo_y_deja_al_personal_sin_cliente(
    app_vacia: Flask,  # noqa: F811
) -> None:
    _alembic(app_vacia, "upgrade", "0002")
    motor = app_vacia.extensions["sac_db"].engine
    with motor.begin() as conexion:
        _sembrar_sac(conexion)
    _alembic(app_vacia, "upgrade", "0006")
    with motor.connect() as conexion:
        antes = _contenido(conexion)

    _alembic(app_vacia, "upgrade", "0007")

    with motor.connect() as conexion:
        assert _contenido(conexion) == antes
        assert set(TABLAS_CUPONERAS) <= set(inspect(conexion).get_table_names())
        filas = conexion.execute(
            text("SELECT cliente_id, correo_verificado_en FROM usuarios ORDER BY id")
        ).all()
        assert [tuple(fila) for fila in filas] == [(None, None), (None, None)]
    # El login de un usuario del portal es su correo: ya cabe uno largo.
    correo = "titular." + "x" * 200 + "@example.com"
    with motor.begin() as conexion:
        conexion.execute(
            text(
                "INSERT INTO usuarios (id, usuario, nombre, contrasena_hash, rol, activo, creado_en, "
                "cliente_id) VALUES (3, :u, 'Titular', 'hash-3', 'cliente', :v, :t, 1)"
            ),
            {"u": correo, "v": True, "t": INSTANTE},
        )
    with motor.connect() as conexion:
        assert conexion.scalar(text("SELECT usuario FROM usuarios WHERE id = 3")) == correo


def test_la_base_migrada_rechaza_ligar_un_cliente_a_un_usuario_del_personal(
    app_vacia: Flask,  # noqa: F811
) -> None:
    import pytest
    from sqlalchemy.exc import DBAPIError

    _alembic(app_vacia, "upgrade", "0002")
    motor = app_vacia.extensions["sac_db"].engine
    with motor.begin() as conexion:
        _sembrar_sac(conexion)
    _alembic(app_vacia, "upgrade", "0007")
    # MariaDB informa un CHECK incumplido como OperationalError (4025); los demás, IntegrityError.
    with pytest.raises(DBAPIError), motor.begin() as conexion:
        conexion.execute(text("UPDATE usuarios SET cliente_id = 1 WHERE id = 1"))


def test_bajar_la_0007_quita_lo_de_cuponeras_y_deja_el_sac(app_vacia: Flask) -> None:  # noqa: F811
    _alembic(app_vacia, "upgrade", "0002")
    motor = app_vacia.extensions["sac_db"].engine
    with motor.begin() as conexion:
        _sembrar_sac(conexion)
    _alembic(app_vacia, "upgrade", "0006")
    with motor.connect() as conexion:
        antes = _contenido(conexion)
    _alembic(app_vacia, "upgrade", "0007")

    _alembic(app_vacia, "downgrade", "0006")

    with motor.connect() as conexion:
        assert not set(TABLAS_CUPONERAS) & set(inspect(conexion).get_table_names())
        columnas = {c["name"] for c in inspect(conexion).get_columns("usuarios")}
        assert not {"cliente_id", "correo_verificado_en"} & columnas
        assert _contenido(conexion) == antes
