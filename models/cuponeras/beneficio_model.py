"""Beneficios (cupones de descuento) de un cliente (M6): se ganan por una regla en un mes, se
reservan a un cupón de pago y se usan al pagarlo, o vencen."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC
from models.cuponeras.contrato_model import en_lista

REGLAS_BENEFICIO = ("pago_oportuno", "cliente_fiel")
ESTADOS_BENEFICIO = ("disponible", "usado", "vencido")


class Beneficio(Base):
    __tablename__ = "beneficios"
    __table_args__ = (
        # `cupones beneficios --mes` es idempotente: uno por cliente, regla y mes evaluado.
        UniqueConstraint("cliente_id", "regla", "mes"),
        CheckConstraint(en_lista("regla", REGLAS_BENEFICIO), name="regla_valida"),
        CheckConstraint(en_lista("estado", ESTADOS_BENEFICIO), name="estado_valido"),
        CheckConstraint("porcentaje > 0 AND porcentaje <= 100", name="porcentaje_en_rango"),
        CheckConstraint("tope > 0", name="tope_positivo"),
        CheckConstraint("estado <> 'usado' OR usado_en IS NOT NULL", name="usado_con_fecha"),
        # `cupones vencer`: los disponibles cuyo plazo pasó.
        Index("ix_beneficios_estado_vence_en", "estado", "vence_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Impredecible (secrets), 10+ caracteres; el cliente lo escribe al generar un cupón.
    codigo: Mapped[str] = mapped_column(String(24), unique=True)
    cliente_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"))
    regla: Mapped[str] = mapped_column(String(20))
    # El mes evaluado (AAAA-MM).
    mes: Mapped[str] = mapped_column(String(7))
    # Puntos porcentuales (10 = 10 %) y tope en pesos enteros.
    porcentaje: Mapped[int] = mapped_column(SmallInteger)
    tope: Mapped[int] = mapped_column(BigInteger)
    otorgado_en: Mapped[datetime] = mapped_column(InstanteUTC())
    # Fecha de Bogotá de `otorgado_en` + 60 días: vale hasta ese día inclusive.
    vence_en: Mapped[date] = mapped_column(Date)
    estado: Mapped[str] = mapped_column(String(10), default="disponible")
    usado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    # El cupón que lo usa o lo tiene reservado es el cupón con `beneficio_id` = este id y estado
    # `emitido` (reserva) o `pagado` (usado): una sola columna, sin llaves foráneas en círculo.
