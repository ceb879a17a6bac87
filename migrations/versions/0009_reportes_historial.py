"""M10 SAC 360: historial de reportes de fidelización generados como archivo, con el archivo exacto
(LargeBinary: LONGBLOB en MariaDB/MySQL por `clients/servidor_client.py`). Tabla nueva: los datos
existentes no cambian (los reportes de antes no se guardaron, así que el historial empieza vacío).

Revisión: 0009
Anterior: 0008 (M10 búsqueda y notas)
Creada: 2026-11-29 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reportes_historial",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mes", sa.String(length=7), nullable=False),
        sa.Column("umbral", models.base.Dinero(), nullable=False),
        sa.Column("filas", sa.Integer(), nullable=False),
        sa.Column("total", models.base.Dinero(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("generado_por", sa.String(length=120), nullable=False),
        sa.Column("generado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("origen", sa.String(length=12), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("tipo_mime", sa.String(length=80), nullable=False),
        sa.Column("contenido", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "origen IN ('pantalla', 'api', 'cli', 'programado')",
            name=op.f("ck_reportes_historial_origen_valido"),
        ),
        sa.CheckConstraint("filas >= 0", name=op.f("ck_reportes_historial_filas_no_negativas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reportes_historial")),
    )
    op.create_index("ix_reportes_historial_generado_en", "reportes_historial", ["generado_en"])


def downgrade() -> None:
    op.drop_table("reportes_historial")
