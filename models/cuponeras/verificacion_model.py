"""Tokens de verificación del registro en el portal (M6): de un solo uso y con vencimiento.

Solo se guarda el SHA-256 del token (el enlace del correo lleva el token en claro)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc


class VerificacionRegistro(Base):
    __tablename__ = "verificaciones_registro"
    __table_args__ = (Index("ix_verificaciones_registro_usuario_id", "usuario_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 en hexadecimal del token (el UNIQUE es el índice de la verificación).
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    usuario_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    vence_en: Mapped[datetime] = mapped_column(InstanteUTC())
    # Vacío = aún sin usar (un solo uso).
    usado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
