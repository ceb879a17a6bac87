"""Notas de llamadas: nunca se borran; el autor puede corregirlas un rato y la versión previa queda."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc


class NotaCliente(Base):
    __tablename__ = "notas_cliente"
    __table_args__ = (
        # Las notas de un cliente, de la más nueva a la más antigua (lista y resumen).
        Index("ix_notas_cliente_cliente_id_creada_en", "cliente_id", "creada_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cliente_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"))
    usuario_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id"))
    texto: Mapped[str] = mapped_column(String(2000))
    motivo: Mapped[str | None] = mapped_column(String(300))
    creada_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    editada_en: Mapped[datetime | None] = mapped_column(InstanteUTC())


class VersionNota(Base):
    """El texto que tenía una nota antes de cada edición."""

    __tablename__ = "notas_cliente_versiones"
    __table_args__ = (Index("ix_notas_cliente_versiones_nota_id", "nota_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nota_id: Mapped[int] = mapped_column(ForeignKey("notas_cliente.id"))
    texto: Mapped[str] = mapped_column(String(2000))
    reemplazada_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
