"""Bandeja de salida de correos (compartida por los módulos): correos y sus adjuntos

Revisión: 0005
Anterior: 0004
Creada: 2026-11-29 05:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destinatario", sa.String(length=254), nullable=False),
        sa.Column("asunto", sa.String(length=200), nullable=False),
        sa.Column("cuerpo", sa.Text(), nullable=False),
        sa.Column("referencia", sa.String(length=80), nullable=True),
        sa.Column("estado", sa.String(length=10), nullable=False),
        sa.Column("intentos", sa.Integer(), nullable=False),
        sa.Column("ultimo_error", sa.String(length=300), nullable=True),
        sa.Column("creado_en", sa.DateTime(), nullable=False),
        sa.Column("proximo_intento_en", sa.DateTime(), nullable=False),
        sa.Column("enviado_en", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "estado IN ('pendiente', 'enviado', 'fallido')", name=op.f("ck_correos_estado_valido")
        ),
        sa.CheckConstraint("intentos >= 0", name=op.f("ck_correos_intentos_no_negativos")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correos")),
    )
    op.create_index(
        "ix_correos_estado_proximo_intento_en", "correos", ["estado", "proximo_intento_en"]
    )
    op.create_index("ix_correos_destinatario_creado_en", "correos", ["destinatario", "creado_en"])
    op.create_table(
        "correo_adjuntos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("correo_id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("tipo_mime", sa.String(length=80), nullable=False),
        sa.Column("contenido", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["correo_id"],
            ["correos.id"],
            name=op.f("fk_correo_adjuntos_correo_id_correos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correo_adjuntos")),
    )
    op.create_index("ix_correo_adjuntos_correo_id", "correo_adjuntos", ["correo_id"])


def downgrade() -> None:
    # La tabla con su índice de una vez: MariaDB no deja borrar antes el índice de una llave foránea.
    op.drop_table("correo_adjuntos")
    op.drop_index("ix_correos_destinatario_creado_en", table_name="correos")
    op.drop_index("ix_correos_estado_proximo_intento_en", table_name="correos")
    op.drop_table("correos")
