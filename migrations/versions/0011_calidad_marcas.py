"""M10 calidad de datos: marcas `telefono_invalido` y `correo_invalido` en `clientes`, con índices,
para que la página de calidad no recorra todos los clientes (a 1.000.000 tardaba decenas de segundos).
Las marcas de los clientes que ya existen se calculan con la misma regla (`calidad_service`), por lotes.

Revisión: 0011
Anterior: 0010 (M10 alias de clientes fusionados)
Creada: 2026-11-29 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from services import calidad_service

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LOTE = 5000

_clientes = sa.table(
    "clientes",
    sa.column("id", sa.Integer()),
    sa.column("correo", sa.String()),
    sa.column("telefono", sa.String()),
    sa.column("telefono_invalido", sa.Boolean()),
    sa.column("correo_invalido", sa.Boolean()),
)


def _marcar() -> None:
    """Marca los clientes existentes con un teléfono o correo mal formado, de a `LOTE` por id.

    En modo fuera de línea (el script T-SQL de `make sql-server`, para una base nueva) no hay
    clientes que leer: no se marca nada.
    """
    if context.is_offline_mode():
        return
    conexion = op.get_bind()
    actualizar = (
        sa.update(_clientes)
        .where(_clientes.c.id == sa.bindparam("id_"))
        .values(
            telefono_invalido=sa.bindparam("telefono_invalido"),
            correo_invalido=sa.bindparam("correo_invalido"),
        )
    )
    ultimo = 0
    while True:
        filas = conexion.execute(
            sa.select(_clientes.c.id, _clientes.c.correo, _clientes.c.telefono)
            .where(_clientes.c.id > ultimo)
            .order_by(_clientes.c.id)
            .limit(LOTE)
        ).all()
        if not filas:
            return
        marcas = [
            {
                "id_": fila.id,
                "telefono_invalido": calidad_service.telefono_invalido(fila.telefono),
                "correo_invalido": calidad_service.correo_invalido(fila.correo),
            }
            for fila in filas
        ]
        marcadas = [m for m in marcas if m["telefono_invalido"] or m["correo_invalido"]]
        if marcadas:
            conexion.execute(actualizar, marcadas)
        ultimo = filas[-1].id


def _reanalizar_si_habia_estadisticas() -> None:
    """SQLite: si la base ya tenía estadísticas del planificador (`ANALYZE`), las rehace para que
    los índices nuevos también las tengan; una base sin ellas queda sin ellas (mezclar tablas con y
    sin estadísticas lleva al planificador a malos planes: a 1.000.000 de clientes, la búsqueda por
    nombre pasó de 26 a 290 ms)."""
    if context.is_offline_mode() or op.get_bind().dialect.name != "sqlite":
        return
    conexion = op.get_bind()
    hay = conexion.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).scalar()
    if hay:
        conexion.exec_driver_sql("ANALYZE")


def upgrade() -> None:
    # Columnas e índices sin recrear la tabla (SQLite admite ADD COLUMN NOT NULL con DEFAULT): con
    # un millón de clientes, recrearla copiaría la tabla entera y borraría sus estadísticas.
    op.add_column(
        "clientes",
        sa.Column("telefono_invalido", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "clientes",
        sa.Column("correo_invalido", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    _marcar()
    op.create_index("ix_clientes_telefono_invalido", "clientes", ["telefono_invalido", "id"])
    op.create_index("ix_clientes_correo_invalido", "clientes", ["correo_invalido", "id"])
    _reanalizar_si_habia_estadisticas()


def downgrade() -> None:
    op.drop_index("ix_clientes_correo_invalido", table_name="clientes")
    op.drop_index("ix_clientes_telefono_invalido", table_name="clientes")
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.drop_column("correo_invalido")
        batch_op.drop_column("telefono_invalido")
