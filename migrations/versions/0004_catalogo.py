"""M7 Catálogo: productos, tipos de establecimiento, establecimientos y portafolios

Revisión: 0004
Anterior: 0003
Creada: 2026-11-29 05:20:00
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Las tablas del catálogo (las agrega el módulo M7)."""


def downgrade() -> None:
    """Quita las tablas del catálogo."""
