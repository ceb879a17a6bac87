"""Calendario de Bogotá (UTC−5, sin horario de verano) e instantes guardados en UTC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

ZONA_BOGOTA = ZoneInfo("America/Bogota")
_PATRON_MES = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Mes:
    """Un mes calendario de Bogotá."""

    anio: int
    mes: int

    @classmethod
    def desde_texto(cls, texto: str) -> Mes:
        """Interpreta `YYYY-MM`; lanza ValueError con un mensaje en español si no es válido."""
        coincidencia = _PATRON_MES.match(texto.strip())
        if not coincidencia:
            raise ValueError("El mes debe tener el formato AAAA-MM, por ejemplo 2026-10.")
        anio, mes = int(coincidencia.group(1)), int(coincidencia.group(2))
        if not 1 <= mes <= 12:
            raise ValueError("El mes debe estar entre 01 y 12.")
        if anio < 2000:
            raise ValueError("El año del mes debe ser 2000 o posterior.")
        return cls(anio, mes)

    @classmethod
    def de_fecha(cls, dia: date) -> Mes:
        return cls(dia.year, dia.month)

    def anterior(self) -> Mes:
        return Mes(self.anio - 1, 12) if self.mes == 1 else Mes(self.anio, self.mes - 1)

    def siguiente(self) -> Mes:
        return Mes(self.anio + 1, 1) if self.mes == 12 else Mes(self.anio, self.mes + 1)

    def inicio_utc(self) -> datetime:
        """Primer instante del mes en Bogotá, expresado en UTC."""
        local = datetime.combine(date(self.anio, self.mes, 1), time.min, tzinfo=ZONA_BOGOTA)
        return local.astimezone(UTC)

    def rango_utc(self) -> tuple[datetime, datetime]:
        """[inicio, fin) del mes en UTC, para filtrar `fecha >= inicio AND fecha < fin`."""
        return self.inicio_utc(), self.siguiente().inicio_utc()

    def __str__(self) -> str:
        return f"{self.anio:04d}-{self.mes:02d}"

    def nombre_largo(self) -> str:
        return f"{NOMBRES_MESES[self.mes - 1]} de {self.anio}"


NOMBRES_MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def ahora_utc() -> datetime:
    return datetime.now(UTC)


def hoy_bogota(instante: datetime | None = None) -> date:
    """El día calendario de Bogotá en el instante dado (por defecto, ahora)."""
    return (instante or ahora_utc()).astimezone(ZONA_BOGOTA).date()


def mes_actual(instante: datetime | None = None) -> Mes:
    return Mes.de_fecha(hoy_bogota(instante))


def inicio_dia_utc(dia: date) -> datetime:
    """Medianoche de Bogotá de ese día, en UTC."""
    return datetime.combine(dia, time.min, tzinfo=ZONA_BOGOTA).astimezone(UTC)


def a_bogota(instante: datetime) -> datetime:
    return instante.astimezone(ZONA_BOGOTA)


def interpretar_instante(texto: str) -> datetime:
    """ISO 8601; sin desfase se entiende hora local de Bogotá. Devuelve el instante en UTC."""
    valor = datetime.fromisoformat(texto.strip().replace(" ", "T", 1))
    if valor.tzinfo is None:
        valor = valor.replace(tzinfo=ZONA_BOGOTA)
    return valor.astimezone(UTC)
