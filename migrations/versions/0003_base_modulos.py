"""Base para los módulos: roles nuevos (tabla de permisos) y zona y correo de los usuarios

Revisión: 0003
Anterior: 0002
Creada: 2026-11-29 05:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLES_ANTES = ("agente", "supervisor", "admin")
ROLES = ("agente", "supervisor", "admin", "vendedor", "catalogo", "monitor", "cliente", "recaudo")


def _condicion(roles: tuple[str, ...]) -> str:
    return "rol IN (" + ", ".join(f"'{rol}'" for rol in roles) + ")"


def upgrade() -> None:
    with op.batch_alter_table("usuarios", schema=None) as batch_op:
        batch_op.add_column(sa.Column("zona", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("correo", sa.String(length=254), nullable=True))
        batch_op.drop_constraint(op.f("ck_usuarios_rol_valido"), type_="check")
        batch_op.create_check_constraint(op.f("ck_usuarios_rol_valido"), _condicion(ROLES))


def downgrade() -> None:
    with op.batch_alter_table("usuarios", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_usuarios_rol_valido"), type_="check")
        batch_op.create_check_constraint(op.f("ck_usuarios_rol_valido"), _condicion(ROLES_ANTES))
        batch_op.drop_column("correo")
        batch_op.drop_column("zona")
