"""M10 SAC 360: columnas de búsqueda de clientes (teléfono nacional, correo normalizado), palabras
y pares de prefijos del nombre para buscar por prefijo, y notas de llamadas con sus versiones. Llena lo de búsqueda
para los clientes que ya existen, por lotes.

Revisión: 0008
Anterior: 0007 (M6 cuponeras)
Creada: 2026-11-29 08:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op

import models.base
from services import busqueda_service

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LOTE = 5000


def _binario(largo: int) -> Any:
    """Texto normalizado con intercalación binaria (ver `models.cliente_model.texto_binario`)."""
    return (
        sa.String(length=largo)
        .with_variant(sa.String(length=largo, collation="C"), "postgresql")
        .with_variant(sa.String(length=largo, collation="utf8mb4_bin"), "mysql", "mariadb")
        .with_variant(sa.String(length=largo, collation="Latin1_General_BIN2"), "mssql")
    )


_clientes = sa.table(
    "clientes",
    sa.column("id", sa.Integer()),
    sa.column("nombre", sa.String()),
    sa.column("apellido", sa.String()),
    sa.column("correo", sa.String()),
    sa.column("telefono", sa.String()),
    sa.column("telefono_nacional", sa.String()),
    sa.column("correo_normalizado", sa.String()),
)
_palabras = sa.table(
    "cliente_palabras",
    sa.column("cliente_id", sa.Integer()),
    sa.column("palabra", sa.String()),
    sa.column("previa", sa.String()),
    sa.column("apellido", sa.String()),
    sa.column("nombre", sa.String()),
    sa.column("clave", sa.String()),
)
_pares = sa.table(
    "cliente_pares",
    sa.column("cliente_id", sa.Integer()),
    sa.column("par", sa.String()),
    sa.column("apellido", sa.String()),
    sa.column("nombre", sa.String()),
    sa.column("clave", sa.String()),
)


def _llenar() -> None:
    """Columnas de búsqueda y palabras de los clientes existentes, de a `LOTE` por id.

    En modo fuera de línea (el script T-SQL de `make sql-server`, para una base nueva) no hay
    clientes que leer: no se llena nada.
    """
    if context.is_offline_mode():
        return
    conexion = op.get_bind()
    actualizar = (
        sa.update(_clientes)
        .where(_clientes.c.id == sa.bindparam("id_"))
        .values(
            telefono_nacional=sa.bindparam("telefono_nacional"),
            correo_normalizado=sa.bindparam("correo_normalizado"),
        )
    )
    ultimo = 0
    while True:
        filas = conexion.execute(
            sa.select(
                _clientes.c.id,
                _clientes.c.nombre,
                _clientes.c.apellido,
                _clientes.c.correo,
                _clientes.c.telefono,
            )
            .where(_clientes.c.id > ultimo)
            .order_by(_clientes.c.id)
            .limit(LOTE)
        ).all()
        if not filas:
            return
        cambios, palabras, pares = [], [], []
        for fila in filas:
            columnas = busqueda_service.columnas_normalizadas(
                {"telefono": fila.telefono, "correo": fila.correo}
            )
            if any(columnas.values()):
                cambios.append({"id_": fila.id, **columnas})
            palabras += busqueda_service.filas_palabras(fila.id, fila.nombre, fila.apellido)
            pares += busqueda_service.filas_pares(fila.id, fila.nombre, fila.apellido)
        if cambios:
            conexion.execute(actualizar, cambios)
        if palabras:
            conexion.execute(sa.insert(_palabras), palabras)
        if pares:
            conexion.execute(sa.insert(_pares), pares)
        ultimo = filas[-1].id


def upgrade() -> None:
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("telefono_nacional", _binario(20), nullable=True))
        batch_op.add_column(sa.Column("correo_normalizado", _binario(254), nullable=True))
    op.create_table(
        "cliente_palabras",
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("palabra", _binario(60), nullable=False),
        sa.Column("previa", _binario(60), nullable=False),
        sa.Column("apellido", _binario(150), nullable=False),
        sa.Column("nombre", _binario(150), nullable=False),
        sa.Column("clave", _binario(310), nullable=False),
        sa.ForeignKeyConstraint(
            ["cliente_id"],
            ["clientes.id"],
            name=op.f("fk_cliente_palabras_cliente_id_clientes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cliente_id", "palabra", name=op.f("pk_cliente_palabras")),
    )
    op.create_table(
        "cliente_pares",
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("par", _binario(7), nullable=False),
        sa.Column("apellido", _binario(150), nullable=False),
        sa.Column("nombre", _binario(150), nullable=False),
        sa.Column("clave", _binario(310), nullable=False),
        sa.ForeignKeyConstraint(
            ["cliente_id"],
            ["clientes.id"],
            name=op.f("fk_cliente_pares_cliente_id_clientes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cliente_id", "par", name=op.f("pk_cliente_pares")),
    )
    _llenar()
    # Los índices se crean ya llenas las columnas: un solo ordenamiento, no uno por fila.
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        # Búsqueda por teléfono (número nacional) y por correo (minúsculas), por igualdad.
        batch_op.create_index("ix_clientes_telefono_nacional", ["telefono_nacional"], unique=False)
        batch_op.create_index(
            "ix_clientes_correo_normalizado", ["correo_normalizado"], unique=False
        )
    with op.batch_alter_table("cliente_palabras", schema=None) as batch_op:
        # Búsqueda por nombre: rango de prefijo sobre `palabra`, cubriendo lo que se lee.
        batch_op.create_index(
            "ix_cliente_palabras_palabra",
            ["palabra", "apellido", "nombre", "cliente_id", "previa", "clave"],
            unique=False,
        )
        # Conteo de una sola palabra: el mismo rango en un índice angosto.
        batch_op.create_index("ix_cliente_palabras_conteo", ["palabra", "previa"], unique=False)
    with op.batch_alter_table("cliente_pares", schema=None) as batch_op:
        # Búsqueda por nombre de varias palabras: igualdad sobre el par de prefijos, cubriendo.
        batch_op.create_index(
            "ix_cliente_pares_par",
            ["par", "apellido", "nombre", "cliente_id", "clave"],
            unique=False,
        )

    op.create_table(
        "notas_cliente",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("usuario_id", sa.Integer(), nullable=False),
        sa.Column("texto", sa.String(length=2000), nullable=False),
        sa.Column("motivo", sa.String(length=300), nullable=True),
        sa.Column("creada_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("editada_en", models.base.InstanteUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_notas_cliente_cliente_id_clientes")
        ),
        sa.ForeignKeyConstraint(
            ["usuario_id"], ["usuarios.id"], name=op.f("fk_notas_cliente_usuario_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notas_cliente")),
    )
    with op.batch_alter_table("notas_cliente", schema=None) as batch_op:
        # Las notas de un cliente, de la más nueva a la más antigua.
        batch_op.create_index(
            "ix_notas_cliente_cliente_id_creada_en", ["cliente_id", "creada_en"], unique=False
        )
    op.create_table(
        "notas_cliente_versiones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nota_id", sa.Integer(), nullable=False),
        sa.Column("texto", sa.String(length=2000), nullable=False),
        sa.Column("reemplazada_en", models.base.InstanteUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nota_id"],
            ["notas_cliente.id"],
            name=op.f("fk_notas_cliente_versiones_nota_id_notas_cliente"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notas_cliente_versiones")),
    )
    with op.batch_alter_table("notas_cliente_versiones", schema=None) as batch_op:
        batch_op.create_index("ix_notas_cliente_versiones_nota_id", ["nota_id"], unique=False)


def downgrade() -> None:
    # Cada tabla se lleva sus índices (MariaDB no deja soltar antes el índice de una llave foránea).
    op.drop_table("notas_cliente_versiones")
    op.drop_table("notas_cliente")
    op.drop_table("cliente_pares")
    op.drop_table("cliente_palabras")
    with op.batch_alter_table("clientes", schema=None) as batch_op:
        batch_op.drop_index("ix_clientes_telefono_nacional")
        batch_op.drop_index("ix_clientes_correo_normalizado")
        batch_op.drop_column("correo_normalizado")
        batch_op.drop_column("telefono_nacional")
