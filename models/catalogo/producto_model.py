"""Productos del catálogo: SKU único, precio COP exacto e IVA colombiano (0, 5 o 19 %)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Dinero, InstanteUTC, ahora_utc

TARIFAS_IVA = (0, 5, 19)


class Producto(Base):
    __tablename__ = "productos"
    __table_args__ = (
        # El precio y el IVA se validan en la API; la base los defiende de cualquier otro camino.
        CheckConstraint("precio > 0", name="precio_positivo"),
        CheckConstraint("iva IN (0, 5, 19)", name="iva_valido"),
        # Lista filtrada por categoría, ordenada por código (pantalla Catálogo).
        Index("ix_productos_categoria_codigo", "categoria", "codigo"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # SKU en mayúsculas; único, y su índice sirve la búsqueda por prefijo de código.
    codigo: Mapped[str] = mapped_column(String(30), unique=True)
    nombre: Mapped[str] = mapped_column(String(120))
    # El nombre sin tildes y en minúsculas: la búsqueda ignora tildes y mayúsculas en todo motor
    # (las intercalaciones de SQLite, PostgreSQL y MariaDB no coinciden en eso).
    nombre_busqueda: Mapped[str] = mapped_column(String(120))
    categoria: Mapped[str] = mapped_column(String(60))
    marca: Mapped[str | None] = mapped_column(String(60))
    presentacion: Mapped[str | None] = mapped_column(String(40))
    precio: Mapped[Decimal] = mapped_column(Dinero())
    iva: Mapped[int] = mapped_column(SmallInteger)
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    creado_por_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
