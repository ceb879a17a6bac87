"""M8 Entregas: repartidores y productos de referencia (seed 002), pedidos, líneas, dispositivos y
firmas aceptadas

Revisión: 0006
Anterior: 0005
Creada: 2026-11-29 05:50:00
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Datos de referencia del seed 002, exactamente como los lista (precios en la moneda del seed).
REPARTIDORES = (
    (101, "María López"),
    (102, "Carlos García"),
    (103, "Ana Fernández"),
    (104, "Juan Martínez"),
    (105, "Laura Sánchez"),
    (106, "Pedro Gómez"),
    (107, "Elena Rodríguez"),
    (108, "Jorge Pérez"),
    (109, "Sofía Morales"),
    (110, "Daniel Castillo"),
)
PRODUCTOS = (
    ("pk0001", "Moneda", "1.00"),
    ("pk0002", "Estuche para gafas", "8.00"),
    ("pk0003", "Pequeño espejo de bolsillo", "5.00"),
    ("pk0004", "Pendrive", "12.00"),
    ("pk0005", "Tarjeta SIM", "3.00"),
    ("pk0006", "Adaptador de corriente", "10.00"),
    ("pk0007", "Tijeras pequeñas", "4.00"),
    ("pk0008", "Pila de botón", "2.50"),
    ("pk0009", "Goma de borrar", "0.50"),
    ("pk0010", "Clip sujetapapeles", "0.20"),
)


# Microsegundos también en MariaDB/MySQL (la latencia de registro se mide en milisegundos).
_INSTANTE = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "entregas_repartidores",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("nombre", sa.String(length=80), nullable=False),
        sa.Column("activo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_repartidores")),
    )
    op.create_table(
        "entregas_productos",
        sa.Column("id", sa.String(length=10), nullable=False),
        sa.Column("nombre", sa.String(length=80), nullable=False),
        sa.Column("precio", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.CheckConstraint("precio >= 0", name=op.f("ck_entregas_productos_precio_no_negativo")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_productos")),
    )
    op.create_table(
        "entregas_dispositivos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=60), nullable=False),
        sa.Column("clave_hash", sa.String(length=64), nullable=False),
        sa.Column("clave_cifrada", sa.Text(), nullable=True),
        sa.Column("firmar", sa.Boolean(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("creado_en", sa.DateTime(), nullable=False),
        sa.Column("revocado_en", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_dispositivos")),
        sa.UniqueConstraint("clave_hash", name=op.f("uq_entregas_dispositivos_clave_hash")),
        sa.UniqueConstraint("nombre", name=op.f("uq_entregas_dispositivos_nombre")),
    )
    op.create_table(
        "entregas_pedidos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pedido_id", sa.String(length=64), nullable=False),
        sa.Column("repartidor_id", sa.Integer(), nullable=False),
        sa.Column("dispositivo_id", sa.Integer(), nullable=True),
        sa.Column("unidades", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        sa.Column("entregado_en", _INSTANTE, nullable=False),
        sa.Column("registrado_en", _INSTANTE, nullable=False),
        sa.CheckConstraint("unidades > 0", name=op.f("ck_entregas_pedidos_unidades_positivas")),
        sa.CheckConstraint("total >= 0", name=op.f("ck_entregas_pedidos_total_no_negativo")),
        sa.ForeignKeyConstraint(
            ["dispositivo_id"],
            ["entregas_dispositivos.id"],
            name=op.f("fk_entregas_pedidos_dispositivo_id_entregas_dispositivos"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["repartidor_id"],
            ["entregas_repartidores.id"],
            name=op.f("fk_entregas_pedidos_repartidor_id_entregas_repartidores"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_pedidos")),
        sa.UniqueConstraint("pedido_id", name=op.f("uq_entregas_pedidos_pedido_id")),
    )
    op.create_index("ix_entregas_pedidos_entregado_en", "entregas_pedidos", ["entregado_en"])
    op.create_index("ix_entregas_pedidos_registrado_en", "entregas_pedidos", ["registrado_en"])
    op.create_table(
        "entregas_lineas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pedido_id", sa.Integer(), nullable=False),
        sa.Column("producto_id", sa.String(length=10), nullable=False),
        sa.Column("cantidad", sa.Integer(), nullable=False),
        sa.Column("precio", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.CheckConstraint("cantidad > 0", name=op.f("ck_entregas_lineas_cantidad_positiva")),
        sa.CheckConstraint("precio >= 0", name=op.f("ck_entregas_lineas_precio_no_negativo")),
        sa.ForeignKeyConstraint(
            ["pedido_id"],
            ["entregas_pedidos.id"],
            name=op.f("fk_entregas_lineas_pedido_id_entregas_pedidos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["producto_id"],
            ["entregas_productos.id"],
            name=op.f("fk_entregas_lineas_producto_id_entregas_productos"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_lineas")),
        sa.UniqueConstraint(
            "pedido_id", "producto_id", name=op.f("uq_entregas_lineas_pedido_id_producto_id")
        ),
    )
    op.create_index("ix_entregas_lineas_producto_id", "entregas_lineas", ["producto_id"])
    op.create_table(
        "entregas_firmas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dispositivo_id", sa.Integer(), nullable=False),
        sa.Column("t", sa.BigInteger(), nullable=False),
        sa.Column("v1", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispositivo_id"],
            ["entregas_dispositivos.id"],
            name=op.f("fk_entregas_firmas_dispositivo_id_entregas_dispositivos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entregas_firmas")),
        sa.UniqueConstraint(
            "dispositivo_id", "t", "v1", name=op.f("uq_entregas_firmas_dispositivo_id_t_v1")
        ),
    )
    op.create_index("ix_entregas_firmas_t", "entregas_firmas", ["t"])
    # INSERT simple (como los tipos de documento de la 0001): literales Unicode en SQL Server.
    repartidores = sa.table(
        "entregas_repartidores",
        sa.column("id", sa.Integer),
        sa.column("nombre", sa.Unicode),
        sa.column("activo", sa.Boolean),
    )
    for identificador, nombre in REPARTIDORES:
        op.execute(repartidores.insert().values(id=identificador, nombre=nombre, activo=True))
    productos = sa.table(
        "entregas_productos",
        sa.column("id", sa.Unicode),
        sa.column("nombre", sa.Unicode),
        sa.column("precio", sa.Numeric(16, 2)),
    )
    for identificador, nombre, precio in PRODUCTOS:
        op.execute(
            productos.insert().values(id=identificador, nombre=nombre, precio=Decimal(precio))
        )


def downgrade() -> None:
    # Quitar cada tabla quita sus índices (en MariaDB un índice que usa una llave foránea no se
    # puede quitar antes que la tabla).
    op.drop_table("entregas_firmas")
    op.drop_table("entregas_lineas")
    op.drop_table("entregas_pedidos")
    op.drop_table("entregas_dispositivos")
    op.drop_table("entregas_productos")
    op.drop_table("entregas_repartidores")
