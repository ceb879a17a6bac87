"""Cálculo puro de las métricas del monitor: ventanas, horas de Bogotá, razones y percentiles."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from services.tiempo_service import ZONA_BOGOTA

CENTAVO = Decimal("0.01")
HORA = timedelta(hours=1)


def razon(numerador: Decimal | int, denominador: Decimal | int) -> str:
    """numerador / denominador con 2 decimales redondeados half-up; "0.00" si no hay denominador."""
    if not denominador:
        return "0.00"
    valor = Decimal(numerador) / Decimal(denominador)
    return str(valor.quantize(CENTAVO, rounding=ROUND_HALF_UP))


def horas_de_ventana(desde: datetime, hasta: datetime) -> list[datetime]:
    """Cada hora de reloj de Bogotá que toca [desde, hasta), como inicio de hora en Bogotá."""
    inicio = desde.astimezone(ZONA_BOGOTA).replace(minute=0, second=0, microsecond=0)
    horas = []
    hora = inicio
    while hora < hasta:
        horas.append(hora)
        hora = hora + HORA
    return horas


def hora_de(instante: datetime) -> datetime:
    return instante.astimezone(ZONA_BOGOTA).replace(minute=0, second=0, microsecond=0)


def percentil(valores_ordenados: list[int], fraccion: float) -> int | None:
    """Percentil por rango más cercano (el valor en la posición ceil(p·n))."""
    if not valores_ordenados:
        return None
    posicion = max(1, math.ceil(fraccion * len(valores_ordenados)))
    return valores_ordenados[posicion - 1]
