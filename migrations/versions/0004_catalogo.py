"""Catálogo: productos, tipos de establecimiento, establecimientos, portafolios y sus líneas

Revisión: 0004
Anterior: 0003
Creada: 2026-11-29 05:20:00

Solo crea tablas nuevas (y carga los tipos de establecimiento): no toca ninguna tabla del SAC.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIPOS_ESTABLECIMIENTO = (
    ("TIENDA", "Tienda de barrio"),
    ("MINIMERCADO", "Minimercado"),
    ("SUPERMERCADO", "Supermercado"),
    ("PANADERIA", "Panadería"),
    ("DROGUERIA", "Droguería"),
)


def upgrade() -> None:
    op.create_table(
        "tipos_establecimiento",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codigo", sa.String(length=20), nullable=False),
        sa.Column("nombre", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tipos_establecimiento")),
        sa.UniqueConstraint("codigo", name=op.f("uq_tipos_establecimiento_codigo")),
    )
    op.create_table(
        "productos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codigo", sa.String(length=30), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("nombre_busqueda", sa.String(length=120), nullable=False),
        sa.Column("categoria", sa.String(length=60), nullable=False),
        sa.Column("marca", sa.String(length=60), nullable=True),
        sa.Column("presentacion", sa.String(length=40), nullable=True),
        sa.Column("precio", models.base.Dinero(precision=16, scale=2), nullable=False),
        sa.Column("iva", sa.SmallInteger(), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.Column("creado_por_id", sa.Integer(), nullable=True),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("actualizado_en", models.base.InstanteUTC(), nullable=False),
        sa.CheckConstraint("iva IN (0, 5, 19)", name=op.f("ck_productos_iva_valido")),
        sa.CheckConstraint("precio > 0", name=op.f("ck_productos_precio_positivo")),
        sa.ForeignKeyConstraint(
            ["creado_por_id"], ["usuarios.id"], name=op.f("fk_productos_creado_por_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_productos")),
        sa.UniqueConstraint("codigo", name=op.f("uq_productos_codigo")),
    )
    with op.batch_alter_table("productos", schema=None) as batch_op:
        batch_op.create_index(
            "ix_productos_categoria_codigo", ["categoria", "codigo"], unique=False
        )

    op.create_table(
        "establecimientos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("nombre_busqueda", sa.String(length=120), nullable=False),
        sa.Column("tipo_id", sa.Integer(), nullable=False),
        sa.Column("nit", sa.String(length=9), nullable=True),
        sa.Column("ciudad", sa.String(length=80), nullable=False),
        sa.Column("departamento", sa.String(length=60), nullable=False),
        sa.Column("direccion", sa.String(length=200), nullable=False),
        sa.Column("telefono", sa.String(length=20), nullable=True),
        sa.Column("latitud", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("longitud", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("vendedor_id", sa.Integer(), nullable=True),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.Column("creado_por_id", sa.Integer(), nullable=True),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("actualizado_en", models.base.InstanteUTC(), nullable=False),
        sa.CheckConstraint(
            "(latitud IS NULL AND longitud IS NULL) OR (latitud IS NOT NULL AND longitud IS NOT NULL)",
            name=op.f("ck_establecimientos_coordenadas_completas"),
        ),
        sa.CheckConstraint(
            "latitud >= -4.3 AND latitud <= 13.5",
            name=op.f("ck_establecimientos_latitud_en_colombia"),
        ),
        sa.CheckConstraint(
            "longitud >= -82.0 AND longitud <= -66.8",
            name=op.f("ck_establecimientos_longitud_en_colombia"),
        ),
        sa.ForeignKeyConstraint(
            ["creado_por_id"],
            ["usuarios.id"],
            name=op.f("fk_establecimientos_creado_por_id_usuarios"),
        ),
        sa.ForeignKeyConstraint(
            ["tipo_id"],
            ["tipos_establecimiento.id"],
            name=op.f("fk_establecimientos_tipo_id_tipos_establecimiento"),
        ),
        sa.ForeignKeyConstraint(
            ["vendedor_id"], ["usuarios.id"], name=op.f("fk_establecimientos_vendedor_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_establecimientos")),
    )
    with op.batch_alter_table("establecimientos", schema=None) as batch_op:
        batch_op.create_index(
            "ix_establecimientos_ciudad_nombre", ["ciudad", "nombre"], unique=False
        )
        batch_op.create_index("ix_establecimientos_tipo_id", ["tipo_id"], unique=False)
        batch_op.create_index(
            "ix_establecimientos_vendedor_id_activo", ["vendedor_id", "activo"], unique=False
        )
        batch_op.create_index(
            "uq_establecimientos_nit",
            ["nit"],
            unique=True,
            mssql_where=sa.text("nit IS NOT NULL"),
        )

    op.create_table(
        "portafolios",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("tipo_id", sa.Integer(), nullable=False),
        sa.Column("vigente_desde", sa.Date(), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.Column("creado_por_id", sa.Integer(), nullable=True),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["creado_por_id"], ["usuarios.id"], name=op.f("fk_portafolios_creado_por_id_usuarios")
        ),
        sa.ForeignKeyConstraint(
            ["tipo_id"],
            ["tipos_establecimiento.id"],
            name=op.f("fk_portafolios_tipo_id_tipos_establecimiento"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portafolios")),
    )
    with op.batch_alter_table("portafolios", schema=None) as batch_op:
        batch_op.create_index(
            "ix_portafolios_tipo_id_activo_vigente_desde",
            ["tipo_id", "activo", "vigente_desde"],
            unique=False,
        )

    op.create_table(
        "lineas_portafolio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portafolio_id", sa.Integer(), nullable=False),
        sa.Column("producto_id", sa.Integer(), nullable=False),
        sa.Column("cantidad_minima", sa.Integer(), nullable=False),
        sa.Column("obligatorio", sa.Boolean(), nullable=False),
        sa.Column("precio_sugerido", models.base.Dinero(precision=16, scale=2), nullable=True),
        sa.Column("orden", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "cantidad_minima >= 1", name=op.f("ck_lineas_portafolio_cantidad_minima_positiva")
        ),
        sa.CheckConstraint(
            "precio_sugerido IS NULL OR precio_sugerido > 0",
            name=op.f("ck_lineas_portafolio_precio_sugerido_positivo"),
        ),
        sa.ForeignKeyConstraint(
            ["portafolio_id"],
            ["portafolios.id"],
            name=op.f("fk_lineas_portafolio_portafolio_id_portafolios"),
        ),
        sa.ForeignKeyConstraint(
            ["producto_id"],
            ["productos.id"],
            name=op.f("fk_lineas_portafolio_producto_id_productos"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lineas_portafolio")),
        sa.UniqueConstraint(
            "portafolio_id",
            "producto_id",
            name=op.f("uq_lineas_portafolio_portafolio_id_producto_id"),
        ),
    )
    with op.batch_alter_table("lineas_portafolio", schema=None) as batch_op:
        batch_op.create_index("ix_lineas_portafolio_producto_id", ["producto_id"], unique=False)

    # INSERT simple, como los tipos de documento en 0001 (script T-SQL sin IDENTITY_INSERT).
    tipos = sa.table(
        "tipos_establecimiento", sa.column("codigo", sa.Unicode), sa.column("nombre", sa.Unicode)
    )
    for codigo, nombre in TIPOS_ESTABLECIMIENTO:
        op.execute(tipos.insert().values(codigo=codigo, nombre=nombre))


def downgrade() -> None:
    # Los índices caen con sus tablas (MariaDB no deja borrar antes el índice de una llave foránea).
    for tabla in (
        "lineas_portafolio",
        "portafolios",
        "establecimientos",
        "productos",
        "tipos_establecimiento",
    ):
        op.drop_table(tabla)
