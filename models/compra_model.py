"""Compras de un cliente: factura única, instante en UTC, total decimal no negativo."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Dinero, InstanteUTC

ESTADOS_COMPRA = ("pagada", "anulada", "devuelta")


class Compra(Base):
    __tablename__ = "compras"
    __table_args__ = (
        CheckConstraint("total >= 0", name="total_no_negativo"),
        CheckConstraint("estado IN ('pagada', 'anulada', 'devuelta')", name="estado_valido"),
        # Consulta del cliente: sus compras más recientes y los totales por mes.
        Index("ix_compras_cliente_fecha", "cliente_id", "fecha"),
        # Reporte de fidelización: rango de fechas de las pagadas, cubriendo lo que se agrega.
        Index("ix_compras_estado_fecha", "estado", "fecha", "cliente_id", "total"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cliente_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"))
    numero_factura: Mapped[str] = mapped_column(String(30), unique=True)
    fecha: Mapped[datetime] = mapped_column(InstanteUTC())
    total: Mapped[Decimal] = mapped_column(Dinero())
    estado: Mapped[str] = mapped_column(String(10), default="pagada")
    canal: Mapped[str | None] = mapped_column(String(20))
    tienda: Mapped[str | None] = mapped_column(String(80))
