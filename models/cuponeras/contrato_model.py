"""Contratos de servicio de un cliente del SAC (M6): el número que busca el agente o el portal."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, InstanteUTC, ahora_utc
from models.cliente_model import Cliente

SERVICIOS = ("energia", "agua", "gas", "internet")
ESTADOS_CONTRATO = ("activo", "suspendido", "retirado")


def en_lista(columna: str, valores: tuple[str, ...]) -> str:
    """Condición SQL `columna IN ('a', 'b')` para los CHECK de estados (la misma en cada motor)."""
    return f"{columna} IN (" + ", ".join(f"'{valor}'" for valor in valores) + ")"


class Contrato(Base):
    __tablename__ = "contratos"
    __table_args__ = (
        CheckConstraint(en_lista("servicio", SERVICIOS), name="servicio_valido"),
        CheckConstraint(en_lista("estado", ESTADOS_CONTRATO), name="estado_valido"),
        # Los contratos de un cliente (portal, beneficios, alcance del usuario del portal).
        Index("ix_contratos_cliente_id", "cliente_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # 6 a 12 dígitos (los valida el controlador), único: la búsqueda del agente y del portal (el
    # UNIQUE es su índice).
    numero_contrato: Mapped[str] = mapped_column(String(12), unique=True)
    # El titular: un cliente del núcleo del SAC.
    cliente_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"))
    servicio: Mapped[str] = mapped_column(String(10))
    direccion: Mapped[str] = mapped_column(String(200))
    ciudad: Mapped[str] = mapped_column(String(80))
    estado: Mapped[str] = mapped_column(String(12), default="activo")
    fecha_inicio: Mapped[date] = mapped_column(Date)
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)

    cliente: Mapped[Cliente] = relationship(lazy="joined")
