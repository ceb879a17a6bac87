"""Facturas mensuales de un contrato (M6): valor y saldo en pesos enteros, fechas de Bogotá."""

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
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc
from models.cuponeras.contrato_model import en_lista

ESTADOS_FACTURA = ("pendiente", "pagada", "vencida", "anulada")


class Factura(Base):
    __tablename__ = "facturas"
    __table_args__ = (
        # Una factura por contrato y periodo; también el índice de «las facturas del contrato».
        UniqueConstraint("contrato_id", "periodo"),
        CheckConstraint(en_lista("estado", ESTADOS_FACTURA), name="estado_valido"),
        CheckConstraint("valor > 0", name="valor_positivo"),
        CheckConstraint("saldo >= 0 AND saldo <= valor", name="saldo_en_rango"),
        # Pagada = sin saldo y con el instante del pago.
        CheckConstraint(
            "estado <> 'pagada' OR (saldo = 0 AND pagada_en IS NOT NULL)", name="pagada_sin_saldo"
        ),
        CheckConstraint("fecha_vencimiento >= fecha_emision", name="vence_tras_emision"),
        # `cupones vencer` (pendientes cuyo vencimiento pasó) y `pago_oportuno` (vencidas en un
        # rango de fechas).
        Index("ix_facturas_estado_fecha_vencimiento", "estado", "fecha_vencimiento"),
        Index("ix_facturas_fecha_vencimiento", "fecha_vencimiento"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    numero_factura: Mapped[str] = mapped_column(String(30), unique=True)
    contrato_id: Mapped[int] = mapped_column(ForeignKey("contratos.id"))
    periodo: Mapped[str] = mapped_column(String(7))  # AAAA-MM
    fecha_emision: Mapped[date] = mapped_column(Date)
    fecha_vencimiento: Mapped[date] = mapped_column(Date)
    # Pesos COP enteros.
    valor: Mapped[int] = mapped_column(BigInteger)
    saldo: Mapped[int] = mapped_column(BigInteger)
    estado: Mapped[str] = mapped_column(String(10), default="pendiente")
    # El instante en que la pagó un cupón (`pago_oportuno` lo compara con el vencimiento).
    pagada_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
