"""Familia de sesiones: detectar el reuso de un token de refresco ya rotado

Revisión: 0002
Anterior: 0001
Creada: 2026-11-28 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sesiones", schema=None) as batch_op:
        batch_op.add_column(sa.Column("familia_id", sa.String(length=36), nullable=True))
        batch_op.create_index("ix_sesiones_familia_id", ["familia_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sesiones", schema=None) as batch_op:
        batch_op.drop_index("ix_sesiones_familia_id")
        batch_op.drop_column("familia_id")
