"""Reporte mensual de fidelización: validación del periodo y del umbral, archivo y vista previa."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, Registro, auditar
from errores import DatosInvalidos
from services import reporte_service
from services.tiempo_service import Mes, ahora_utc, mes_actual

TIPO_MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UMBRAL_MAXIMO = Decimal("1000000000000")


@dataclass(frozen=True)
class ReporteGenerado:
    nombre: str
    tipo_mime: str
    contenido: bytes
    cantidad_clientes: int


def periodo(mes: str | None) -> Mes:
    """El mes pedido (`YYYY-MM`) o, por defecto, el mes calendario anterior en Bogotá."""
    if mes is None or mes == "":
        return mes_actual().anterior()
    try:
        elegido = Mes.desde_texto(mes)
    except ValueError as error:
        raise DatosInvalidos.de_campo("mes", str(error)) from error
    if (elegido.anio, elegido.mes) > (mes_actual().anio, mes_actual().mes):
        raise DatosInvalidos.de_campo("mes", "El mes elegido aún no ha comenzado.")
    return elegido


def umbral_valido(umbral: Any, por_defecto: Decimal) -> Decimal:
    """Umbral en pesos (entero o con dos decimales como máximo), no negativo."""
    if umbral is None or umbral == "":
        return por_defecto
    try:
        valor = Decimal(str(umbral).strip())
    except InvalidOperation as error:
        raise DatosInvalidos.de_campo("umbral", "El umbral debe ser un número en pesos.") from error
    if not valor.is_finite() or valor < 0 or valor > UMBRAL_MAXIMO:
        raise DatosInvalidos.de_campo("umbral", "El umbral debe ser un número positivo en pesos.")
    if valor != valor.quantize(Decimal("0.01")):
        raise DatosInvalidos.de_campo("umbral", "El umbral admite como máximo dos decimales.")
    return valor.quantize(Decimal("0.01"))


def nombre_archivo(mes: Mes) -> str:
    return f"fidelizacion_{mes}.xlsx"


def _consultar(
    gateway: BaseDatosClient,
    registro: Registro,
    mes: str | None,
    umbral: Any,
    umbral_por_defecto: Decimal,
) -> tuple[Mes, Decimal, list[reporte_service.FilaFidelizacion]]:
    """Valida periodo y umbral, los anota en la auditoría y trae las filas del reporte."""
    elegido = periodo(mes)
    valor_umbral = umbral_valido(umbral, umbral_por_defecto)
    registro.parametros = {"mes": str(elegido), "umbral": str(valor_umbral)}
    with gateway.session_scope() as sesion:
        filas = reporte_service.consultar_fidelizacion(sesion, elegido, valor_umbral)
    return elegido, valor_umbral, filas


def generar(
    gateway: BaseDatosClient,
    mes: str | None,
    umbral: Any,
    umbral_por_defecto: Decimal,
    generado_por: str,
    contexto: ContextoAuditoria,
) -> ReporteGenerado:
    """El libro Excel del reporte del mes, registrado en la auditoría."""
    with auditar(gateway, contexto, "reporte_fidelizacion", mes=mes, umbral=umbral) as registro:
        elegido, valor_umbral, filas = _consultar(
            gateway, registro, mes, umbral, umbral_por_defecto
        )
        salida = io.BytesIO()
        reporte_service.escribir_excel(
            filas, elegido, valor_umbral, generado_por, ahora_utc(), salida
        )
        return ReporteGenerado(
            nombre_archivo(elegido), TIPO_MIME_XLSX, salida.getvalue(), len(filas)
        )


def resumen(
    gateway: BaseDatosClient,
    mes: str | None,
    umbral: Any,
    umbral_por_defecto: Decimal,
    contexto: ContextoAuditoria,
) -> dict[str, Any]:
    """Las mismas filas del reporte como datos, para la vista previa."""
    with auditar(gateway, contexto, "reporte_resumen", mes=mes, umbral=umbral) as registro:
        elegido, valor_umbral, filas = _consultar(
            gateway, registro, mes, umbral, umbral_por_defecto
        )
        return reporte_service.resumen(filas, elegido, valor_umbral)
