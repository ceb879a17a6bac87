"""Sesiones de inicio de sesión: los tokens de acceso y de refresco llevan su id (`sid`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc


class Sesion(Base):
    __tablename__ = "sesiones"
    __table_args__ = (
        Index("ix_sesiones_usuario_id", "usuario_id"),
        Index("ix_sesiones_familia_id", "familia_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    usuario_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id"))
    creada_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    expira_en: Mapped[datetime] = mapped_column(InstanteUTC())
    revocada_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    # La sesión del inicio de sesión y las que nacen al rotar su refresco forman una familia:
    # si un refresco ya rotado se vuelve a usar, se revoca la familia entera.
    familia_id: Mapped[str | None] = mapped_column(String(36))
