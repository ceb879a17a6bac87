"""Las marcas de calidad (`telefono_invalido`, `correo_invalido`) se escriben con el cliente y las
llena la migración 0011 para los que ya existían: la página de calidad no recorre todos los clientes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from app import create_app, preparar_migraciones
from controllers import importacion_controller
from models import Cliente
from services import calidad_service
from tests.bases_prueba import base_temporal

ENCABEZADO = "tipo_documento,numero_documento,nombre,apellido,correo,telefono,ciudad"


def _csv(carpeta: Path, filas: list[str]) -> Path:
    ruta = carpeta / "clientes.csv"
    ruta.write_text("\n".join([ENCABEZADO, *filas]) + "\n", encoding="utf-8")
    return ruta


def _marcas(gateway) -> dict[str, tuple[bool, bool]]:
    with gateway.session_scope() as sesion:
        filas = sesion.execute(
            select(Cliente.numero_documento, Cliente.telefono_invalido, Cliente.correo_invalido)
        )
        return {numero: (bool(tel), bool(correo)) for numero, tel, correo in filas}


def test_las_marcas_siguen_la_regla_de_calidad() -> None:
    assert (
        calidad_service.columnas_derivadas({"telefono": "+57 311 234 5678", "correo": "a@b.co"})[
            "telefono_invalido"
        ]
        is False
    )
    assert calidad_service.columnas_derivadas({"telefono": "+1 305 555 0100"})["telefono_invalido"]
    assert calidad_service.columnas_derivadas({"correo": "a@@b.co"})["correo_invalido"] is True
    # Sin dato no hay nada mal formado; lo que no viene no se toca.
    assert calidad_service.columnas_derivadas({"telefono": "", "correo": None}) == {
        "telefono_nacional": None,
        "correo_normalizado": None,
        "telefono_invalido": False,
        "correo_invalido": False,
    }
    assert "telefono_invalido" not in calidad_service.columnas_derivadas({"nombre": "Ana"})


def test_la_importacion_marca_y_desmarca_al_corregir(gateway, tmp_path: Path) -> None:
    importacion_controller.importar(
        gateway,
        clientes=_csv(
            tmp_path,
            [
                "CC,111111,Ana,Zea,ana@@x.co,+1 305 555 0100,Cali",
                "CC,222222,Luis,Paz,luis@x.co,3112345678,Cali",
            ],
        ),
    )
    assert _marcas(gateway) == {"111111": (True, True), "222222": (False, False)}
    importacion_controller.importar(
        gateway, clientes=_csv(tmp_path, ["CC,111111,Ana,Zea,ana@x.co,6014445555,Cali"])
    )
    assert _marcas(gateway) == {"111111": (False, False), "222222": (False, False)}


def test_la_migracion_0011_marca_los_clientes_existentes_y_se_revierte(tmp_path, motor) -> None:
    with base_temporal(motor, tmp_path) as url:
        app = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
        preparar_migraciones(app)
        motor_bd = app.extensions["sac_db"].engine
        try:
            with app.app_context():
                upgrade(revision="0010")
                ahora = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
                with motor_bd.begin() as conexion:
                    for numero, correo, telefono in (
                        ("111", "ana@x.co", "+57 311 234 5678"),
                        ("222", "sin-arroba", "+1 305 555 0100"),
                        ("333", None, None),
                        ("444", "", "  "),
                    ):
                        conexion.execute(
                            text(
                                "INSERT INTO clientes (tipo_documento_id, numero_documento, nombre,"
                                " apellido, correo, telefono, fecha_registro, activo) VALUES "
                                "(1, :numero, 'Ana', 'Zea', :correo, :telefono, :ahora, :activo)"
                            ),
                            {
                                "numero": numero,
                                "correo": correo,
                                "telefono": telefono,
                                "ahora": ahora,
                                "activo": True,
                            },
                        )
                upgrade(revision="0011")
                with motor_bd.connect() as conexion:
                    filas = conexion.execute(
                        text(
                            "SELECT numero_documento, telefono_invalido, correo_invalido "
                            "FROM clientes ORDER BY numero_documento"
                        )
                    ).all()
                assert [(n, bool(t), bool(c)) for n, t, c in filas] == [
                    ("111", False, False),
                    ("222", True, True),
                    ("333", False, False),
                    ("444", False, False),
                ]
                downgrade(revision="0010")
                with motor_bd.connect() as conexion:
                    assert conexion.scalar(text("SELECT count(*) FROM clientes")) == 4
        finally:
            motor_bd.dispose()


def test_en_sqlite_los_mal_formados_se_leen_por_el_indice_de_su_marca(gateway, motor) -> None:
    if motor != "sqlite":
        return
    with gateway.connection_scope() as conexion:
        for marca in ("telefono_invalido", "correo_invalido"):
            plan = " ".join(
                str(fila[-1])
                for fila in conexion.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN SELECT id FROM clientes WHERE {marca} = 1 "
                    "AND activo = 1 ORDER BY id"
                )
            )
            assert f"ix_clientes_{marca}" in plan, plan


def test_en_sqlite_la_migracion_0011_no_recrea_clientes_y_conserva_las_estadisticas(
    tmp_path, motor
) -> None:
    """Recrear `clientes` (1.000.000 de filas) borraba sus estadísticas del planificador y la
    búsqueda por nombre pasaba de 26 a 290 ms; la base sin estadísticas sigue sin ellas."""
    if motor != "sqlite":
        return
    for con_estadisticas in (True, False):
        with base_temporal(motor, tmp_path / str(con_estadisticas)) as url:
            app = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
            preparar_migraciones(app)
            motor_bd = app.extensions["sac_db"].engine
            try:
                with app.app_context():
                    upgrade(revision="0010")
                    with motor_bd.begin() as conexion:
                        creada = conexion.exec_driver_sql(
                            "SELECT rootpage FROM sqlite_master WHERE name = 'clientes'"
                        ).scalar()
                        conexion.exec_driver_sql(
                            "INSERT INTO clientes (tipo_documento_id, numero_documento, nombre,"
                            " apellido, fecha_registro, activo) VALUES"
                            " (1, '111', 'Ana', 'Zea', '2026-01-01 00:00:00', 1),"
                            " (1, '222', 'Luis', 'Paz', '2026-01-01 00:00:00', 1)"
                        )
                        if con_estadisticas:  # ANALYZE no escribe nada de una tabla vacía
                            conexion.exec_driver_sql("ANALYZE")
                    upgrade(revision="0011")
                    with motor_bd.connect() as conexion:
                        despues = conexion.exec_driver_sql(
                            "SELECT rootpage FROM sqlite_master WHERE name = 'clientes'"
                        ).scalar()
                        hay = conexion.exec_driver_sql(
                            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
                        ).scalar()
                        indices = (
                            set(
                                conexion.exec_driver_sql(
                                    "SELECT idx FROM sqlite_stat1 WHERE tbl = 'clientes'"
                                ).scalars()
                            )
                            if hay
                            else set()
                        )
                # La misma tabla (mismas páginas), con las columnas agregadas: no se copió.
                assert despues == creada
                if con_estadisticas:
                    assert {
                        "sqlite_autoindex_clientes_1",
                        "ix_clientes_telefono_invalido",
                    } <= indices
                else:
                    assert not hay
            finally:
                motor_bd.dispose()
