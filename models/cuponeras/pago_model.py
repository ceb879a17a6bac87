"""Pagos de cupones (M6): uno por cupón; la referencia del pagador es única por canal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC
from models.cuponeras.contrato_model import en_lista

CANALES_PAGO = ("banco", "portal", "corresponsal")


class Pago(Base):
    __tablename__ = "pagos"
    __table_args__ = (
        # Idempotencia: el mismo canal + referencia es el mismo pago.
        UniqueConstraint("canal", "referencia"),
        CheckConstraint(en_lista("canal", CANALES_PAGO), name="canal_valido"),
        CheckConstraint("valor >= 0", name="valor_no_negativo"),
        Index("ix_pagos_pagado_en", "pagado_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Un cupón se paga una sola vez (el UNIQUE es también su índice).
    cupon_id: Mapped[int] = mapped_column(ForeignKey("cupones.id"), unique=True)
    valor: Mapped[int] = mapped_column(BigInteger)
    canal: Mapped[str] = mapped_column(String(15))
    # El id de la transacción del pagador.
    referencia: Mapped[str] = mapped_column(String(64))
    pagado_en: Mapped[datetime] = mapped_column(InstanteUTC())
    # Quién lo registró (la cuenta de recaudo, un administrador o el titular en el portal).
    registrado_por_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
