"""Esquema inicial: tipos de documento, clientes, compras, usuarios, sesiones y auditoría

Revisión: 0001
Anterior:
Creada: 2026-11-23 18:23:20.883750
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TIPOS_DOCUMENTO = (
    ("CC", "Cédula de ciudadanía", "Documento de identidad de los ciudadanos colombianos."),
    ("CE", "Cédula de extranjería", "Documento de identidad de extranjeros residentes."),
    ("NIT", "NIT", "Número de identificación tributaria de empresas (DIAN)."),
    ("PA", "Pasaporte", "Pasaporte nacional o extranjero."),
    ("TI", "Tarjeta de identidad", "Documento de identidad de menores de edad."),
)


def upgrade() -> None:
    op.create_table(
        "tipos_documento",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codigo", sa.String(length=5), nullable=False),
        sa.Column("nombre", sa.String(length=60), nullable=False),
        sa.Column("descripcion", sa.String(length=200), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tipos_documento")),
        sa.UniqueConstraint("codigo", name=op.f("uq_tipos_documento_codigo")),
    )
    op.create_table(
        "usuarios",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("usuario", sa.String(length=60), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("contrasena_hash", sa.String(length=255), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.CheckConstraint(
            "rol IN ('agente', 'supervisor', 'admin')", name=op.f("ck_usuarios_rol_valido")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usuarios")),
        sa.UniqueConstraint("usuario", name=op.f("uq_usuarios_usuario")),
    )
    op.create_table(
        "clientes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tipo_documento_id", sa.Integer(), nullable=False),
        sa.Column("numero_documento", sa.String(length=20), nullable=False),
        sa.Column("nombre", sa.String(length=150), nullable=False),
        sa.Column("apellido", sa.String(length=150), nullable=False),
        sa.Column("correo", sa.String(length=254), nullable=True),
        sa.Column("telefono", sa.String(length=20), nullable=True),
        sa.Column("ciudad", sa.String(length=80), nullable=True),
        sa.Column("direccion", sa.String(length=200), nullable=True),
        sa.Column("fecha_registro", models.base.InstanteUTC(), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tipo_documento_id"],
            ["tipos_documento.id"],
            name=op.f("fk_clientes_tipo_documento_id_tipos_documento"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clientes")),
        sa.UniqueConstraint(
            "tipo_documento_id",
            "numero_documento",
            name=op.f("uq_clientes_tipo_documento_id_numero_documento"),
        ),
    )
    op.create_table(
        "sesiones",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("usuario_id", sa.Integer(), nullable=False),
        sa.Column("creada_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("expira_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("revocada_en", models.base.InstanteUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["usuario_id"], ["usuarios.id"], name=op.f("fk_sesiones_usuario_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sesiones")),
    )
    with op.batch_alter_table("sesiones", schema=None) as batch_op:
        batch_op.create_index("ix_sesiones_usuario_id", ["usuario_id"], unique=False)

    op.create_table(
        "auditoria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fecha", models.base.InstanteUTC(), nullable=False),
        sa.Column("usuario_id", sa.Integer(), nullable=True),
        sa.Column("ip", sa.String(length=45), nullable=True),
        sa.Column("accion", sa.String(length=30), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=True),
        sa.Column("tipo_documento", sa.String(length=5), nullable=True),
        sa.Column("documento_huella", sa.String(length=64), nullable=True),
        sa.Column("parametros", sa.String(length=500), nullable=False),
        sa.Column("resultado", sa.String(length=30), nullable=False),
        sa.Column("estado_http", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_auditoria_cliente_id_clientes")
        ),
        sa.ForeignKeyConstraint(
            ["usuario_id"], ["usuarios.id"], name=op.f("fk_auditoria_usuario_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditoria")),
    )
    with op.batch_alter_table("auditoria", schema=None) as batch_op:
        batch_op.create_index("ix_auditoria_cliente_id", ["cliente_id"], unique=False)
        batch_op.create_index("ix_auditoria_documento_huella", ["documento_huella"], unique=False)
        batch_op.create_index("ix_auditoria_fecha", ["fecha"], unique=False)
        batch_op.create_index(
            "ix_auditoria_usuario_id_fecha", ["usuario_id", "fecha"], unique=False
        )

    op.create_table(
        "compras",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("numero_factura", sa.String(length=30), nullable=False),
        sa.Column("fecha", models.base.InstanteUTC(), nullable=False),
        sa.Column("total", models.base.Dinero(precision=16, scale=2), nullable=False),
        sa.Column("estado", sa.String(length=10), nullable=False),
        sa.Column("canal", sa.String(length=20), nullable=True),
        sa.Column("tienda", sa.String(length=80), nullable=True),
        sa.CheckConstraint(
            "estado IN ('pagada', 'anulada', 'devuelta')", name=op.f("ck_compras_estado_valido")
        ),
        sa.CheckConstraint("total >= 0", name=op.f("ck_compras_total_no_negativo")),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_compras_cliente_id_clientes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compras")),
        sa.UniqueConstraint("numero_factura", name=op.f("uq_compras_numero_factura")),
    )
    with op.batch_alter_table("compras", schema=None) as batch_op:
        batch_op.create_index("ix_compras_cliente_fecha", ["cliente_id", "fecha"], unique=False)
        batch_op.create_index(
            "ix_compras_estado_fecha", ["estado", "fecha", "cliente_id", "total"], unique=False
        )
    # INSERT simple (no bulk_insert): en el script T-SQL no se activa IDENTITY_INSERT, y en
    # PostgreSQL la secuencia del id queda al día. Unicode: literales N'...' en SQL Server.
    tipos = sa.table(
        "tipos_documento",
        sa.column("codigo", sa.Unicode),
        sa.column("nombre", sa.Unicode),
        sa.column("descripcion", sa.Unicode),
        sa.column("activo", sa.Boolean),
    )
    for codigo, nombre, descripcion in TIPOS_DOCUMENTO:
        op.execute(
            tipos.insert().values(
                codigo=codigo, nombre=nombre, descripcion=descripcion, activo=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("compras", schema=None) as batch_op:
        batch_op.drop_index("ix_compras_estado_fecha")
        batch_op.drop_index("ix_compras_cliente_fecha")

    op.drop_table("compras")
    with op.batch_alter_table("auditoria", schema=None) as batch_op:
        batch_op.drop_index("ix_auditoria_usuario_id_fecha")
        batch_op.drop_index("ix_auditoria_fecha")
        batch_op.drop_index("ix_auditoria_documento_huella")
        batch_op.drop_index("ix_auditoria_cliente_id")

    op.drop_table("auditoria")
    with op.batch_alter_table("sesiones", schema=None) as batch_op:
        batch_op.drop_index("ix_sesiones_usuario_id")

    op.drop_table("sesiones")
    op.drop_table("clientes")
    op.drop_table("usuarios")
    op.drop_table("tipos_documento")
