"""M6 Cuponeras: contratos, facturas, cupones y sus facturas, pagos, beneficios, notificaciones,
historial de contratos, tokens de verificación del registro; y en `usuarios`, el cliente del SAC
de un usuario del portal y la verificación de su correo

Revisión: 0007
Anterior: 0006
Creada: 2026-11-29 08:00:00

Sobre una base con datos: las tablas son nuevas, `usuarios.usuario` solo se alarga (60 → 254, el
correo del portal) y las dos columnas nuevas de `usuarios` admiten vacío
(el personal existente queda sin cliente ni verificación, que solo usan los usuarios del portal);
la restricción `cliente_solo_portal` se cumple con todas las filas existentes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "beneficios",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codigo", sa.String(length=24), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("regla", sa.String(length=20), nullable=False),
        sa.Column("mes", sa.String(length=7), nullable=False),
        sa.Column("porcentaje", sa.SmallInteger(), nullable=False),
        sa.Column("tope", sa.BigInteger(), nullable=False),
        sa.Column("otorgado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("vence_en", sa.Date(), nullable=False),
        sa.Column("estado", sa.String(length=10), nullable=False),
        sa.Column("usado_en", models.base.InstanteUTC(), nullable=True),
        sa.CheckConstraint(
            "estado <> 'usado' OR usado_en IS NOT NULL", name=op.f("ck_beneficios_usado_con_fecha")
        ),
        sa.CheckConstraint(
            "estado IN ('disponible', 'usado', 'vencido')", name=op.f("ck_beneficios_estado_valido")
        ),
        sa.CheckConstraint(
            "regla IN ('pago_oportuno', 'cliente_fiel')", name=op.f("ck_beneficios_regla_valida")
        ),
        sa.CheckConstraint(
            "porcentaje > 0 AND porcentaje <= 100", name=op.f("ck_beneficios_porcentaje_en_rango")
        ),
        sa.CheckConstraint("tope > 0", name=op.f("ck_beneficios_tope_positivo")),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_beneficios_cliente_id_clientes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficios")),
        sa.UniqueConstraint(
            "cliente_id", "regla", "mes", name=op.f("uq_beneficios_cliente_id_regla_mes")
        ),
        sa.UniqueConstraint("codigo", name=op.f("uq_beneficios_codigo")),
    )
    with op.batch_alter_table("beneficios", schema=None) as batch_op:
        batch_op.create_index("ix_beneficios_estado_vence_en", ["estado", "vence_en"], unique=False)

    op.create_table(
        "contratos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("numero_contrato", sa.String(length=12), nullable=False),
        sa.Column("cliente_id", sa.Integer(), nullable=False),
        sa.Column("servicio", sa.String(length=10), nullable=False),
        sa.Column("direccion", sa.String(length=200), nullable=False),
        sa.Column("ciudad", sa.String(length=80), nullable=False),
        sa.Column("estado", sa.String(length=12), nullable=False),
        sa.Column("fecha_inicio", sa.Date(), nullable=False),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("actualizado_en", models.base.InstanteUTC(), nullable=False),
        sa.CheckConstraint(
            "estado IN ('activo', 'suspendido', 'retirado')",
            name=op.f("ck_contratos_estado_valido"),
        ),
        sa.CheckConstraint(
            "servicio IN ('energia', 'agua', 'gas', 'internet')",
            name=op.f("ck_contratos_servicio_valido"),
        ),
        sa.ForeignKeyConstraint(
            ["cliente_id"], ["clientes.id"], name=op.f("fk_contratos_cliente_id_clientes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contratos")),
        sa.UniqueConstraint("numero_contrato", name=op.f("uq_contratos_numero_contrato")),
    )
    with op.batch_alter_table("contratos", schema=None) as batch_op:
        batch_op.create_index("ix_contratos_cliente_id", ["cliente_id"], unique=False)

    op.create_table(
        "cupones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("numero", sa.String(length=13), nullable=False),
        sa.Column("contrato_id", sa.Integer(), nullable=False),
        sa.Column("subtotal", sa.BigInteger(), nullable=False),
        sa.Column("descuento", sa.BigInteger(), nullable=False),
        sa.Column("valor", sa.BigInteger(), nullable=False),
        sa.Column("beneficio_id", sa.Integer(), nullable=True),
        sa.Column("fecha_emision", sa.Date(), nullable=False),
        sa.Column("fecha_limite", sa.Date(), nullable=False),
        sa.Column("estado", sa.String(length=10), nullable=False),
        sa.Column("codigo_barras", sa.String(length=80), nullable=False),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("cerrado_en", models.base.InstanteUTC(), nullable=True),
        sa.CheckConstraint(
            "estado IN ('emitido', 'pagado', 'vencido', 'anulado')",
            name=op.f("ck_cupones_estado_valido"),
        ),
        sa.CheckConstraint(
            "beneficio_id IS NOT NULL OR descuento = 0",
            name=op.f("ck_cupones_descuento_con_beneficio"),
        ),
        sa.CheckConstraint(
            "descuento >= 0 AND descuento <= subtotal", name=op.f("ck_cupones_descuento_en_rango")
        ),
        sa.CheckConstraint(
            "fecha_limite >= fecha_emision", name=op.f("ck_cupones_limite_tras_emision")
        ),
        sa.CheckConstraint("subtotal > 0", name=op.f("ck_cupones_subtotal_positivo")),
        sa.CheckConstraint(
            "valor = subtotal - descuento", name=op.f("ck_cupones_valor_con_descuento")
        ),
        sa.ForeignKeyConstraint(
            ["beneficio_id"], ["beneficios.id"], name=op.f("fk_cupones_beneficio_id_beneficios")
        ),
        sa.ForeignKeyConstraint(
            ["contrato_id"], ["contratos.id"], name=op.f("fk_cupones_contrato_id_contratos")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cupones")),
        sa.UniqueConstraint("numero", name=op.f("uq_cupones_numero")),
    )
    with op.batch_alter_table("cupones", schema=None) as batch_op:
        batch_op.create_index("ix_cupones_beneficio_id", ["beneficio_id"], unique=False)
        batch_op.create_index(
            "ix_cupones_contrato_id_estado", ["contrato_id", "estado"], unique=False
        )
        batch_op.create_index(
            "ix_cupones_estado_fecha_limite", ["estado", "fecha_limite"], unique=False
        )

    op.create_table(
        "eventos_contrato",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contrato_id", sa.Integer(), nullable=False),
        sa.Column("tipo", sa.String(length=20), nullable=False),
        sa.Column("fecha", models.base.InstanteUTC(), nullable=False),
        sa.Column("descripcion", sa.String(length=300), nullable=False),
        sa.Column("referencia", sa.String(length=80), nullable=True),
        sa.Column("valor", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "tipo IN ('factura_emitida', 'factura_vencida', 'cupon_generado', 'cupon_anulado', 'cupon_vencido', 'pago', 'correo_enviado', 'beneficio_otorgado', 'beneficio_usado', 'beneficio_vencido')",
            name=op.f("ck_eventos_contrato_tipo_valido"),
        ),
        sa.ForeignKeyConstraint(
            ["contrato_id"],
            ["contratos.id"],
            name=op.f("fk_eventos_contrato_contrato_id_contratos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eventos_contrato")),
    )
    with op.batch_alter_table("eventos_contrato", schema=None) as batch_op:
        batch_op.create_index(
            "ix_eventos_contrato_contrato_id_fecha", ["contrato_id", "fecha"], unique=False
        )

    op.create_table(
        "facturas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("numero_factura", sa.String(length=30), nullable=False),
        sa.Column("contrato_id", sa.Integer(), nullable=False),
        sa.Column("periodo", sa.String(length=7), nullable=False),
        sa.Column("fecha_emision", sa.Date(), nullable=False),
        sa.Column("fecha_vencimiento", sa.Date(), nullable=False),
        sa.Column("valor", sa.BigInteger(), nullable=False),
        sa.Column("saldo", sa.BigInteger(), nullable=False),
        sa.Column("estado", sa.String(length=10), nullable=False),
        sa.Column("pagada_en", models.base.InstanteUTC(), nullable=True),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("actualizado_en", models.base.InstanteUTC(), nullable=False),
        sa.CheckConstraint(
            "estado <> 'pagada' OR (saldo = 0 AND pagada_en IS NOT NULL)",
            name=op.f("ck_facturas_pagada_sin_saldo"),
        ),
        sa.CheckConstraint(
            "estado IN ('pendiente', 'pagada', 'vencida', 'anulada')",
            name=op.f("ck_facturas_estado_valido"),
        ),
        sa.CheckConstraint(
            "fecha_vencimiento >= fecha_emision", name=op.f("ck_facturas_vence_tras_emision")
        ),
        sa.CheckConstraint(
            "saldo >= 0 AND saldo <= valor", name=op.f("ck_facturas_saldo_en_rango")
        ),
        sa.CheckConstraint("valor > 0", name=op.f("ck_facturas_valor_positivo")),
        sa.ForeignKeyConstraint(
            ["contrato_id"], ["contratos.id"], name=op.f("fk_facturas_contrato_id_contratos")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facturas")),
        sa.UniqueConstraint("contrato_id", "periodo", name=op.f("uq_facturas_contrato_id_periodo")),
        sa.UniqueConstraint("numero_factura", name=op.f("uq_facturas_numero_factura")),
    )
    with op.batch_alter_table("facturas", schema=None) as batch_op:
        batch_op.create_index(
            "ix_facturas_estado_fecha_vencimiento", ["estado", "fecha_vencimiento"], unique=False
        )
        batch_op.create_index("ix_facturas_fecha_vencimiento", ["fecha_vencimiento"], unique=False)

    op.create_table(
        "notificaciones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("usuario_id", sa.Integer(), nullable=False),
        sa.Column("tipo", sa.String(length=30), nullable=False),
        sa.Column("mensaje", sa.String(length=300), nullable=False),
        sa.Column("referencia", sa.String(length=80), nullable=True),
        sa.Column("creada_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("leida_en", models.base.InstanteUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["usuario_id"],
            ["usuarios.id"],
            name=op.f("fk_notificaciones_usuario_id_usuarios"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notificaciones")),
    )
    with op.batch_alter_table("notificaciones", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notificaciones_tipo_referencia", ["tipo", "referencia"], unique=False
        )
        batch_op.create_index(
            "ix_notificaciones_usuario_id_creada_en", ["usuario_id", "creada_en"], unique=False
        )

    op.create_table(
        "verificaciones_registro",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("usuario_id", sa.Integer(), nullable=False),
        sa.Column("creado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("vence_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("usado_en", models.base.InstanteUTC(), nullable=True),
        sa.ForeignKeyConstraint(
            ["usuario_id"],
            ["usuarios.id"],
            name=op.f("fk_verificaciones_registro_usuario_id_usuarios"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verificaciones_registro")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_verificaciones_registro_token_hash")),
    )
    with op.batch_alter_table("verificaciones_registro", schema=None) as batch_op:
        batch_op.create_index("ix_verificaciones_registro_usuario_id", ["usuario_id"], unique=False)

    op.create_table(
        "cupon_facturas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cupon_id", sa.Integer(), nullable=False),
        sa.Column("factura_id", sa.Integer(), nullable=False),
        sa.Column("orden", sa.Integer(), nullable=False),
        sa.Column("saldo", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("saldo > 0", name=op.f("ck_cupon_facturas_saldo_positivo")),
        sa.ForeignKeyConstraint(
            ["cupon_id"],
            ["cupones.id"],
            name=op.f("fk_cupon_facturas_cupon_id_cupones"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["factura_id"], ["facturas.id"], name=op.f("fk_cupon_facturas_factura_id_facturas")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cupon_facturas")),
        sa.UniqueConstraint(
            "cupon_id", "factura_id", name=op.f("uq_cupon_facturas_cupon_id_factura_id")
        ),
    )
    with op.batch_alter_table("cupon_facturas", schema=None) as batch_op:
        batch_op.create_index("ix_cupon_facturas_factura_id", ["factura_id"], unique=False)

    op.create_table(
        "pagos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cupon_id", sa.Integer(), nullable=False),
        sa.Column("valor", sa.BigInteger(), nullable=False),
        sa.Column("canal", sa.String(length=15), nullable=False),
        sa.Column("referencia", sa.String(length=64), nullable=False),
        sa.Column("pagado_en", models.base.InstanteUTC(), nullable=False),
        sa.Column("registrado_por_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "canal IN ('banco', 'portal', 'corresponsal')", name=op.f("ck_pagos_canal_valido")
        ),
        sa.CheckConstraint("valor >= 0", name=op.f("ck_pagos_valor_no_negativo")),
        sa.ForeignKeyConstraint(
            ["cupon_id"], ["cupones.id"], name=op.f("fk_pagos_cupon_id_cupones")
        ),
        sa.ForeignKeyConstraint(
            ["registrado_por_id"], ["usuarios.id"], name=op.f("fk_pagos_registrado_por_id_usuarios")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pagos")),
        sa.UniqueConstraint("canal", "referencia", name=op.f("uq_pagos_canal_referencia")),
        sa.UniqueConstraint("cupon_id", name=op.f("uq_pagos_cupon_id")),
    )
    with op.batch_alter_table("pagos", schema=None) as batch_op:
        batch_op.create_index("ix_pagos_pagado_en", ["pagado_en"], unique=False)

    with op.batch_alter_table("usuarios", schema=None) as batch_op:
        # El login de un usuario del portal es su correo (hasta 254 caracteres). Solo se alarga:
        # ningún dato existente cambia (SQL Server lo admite aunque la columna tenga su UNIQUE).
        batch_op.alter_column(
            "usuario",
            existing_type=sa.String(length=60),
            type_=sa.String(length=254),
            existing_nullable=False,
        )
        batch_op.add_column(sa.Column("cliente_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("correo_verificado_en", models.base.InstanteUTC(), nullable=True)
        )
        batch_op.create_index("ix_usuarios_cliente_id", ["cliente_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_usuarios_cliente_id_clientes"), "clientes", ["cliente_id"], ["id"]
        )
        batch_op.create_check_constraint(
            op.f("ck_usuarios_cliente_solo_portal"), "cliente_id IS NULL OR rol = 'cliente'"
        )


def downgrade() -> None:
    with op.batch_alter_table("usuarios", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_usuarios_cliente_solo_portal"), type_="check")
        batch_op.drop_constraint(op.f("fk_usuarios_cliente_id_clientes"), type_="foreignkey")
        batch_op.drop_index("ix_usuarios_cliente_id")
        batch_op.drop_column("correo_verificado_en")
        batch_op.drop_column("cliente_id")
        # Un usuario del portal con un correo de más de 60 caracteres impide bajar (no se recorta).
        batch_op.alter_column(
            "usuario",
            existing_type=sa.String(length=254),
            type_=sa.String(length=60),
            existing_nullable=False,
        )
    # Cada tabla con sus índices (MariaDB no deja borrar antes el índice de una llave foránea), de
    # las que dependen a las referidas.
    for tabla in (
        "pagos",
        "cupon_facturas",
        "verificaciones_registro",
        "notificaciones",
        "facturas",
        "eventos_contrato",
        "cupones",
        "contratos",
        "beneficios",
    ):
        op.drop_table(tabla)
