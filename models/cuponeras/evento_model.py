"""Historial de un contrato (M6): un evento por cada cosa que le pasa."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc
from models.cuponeras.contrato_model import en_lista

TIPOS_EVENTO = (
    "factura_emitida",
    "factura_vencida",
    "cupon_generado",
    "cupon_anulado",
    "cupon_vencido",
    "pago",
    "correo_enviado",
    "beneficio_otorgado",
    "beneficio_usado",
    "beneficio_vencido",
)


class EventoContrato(Base):
    __tablename__ = "eventos_contrato"
    __table_args__ = (
        CheckConstraint(en_lista("tipo", TIPOS_EVENTO), name="tipo_valido"),
        # El historial del contrato, más nuevos primero.
        Index("ix_eventos_contrato_contrato_id_fecha", "contrato_id", "fecha"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contrato_id: Mapped[int] = mapped_column(ForeignKey("contratos.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(20))
    # El instante del evento.
    fecha: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    descripcion: Mapped[str] = mapped_column(String(300))
    # `factura:…`, `cupon:…`, `pago:…`, `beneficio:…`.
    referencia: Mapped[str | None] = mapped_column(String(80))
    # Pesos enteros, si el evento tiene un monto.
    valor: Mapped[int | None] = mapped_column(BigInteger)
