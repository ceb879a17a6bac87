"""Tipos de establecimiento (tienda, minimercado…): cada uno tiene su portafolio; los carga una migración."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

# Los mismos que siembra la migración 0004; el código los usa para mensajes y la demostración.
TIPOS_ESTABLECIMIENTO = {
    "TIENDA": "Tienda de barrio",
    "MINIMERCADO": "Minimercado",
    "SUPERMERCADO": "Supermercado",
    "PANADERIA": "Panadería",
    "DROGUERIA": "Droguería",
}


class TipoEstablecimiento(Base):
    __tablename__ = "tipos_establecimiento"
    # Datos de referencia cargados por la migración (las pruebas no los borran entre casos).
    __table_args__ = {"info": {"referencia": True}}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True)
    # Único: la API y la importación nombran el tipo por su código.
    codigo: Mapped[str] = mapped_column(String(20), unique=True)
    nombre: Mapped[str] = mapped_column(String(60))
