"""Portafolios por tipo de establecimiento, con vigencia desde una fecha, y sus líneas de productos."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Dinero, InstanteUTC, ahora_utc


class Portafolio(Base):
    __tablename__ = "portafolios"
    __table_args__ = (
        # El vigente a una fecha: activos del tipo con vigente_desde <= fecha, el más reciente.
        Index("ix_portafolios_tipo_id_activo_vigente_desde", "tipo_id", "activo", "vigente_desde"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nombre: Mapped[str] = mapped_column(String(120))
    tipo_id: Mapped[int] = mapped_column(ForeignKey("tipos_establecimiento.id"))
    # Día calendario de Bogotá desde el que rige (sin hora: no hay instante que convertir).
    vigente_desde: Mapped[date] = mapped_column(Date)
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    creado_por_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)


class LineaPortafolio(Base):
    __tablename__ = "lineas_portafolio"
    __table_args__ = (
        # Un producto aparece una sola vez por portafolio; el índice también trae sus líneas.
        UniqueConstraint("portafolio_id", "producto_id"),
        CheckConstraint("cantidad_minima >= 1", name="cantidad_minima_positiva"),
        CheckConstraint(
            "precio_sugerido IS NULL OR precio_sugerido > 0", name="precio_sugerido_positivo"
        ),
        # "¿Algún portafolio usa este producto?" antes de borrarlo (la FK además lo impide).
        Index("ix_lineas_portafolio_producto_id", "producto_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    portafolio_id: Mapped[int] = mapped_column(ForeignKey("portafolios.id"))
    producto_id: Mapped[int] = mapped_column(ForeignKey("productos.id"))
    cantidad_minima: Mapped[int] = mapped_column(Integer)
    obligatorio: Mapped[bool] = mapped_column(Boolean, default=False)
    precio_sugerido: Mapped[Decimal | None] = mapped_column(Dinero())
    # Orden en que se armó el portafolio: así se muestra la lista de chequeo.
    orden: Mapped[int] = mapped_column(Integer)
