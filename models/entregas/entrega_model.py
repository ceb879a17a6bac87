"""Modelo de M8 Entregas (seed 002, Cargo Express).

Los precios de los productos están en la moneda del propio seed, no en COP: se guardan como
decimal exacto (`Dinero`, dos decimales) pero nunca se suman con montos de otros módulos.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Dinero, FechaHoraPrecisa, InstanteUTC, ahora_utc


class InstantePreciso(InstanteUTC):
    """Instante UTC con microsegundos también en MariaDB/MySQL (`FechaHoraPrecisa`; su DATETIME
    por defecto los trunca): la latencia de registro se mide en milisegundos."""

    impl = FechaHoraPrecisa
    cache_ok = True


class Repartidor(Base):
    __tablename__ = "entregas_repartidores"
    # Datos de referencia cargados por la migración 0006 (las pruebas no los borran).
    __table_args__ = {"info": {"referencia": True}}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    nombre: Mapped[str] = mapped_column(String(80))
    activo: Mapped[bool] = mapped_column(Boolean, default=True)


class ProductoEntrega(Base):
    __tablename__ = "entregas_productos"
    __table_args__ = (
        CheckConstraint("precio >= 0", name="precio_no_negativo"),
        {"info": {"referencia": True}},
    )

    id: Mapped[str] = mapped_column(String(10), primary_key=True)
    nombre: Mapped[str] = mapped_column(String(80))
    # En la moneda del seed 002 (no COP).
    precio: Mapped[Decimal] = mapped_column(Dinero())


class Dispositivo(Base):
    """Un equipo autorizado a registrar entregas. La clave nunca se guarda en claro: su SHA-256
    (para reconocerla) y, solo si firma, cifrada con una llave derivada de SECRET_KEY."""

    __tablename__ = "entregas_dispositivos"

    id: Mapped[int] = mapped_column(primary_key=True)
    nombre: Mapped[str] = mapped_column(String(60), unique=True)
    clave_hash: Mapped[str] = mapped_column(String(64), unique=True)
    clave_cifrada: Mapped[str | None] = mapped_column(Text)
    firmar: Mapped[bool] = mapped_column(Boolean, default=False)
    # El dispositivo de demostración (clave pública en el README) no sirve en producción.
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    revocado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())


class Pedido(Base):
    """Un pedido entregado. `id` crece con cada registro: es el id de los eventos del monitor."""

    __tablename__ = "entregas_pedidos"
    __table_args__ = (
        CheckConstraint("unidades > 0", name="unidades_positivas"),
        CheckConstraint("total >= 0", name="total_no_negativo"),
        Index("ix_entregas_pedidos_entregado_en", "entregado_en"),
        Index("ix_entregas_pedidos_registrado_en", "registrado_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pedido_id: Mapped[str] = mapped_column(String(64), unique=True)
    repartidor_id: Mapped[int] = mapped_column(ForeignKey("entregas_repartidores.id"))
    dispositivo_id: Mapped[int | None] = mapped_column(
        ForeignKey("entregas_dispositivos.id", ondelete="SET NULL")
    )
    unidades: Mapped[int]
    total: Mapped[Decimal] = mapped_column(Dinero())
    # SHA-256 del contenido canónico: un reintento idéntico es un duplicado; otro contenido, 409.
    huella: Mapped[str] = mapped_column(String(64))
    entregado_en: Mapped[datetime] = mapped_column(InstantePreciso())
    registrado_en: Mapped[datetime] = mapped_column(InstantePreciso(), default=ahora_utc)

    lineas: Mapped[list[LineaPedido]] = relationship(
        lazy="selectin", order_by="LineaPedido.producto_id", cascade="all, delete-orphan"
    )


class LineaPedido(Base):
    """Un producto del pedido; `cantidad` es cuántas veces venía repetido en `productos`."""

    __tablename__ = "entregas_lineas"
    __table_args__ = (
        UniqueConstraint("pedido_id", "producto_id"),
        CheckConstraint("cantidad > 0", name="cantidad_positiva"),
        CheckConstraint("precio >= 0", name="precio_no_negativo"),
        Index("ix_entregas_lineas_producto_id", "producto_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pedido_id: Mapped[int] = mapped_column(ForeignKey("entregas_pedidos.id", ondelete="CASCADE"))
    producto_id: Mapped[str] = mapped_column(ForeignKey("entregas_productos.id"))
    cantidad: Mapped[int]
    precio: Mapped[Decimal] = mapped_column(Dinero())


class FirmaUsada(Base):
    """Firmas `(t, v1)` ya aceptadas, para rechazar su repetición dentro de la ventana."""

    __tablename__ = "entregas_firmas"
    __table_args__ = (
        UniqueConstraint("dispositivo_id", "t", "v1"),
        Index("ix_entregas_firmas_t", "t"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispositivo_id: Mapped[int] = mapped_column(
        ForeignKey("entregas_dispositivos.id", ondelete="CASCADE")
    )
    t: Mapped[int] = mapped_column(BigInteger)
    v1: Mapped[str] = mapped_column(String(64))
