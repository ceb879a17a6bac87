"""Tipos de documento de identidad (CC, CE, NIT, PA, TI), cargados por una migración."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class TipoDocumento(Base):
    __tablename__ = "tipos_documento"
    # Datos de referencia cargados por una migración (las pruebas no los borran entre casos).
    __table_args__ = {"info": {"referencia": True}}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True)
    codigo: Mapped[str] = mapped_column(String(5), unique=True)
    nombre: Mapped[str] = mapped_column(String(60))
    descripcion: Mapped[str] = mapped_column(String(200), default="")
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
