"""Clientes: documento único por tipo y datos de contacto."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, InstanteUTC, ahora_utc
from models.tipo_documento_model import TipoDocumento


class Cliente(Base):
    __tablename__ = "clientes"
    __table_args__ = (
        # Única por tipo: también es el índice de la búsqueda por documento.
        UniqueConstraint("tipo_documento_id", "numero_documento"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tipo_documento_id: Mapped[int] = mapped_column(ForeignKey("tipos_documento.id"))
    numero_documento: Mapped[str] = mapped_column(String(20))
    nombre: Mapped[str] = mapped_column(String(150))
    apellido: Mapped[str] = mapped_column(String(150), default="")
    correo: Mapped[str | None] = mapped_column(String(254))
    telefono: Mapped[str | None] = mapped_column(String(20))
    ciudad: Mapped[str | None] = mapped_column(String(80))
    direccion: Mapped[str | None] = mapped_column(String(200))
    fecha_registro: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    activo: Mapped[bool] = mapped_column(Boolean, default=True)

    tipo_documento: Mapped[TipoDocumento] = relationship(lazy="joined")
