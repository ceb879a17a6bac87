"""Las migraciones crean exactamente el esquema de los modelos (ninguna tabla, columna, índice o
llave foránea de más o de menos), en cada motor de las pruebas."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from models import Base


def test_el_esquema_migrado_coincide_con_los_modelos(app: Flask) -> None:
    with app.extensions["sac_db"].engine.connect() as conexion:
        contexto = MigrationContext.configure(conexion)
        diferencias = compare_metadata(contexto, Base.metadata)
    assert diferencias == []
