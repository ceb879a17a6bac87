"""Las migraciones crean exactamente el esquema de los modelos (ninguna tabla, columna, índice o
llave foránea de más o de menos), en cada motor de las pruebas."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from app import create_app, preparar_migraciones
from models import Base
from tests.bases_prueba import base_temporal


def test_el_esquema_migrado_coincide_con_los_modelos(app: Flask) -> None:
    with app.extensions["sac_db"].engine.connect() as conexion:
        contexto = MigrationContext.configure(conexion)
        diferencias = compare_metadata(contexto, Base.metadata)
    assert diferencias == []


def test_las_migraciones_de_los_modulos_bajan_hasta_el_nucleo_y_vuelven_a_subir(
    tmp_path: Path, motor: str
) -> None:
    import flask_migrate

    with base_temporal(motor, tmp_path) as url:
        aplicacion = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
        preparar_migraciones(aplicacion)
        try:
            with aplicacion.app_context():
                flask_migrate.upgrade(revision="head")
                flask_migrate.downgrade(revision="0002")  # el núcleo del SAC antes de los módulos
                flask_migrate.upgrade(revision="head")
            with aplicacion.extensions["sac_db"].engine.connect() as conexion:
                diferencias = compare_metadata(MigrationContext.configure(conexion), Base.metadata)
            assert diferencias == []
        finally:
            aplicacion.extensions["sac_db"].dispose()
