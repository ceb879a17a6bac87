"""M10 SAC 360: fusión de clientes. `cliente_alias` guarda el documento de cada cliente fusionado
(que queda inactivo) y el sobreviviente al que lleva. Tabla nueva: los datos existentes no cambian.

Revisión: 0010
Anterior: 0009 (historial de reportes)
Creada: 2026-11-29 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cliente_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tipo_documento_id", sa.Integer(), nullable=False),
        sa.Column("numero_documento", sa.String(length=20), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("absorbido_id", sa.Integer(), nullable=False),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tipo_documento_id"],
            ["tipos_documento.id"],
            name=op.f("fk_cliente_alias_tipo_documento_id_tipos_documento"),
        ),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_cliente_alias_cliente_id_clientes")
        ),
        sa.ForeignKeyConstraint(
            ["absorbido_id"], ["clientes.id"], name=op.f("fk_cliente_alias_absorbido_id_clientes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cliente_alias")),
        sa.UniqueConstraint(
            "tipo_documento_id",
            "numero_documento",
            name=op.f("uq_cliente_alias_tipo_documento_id_numero_documento"),
        ),
        sa.UniqueConstraint("absorbido_id", name=op.f("uq_cliente_alias_absorbido_id")),
    )
    with op.batch_alter_table("cliente_alias", schema=None) as batch_op:
        # Los alias de un cliente (su ficha y las fusiones encadenadas).
        batch_op.create_index("ix_cliente_alias_cliente_id", ["cliente_id"], unique=False)


def downgrade() -> None:
    op.drop_table("cliente_alias")
