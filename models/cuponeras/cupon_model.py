"""Cupones de pago (M6): número de 13 dígitos con dígito GS1, las facturas que cubre, valor con
el descuento del beneficio, fecha límite y la cadena del código de barras."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, InstanteUTC, ahora_utc
from models.cuponeras.contrato_model import en_lista
from models.cuponeras.factura_model import Factura

ESTADOS_CUPON = ("emitido", "pagado", "vencido", "anulado")


class Cupon(Base):
    __tablename__ = "cupones"
    __table_args__ = (
        CheckConstraint(en_lista("estado", ESTADOS_CUPON), name="estado_valido"),
        CheckConstraint("subtotal > 0", name="subtotal_positivo"),
        CheckConstraint("descuento >= 0 AND descuento <= subtotal", name="descuento_en_rango"),
        CheckConstraint("valor = subtotal - descuento", name="valor_con_descuento"),
        # Sin beneficio no hay descuento.
        CheckConstraint(
            "beneficio_id IS NOT NULL OR descuento = 0", name="descuento_con_beneficio"
        ),
        CheckConstraint("fecha_limite >= fecha_emision", name="limite_tras_emision"),
        # El cupón vivo de un contrato y sus cupones más recientes.
        Index("ix_cupones_contrato_id_estado", "contrato_id", "estado"),
        # `cupones vencer`: emitidos cuyo límite pasó.
        Index("ix_cupones_estado_fecha_limite", "estado", "fecha_limite"),
        # La reserva de un beneficio (¿otro cupón emitido lo tiene?).
        Index("ix_cupones_beneficio_id", "beneficio_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # 12 dígitos + dígito de control GS1 mod-10.
    numero: Mapped[str] = mapped_column(String(13), unique=True)
    contrato_id: Mapped[int] = mapped_column(ForeignKey("contratos.id"))
    # Pesos enteros: suma de los saldos cubiertos, descuento del beneficio y lo que se paga.
    subtotal: Mapped[int] = mapped_column(BigInteger)
    descuento: Mapped[int] = mapped_column(BigInteger, default=0)
    valor: Mapped[int] = mapped_column(BigInteger)
    beneficio_id: Mapped[int | None] = mapped_column(ForeignKey("beneficios.id"))
    fecha_emision: Mapped[date] = mapped_column(Date)
    fecha_limite: Mapped[date] = mapped_column(Date)
    estado: Mapped[str] = mapped_column(String(10), default="emitido")
    # `(415)<GLN>(8020)<número>(3900)<valor 10 dígitos>(96)<AAAAMMDD>`.
    codigo_barras: Mapped[str] = mapped_column(String(80))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    # Cuándo dejó de estar emitido (pagado, vencido o anulado).
    cerrado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())

    facturas: Mapped[list[CuponFactura]] = relationship(
        lazy="selectin", order_by="CuponFactura.orden", cascade="all, delete-orphan"
    )


class CuponFactura(Base):
    """Una factura que cubre un cupón, con el saldo que cubría al emitirlo."""

    __tablename__ = "cupon_facturas"
    __table_args__ = (
        UniqueConstraint("cupon_id", "factura_id"),
        CheckConstraint("saldo > 0", name="saldo_positivo"),
        # Los cupones que cubren una factura.
        Index("ix_cupon_facturas_factura_id", "factura_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cupon_id: Mapped[int] = mapped_column(ForeignKey("cupones.id", ondelete="CASCADE"))
    factura_id: Mapped[int] = mapped_column(ForeignKey("facturas.id"))
    # 1 = la más antigua.
    orden: Mapped[int]
    saldo: Mapped[int] = mapped_column(BigInteger)

    factura: Mapped[Factura] = relationship(lazy="joined")
