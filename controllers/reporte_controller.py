"""Reporte mensual de fidelización: validación del periodo y del umbral, archivo y vista previa."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from controllers.auditoria_controller import ContextoAuditoria, Registro, auditar, registrar_en
from controllers.paginacion import paginar
from errores import DatosInvalidos, NoEncontrado
from models import ReporteHistorial, Usuario
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
    historial_id: int = 0
    destinatarios: int = 0


@dataclass(frozen=True)
class ArchivoHistorial:
    nombre: str
    tipo_mime: str
    contenido: bytes
    filas: int


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


def _libro(
    filas: list[reporte_service.FilaFidelizacion],
    elegido: Mes,
    valor_umbral: Decimal,
    generado_por: str,
) -> bytes:
    salida = io.BytesIO()
    reporte_service.escribir_excel(filas, elegido, valor_umbral, generado_por, ahora_utc(), salida)
    return salida.getvalue()


def _guardar_historial(
    sesion: Session,
    elegido: Mes,
    valor_umbral: Decimal,
    filas: list[reporte_service.FilaFidelizacion],
    contenido: bytes,
    generado_por: str,
    origen: str,
) -> int:
    """Una fila del historial con el archivo exacto y su SHA-256, en la transacción de `sesion`."""
    fila = ReporteHistorial(
        mes=str(elegido),
        umbral=valor_umbral,
        filas=len(filas),
        total=sum((f.monto_total for f in filas), Decimal("0.00")),
        sha256=hashlib.sha256(contenido).hexdigest(),
        generado_por=generado_por[:120],
        generado_en=ahora_utc(),
        origen=origen,
        nombre=nombre_archivo(elegido),
        tipo_mime=TIPO_MIME_XLSX,
        contenido=contenido,
    )
    sesion.add(fila)
    sesion.flush()
    return fila.id


def generar(
    gateway: BaseDatosClient,
    mes: str | None,
    umbral: Any,
    umbral_por_defecto: Decimal,
    generado_por: str,
    contexto: ContextoAuditoria,
    origen: str = "api",
) -> ReporteGenerado:
    """El libro Excel del reporte del mes, guardado en el historial y registrado en la auditoría
    (los tres en una transacción)."""
    with auditar(gateway, contexto, "reporte_fidelizacion", mes=mes, umbral=umbral) as registro:
        elegido, valor_umbral, filas = _consultar(
            gateway, registro, mes, umbral, umbral_por_defecto
        )
        contenido = _libro(filas, elegido, valor_umbral, generado_por)
        with gateway.session_scope() as sesion:
            historial_id = _guardar_historial(
                sesion, elegido, valor_umbral, filas, contenido, generado_por, origen
            )
            registro.parametros.update(origen=origen, historial_id=historial_id)
            registrar_en(sesion.connection(), contexto, registro)
        return ReporteGenerado(
            nombre_archivo(elegido), TIPO_MIME_XLSX, contenido, len(filas), historial_id
        )


def supervisores_con_correo(sesion: Session) -> list[str]:
    """Los correos de los supervisores activos que tienen uno (los administradores no)."""
    consulta = (
        select(Usuario.correo)
        .where(
            Usuario.rol == "supervisor",
            Usuario.activo.is_(True),
            Usuario.correo.is_not(None),
            Usuario.correo != "",
        )
        .order_by(Usuario.id)
    )
    return [correo for correo in sesion.scalars(consulta).all() if correo]


def enviar(
    gateway: BaseDatosClient,
    mes: str | None,
    umbral: Any,
    umbral_por_defecto: Decimal,
    generado_por: str,
    contexto: ContextoAuditoria,
    omitir_si_vacio: bool = False,
) -> ReporteGenerado | None:
    """Genera el reporte (origen `programado`) y lo encola por correo, con el libro adjunto, a cada
    supervisor activo con correo; historial, correos y auditoría en una transacción. Con
    `omitir_si_vacio` y ningún cliente que califique no envía ni guarda nada (devuelve None)."""
    with auditar(
        gateway, contexto, "reporte_fidelizacion_envio", mes=mes, umbral=umbral
    ) as registro:
        elegido, valor_umbral, filas = _consultar(
            gateway, registro, mes, umbral, umbral_por_defecto
        )
        if omitir_si_vacio and not filas:
            registro.parametros["omitido"] = "sin clientes que califiquen"
            return None
        contenido = _libro(filas, elegido, valor_umbral, generado_por)
        nombre = nombre_archivo(elegido)
        with gateway.session_scope() as sesion:
            historial_id = _guardar_historial(
                sesion, elegido, valor_umbral, filas, contenido, generado_por, "programado"
            )
            destinatarios = supervisores_con_correo(sesion)
            adjunto = correo_controller.Adjunto(nombre, TIPO_MIME_XLSX, contenido)
            for destinatario in destinatarios:
                correo_controller.encolar(
                    sesion,
                    destinatario,
                    f"Reporte de fidelización {elegido}",
                    f"Adjunto el reporte de fidelización de {elegido} (umbral {valor_umbral} COP): "
                    f"{len(filas)} cliente(s) califican.\n\nSAC Ríos del Desierto",
                    [adjunto],
                    referencia=f"reporte:{historial_id}",
                )
            registro.parametros.update(
                origen="programado", historial_id=historial_id, destinatarios=len(destinatarios)
            )
            registrar_en(sesion.connection(), contexto, registro)
        return ReporteGenerado(
            nombre, TIPO_MIME_XLSX, contenido, len(filas), historial_id, len(destinatarios)
        )


def _item_historial(fila: Any) -> dict[str, Any]:
    reporte: ReporteHistorial = fila[0]
    return {
        "id": reporte.id,
        "mes": reporte.mes,
        "umbral": reporte.umbral,
        "filas": reporte.filas,
        "total": reporte.total,
        "sha256": reporte.sha256,
        "generado_por": reporte.generado_por,
        "generado_en": reporte.generado_en,
        "origen": reporte.origen,
    }


def historial(gateway: BaseDatosClient, pagina: int, por_pagina: int) -> dict[str, Any]:
    """Los reportes generados, los más nuevos primero (sin el archivo)."""
    consulta = select(ReporteHistorial).order_by(
        ReporteHistorial.generado_en.desc(), ReporteHistorial.id.desc()
    )
    with gateway.session_scope() as sesion:
        return paginar(sesion, consulta, pagina, por_pagina, _item_historial)


def archivo_historial(gateway: BaseDatosClient, historial_id: int) -> ArchivoHistorial:
    """El archivo exacto de un reporte del historial (mismo SHA-256)."""
    with gateway.session_scope() as sesion:
        reporte = sesion.get(ReporteHistorial, historial_id)
        if reporte is None:
            raise NoEncontrado("No existe ese reporte en el historial.")
        return ArchivoHistorial(reporte.nombre, reporte.tipo_mime, reporte.contenido, reporte.filas)


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
