"""Establecimientos que visitan los vendedores: tipo, NIT opcional, ubicación en Colombia y vendedor."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Numeric, String, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc

# Caja que contiene a Colombia (continente, San Andrés y Providencia, Leticia).
LATITUD_MINIMA, LATITUD_MAXIMA = Decimal("-4.3"), Decimal("13.5")
LONGITUD_MINIMA, LONGITUD_MAXIMA = Decimal("-82.0"), Decimal("-66.8")


class Establecimiento(Base):
    __tablename__ = "establecimientos"
    __table_args__ = (
        CheckConstraint("latitud >= -4.3 AND latitud <= 13.5", name="latitud_en_colombia"),
        CheckConstraint("longitud >= -82.0 AND longitud <= -66.8", name="longitud_en_colombia"),
        # Un punto a medias no sirve para el mapa ni para la ruta: ambas coordenadas o ninguna.
        CheckConstraint(
            "(latitud IS NULL AND longitud IS NULL) OR (latitud IS NOT NULL AND longitud IS NOT NULL)",
            name="coordenadas_completas",
        ),
        # Único entre los que tienen NIT (la importación actualiza por NIT). SQL Server cuenta los
        # NULL como repetidos en un UNIQUE: allí el índice se filtra a los que tienen NIT.
        Index(
            "uq_establecimientos_nit",
            "nit",
            unique=True,
            mssql_where=text("nit IS NOT NULL"),
        ),
        # La ruta del vendedor: sus establecimientos activos.
        Index("ix_establecimientos_vendedor_id_activo", "vendedor_id", "activo"),
        # Filtro por tipo y el portafolio vigente del tipo.
        Index("ix_establecimientos_tipo_id", "tipo_id"),
        # Filtro por ciudad y la clave de la importación sin NIT (nombre + ciudad + dirección).
        Index("ix_establecimientos_ciudad_nombre", "ciudad", "nombre"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nombre: Mapped[str] = mapped_column(String(120))
    nombre_busqueda: Mapped[str] = mapped_column(String(120))
    tipo_id: Mapped[int] = mapped_column(ForeignKey("tipos_establecimiento.id"))
    # Los 9 dígitos del NIT, sin dígito de verificación (como guarda el núcleo los NIT).
    nit: Mapped[str | None] = mapped_column(String(9))
    ciudad: Mapped[str] = mapped_column(String(80))
    departamento: Mapped[str] = mapped_column(String(60))
    direccion: Mapped[str] = mapped_column(String(200))
    telefono: Mapped[str | None] = mapped_column(String(20))
    # Seis decimales: ~11 cm, de sobra para ubicar una tienda.
    latitud: Mapped[Decimal | None] = mapped_column(Numeric(9, 6, asdecimal=True))
    longitud: Mapped[Decimal | None] = mapped_column(Numeric(9, 6, asdecimal=True))
    vendedor_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    creado_por_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
