"""Base declarativa y tipos propios: instantes en UTC y dinero decimal exacto."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import DateTime, MetaData, Numeric
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

CENTAVO = Decimal("0.01")

NOMBRES_RESTRICCIONES = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class FechaHoraPrecisa(DateTime):
    """Fecha y hora con microsegundos en todos los motores. El DATETIME de MariaDB/MySQL los trunca
    si no se pide la precisión: su cliente (`clients/servidor_client.py`) lo compila como
    DATETIME(6); en los demás motores es el DateTime de siempre."""


class InstanteUTC(TypeDecorator[datetime]):
    """Guarda instantes como UTC sin zona (SQLite no guarda desfase) y los devuelve con zona UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Los instantes deben llevar zona horaria para guardarse en UTC.")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        resultado: datetime = value.replace(tzinfo=UTC)
        return resultado


class Dinero(TypeDecorator[Decimal]):
    """Pesos COP como decimal exacto con dos decimales; redondea lo que devuelve la base."""

    impl = Numeric(16, 2)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        valor = Decimal(str(value)).quantize(CENTAVO, rounding=ROUND_HALF_UP)
        # Una base sin decimal nativo recibe texto exacto, nunca un float.
        return valor if dialect.supports_native_decimal else str(valor)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).quantize(CENTAVO, rounding=ROUND_HALF_UP)


class Base(DeclarativeBase):
    """Base de todos los modelos, con nombres de restricciones estables entre motores."""

    metadata = MetaData(naming_convention=NOMBRES_RESTRICCIONES)


def ahora_utc() -> datetime:
    """Instante actual con zona UTC."""
    return datetime.now(UTC)
