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


def upgrade() -> None:
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("telefono_invalido", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("correo_invalido", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    _marcar()
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clientes_telefono_invalido", ["telefono_invalido", "id"], unique=False
        )
        batch_op.create_index(
            "ix_clientes_correo_invalido", ["correo_invalido", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.drop_index("ix_clientes_correo_invalido")
        batch_op.drop_index("ix_clientes_telefono_invalido")
        batch_op.drop_column("correo_invalido")
        batch_op.drop_column("telefono_invalido")
