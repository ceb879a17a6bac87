"""Bandeja de salida de correos: todo correo se escribe aquí, en la misma transacción que lo causa,
y un despachador lo envía después (con reintentos): una caída del SMTP no pierde ningún correo."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, InstanteUTC, ahora_utc

ESTADOS_CORREO = ("pendiente", "enviado", "fallido")


class Correo(Base):
    __tablename__ = "correos"
    __table_args__ = (
        CheckConstraint("estado IN ('pendiente', 'enviado', 'fallido')", name="estado_valido"),
        CheckConstraint("intentos >= 0", name="intentos_no_negativos"),
        # El despachador toma los pendientes cuyo próximo intento ya llegó.
        Index("ix_correos_estado_proximo_intento_en", "estado", "proximo_intento_en"),
        # La bandeja del administrador: por destinatario, los más recientes primero.
        Index("ix_correos_destinatario_creado_en", "destinatario", "creado_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    destinatario: Mapped[str] = mapped_column(String(254))
    asunto: Mapped[str] = mapped_column(String(200))
    cuerpo: Mapped[str] = mapped_column(Text)
    # Qué lo originó (p. ej. `factura:FE-2026-0001`), para la historia y la bandeja.
    referencia: Mapped[str | None] = mapped_column(String(80))
    estado: Mapped[str] = mapped_column(String(10), default="pendiente")
    intentos: Mapped[int] = mapped_column(default=0)
    ultimo_error: Mapped[str | None] = mapped_column(String(300))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    proximo_intento_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    enviado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())

    adjuntos: Mapped[list[AdjuntoCorreo]] = relationship(
        lazy="selectin", order_by="AdjuntoCorreo.id", cascade="all, delete-orphan"
    )


class AdjuntoCorreo(Base):
    __tablename__ = "correo_adjuntos"
    __table_args__ = (Index("ix_correo_adjuntos_correo_id", "correo_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    correo_id: Mapped[int] = mapped_column(ForeignKey("correos.id", ondelete="CASCADE"))
    nombre: Mapped[str] = mapped_column(String(120))
    tipo_mime: Mapped[str] = mapped_column(String(80))
    contenido: Mapped[bytes] = mapped_column(LargeBinary)
