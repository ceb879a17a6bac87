"""El cliente de un vistazo (resumen), revelar un dato enmascarado con su motivo y los clientes
que el usuario abrió hace poco."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from controllers import cliente_controller, resumen_modulos
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from controllers.resumen_modulos import Aporte
from controllers.sac360 import calidad_controller, nota_controller
from errores import DatosInvalidos
from models import Auditoria, Cliente, TipoDocumento
from services import enmascarado_service, reporte_service
from services.tiempo_service import a_bogota, mes_actual

CENTAVO = Decimal("0.01")
MESES_RESUMEN = 6
NOTAS_RESUMEN = 5
RECIENTES = 10
# Los clientes recientes salen de las últimas aperturas auditadas del usuario (no de toda su historia).
APERTURAS_REVISADAS = 500
# Lo que cuenta como «abrir» un cliente: una consulta por documento exitosa o su resumen.
ACCIONES_APERTURA = ("consulta", "resumen")
MOTIVO_MINIMO, MOTIVO_MAXIMO = 10, 300


def _dinero(valor: Decimal) -> str:
    return str(valor.quantize(CENTAVO))


def _mes(total: reporte_service.TotalMes) -> dict[str, Any]:
    return {"mes": str(total.mes), "total": _dinero(total.total), "compras": total.compras}


def fidelizacion(conexion: Any, cliente_id: int, umbral: Decimal) -> dict[str, Any]:
    """Este mes y los 5 anteriores con la regla del reporte; el anterior decide si calificó."""
    meses = [mes_actual()]
    for _ in range(MESES_RESUMEN - 1):
        meses.insert(0, meses[0].anterior())
    totales = reporte_service.totales_pagados_por_mes(conexion, cliente_id, meses)
    actual, anterior = totales[-1], totales[-2]
    return {
        "umbral": _dinero(umbral),
        "mes_actual": _mes(actual),
        "mes_anterior": _mes(anterior),
        "califico_mes_anterior": anterior.total > umbral,
        "falta_mes_actual": _dinero(max(Decimal(0), umbral - actual.total)),
        "ultimos_6_meses": [_mes(total) for total in totales],
    }


def resumen(
    gateway: BaseDatosClient,
    cliente_id: int,
    contexto: ContextoAuditoria,
    umbral: Decimal,
    contacto_completo: bool,
    aportes_modulos: Mapping[str, Aporte] | None = None,
) -> dict[str, Any]:
    """Identidad, contacto (enmascarado según el rol), fidelización, notas, advertencias y módulos.

    Se audita como una consulta (`accion: "resumen"`): también cuenta como cliente abierto.
    """
    with auditar(gateway, contexto, "resumen") as registro:
        with gateway.connection_scope() as conexion:
            cliente = cliente_controller.datos_cliente(
                cliente_controller.cliente_por_id(conexion, cliente_id)
            )
            registro.cliente_id = cliente_id
            registro.tipo_documento = cliente["tipo_documento"]
            if not cliente["activo"]:
                # Un cliente fusionado responde su propia ficha y dice a quién pasó todo.
                sobreviviente = cliente_controller.sobreviviente_de(conexion, cliente_id)
                if sobreviviente is not None:
                    cliente["fusionado_con"] = sobreviviente
            contacto = {campo: cliente.pop(campo) for campo in enmascarado_service.CAMPOS_CONTACTO}
            datos = {
                "cliente": cliente,
                "contacto": {
                    **enmascarado_service.segun_permiso(contacto, contacto_completo),
                    "enmascarado": not contacto_completo,
                },
                "fidelizacion": fidelizacion(conexion, cliente_id, umbral),
                "notas": nota_controller.ultimas(conexion, cliente_id, NOTAS_RESUMEN),
                "advertencias": calidad_controller.advertencias_de(conexion, cliente_id),
                "modulos": resumen_modulos.aportes(conexion, cliente_id, aportes_modulos or {}),
            }
            registrar_en(conexion, contexto, registro)
        return datos


def exigir_motivo(limpio: str) -> None:
    """422 si el motivo (ya recortado) no tiene de `MOTIVO_MINIMO` a `MOTIVO_MAXIMO` caracteres."""
    if not MOTIVO_MINIMO <= len(limpio) <= MOTIVO_MAXIMO:
        raise DatosInvalidos.de_campo(
            "motivo", f"Explique el motivo en {MOTIVO_MINIMO} a {MOTIVO_MAXIMO} caracteres."
        )


def revelar(
    gateway: BaseDatosClient,
    cliente_id: int,
    campo: str,
    motivo: str,
    contexto: ContextoAuditoria,
) -> dict[str, Any]:
    """El dato completo; la auditoría guarda el campo y el motivo (`accion: "revelar"`)."""
    limpio = (motivo or "").strip()
    if campo not in enmascarado_service.CAMPOS_CONTACTO:
        raise DatosInvalidos.de_campo("campo", "El campo debe ser telefono, correo o direccion.")
    with auditar(gateway, contexto, "revelar", campo=campo, motivo=limpio) as registro:
        exigir_motivo(limpio)
        with gateway.connection_scope() as conexion:
            cliente = cliente_controller.cliente_por_id(conexion, cliente_id)
            registro.cliente_id = cliente_id
            registro.tipo_documento = cliente.tipo_documento
            registrar_en(conexion, contexto, registro)
        return {"campo": campo, "valor": getattr(cliente, campo)}


def recientes(gateway: BaseDatosClient, usuario_id: int) -> dict[str, Any]:
    """Los últimos `RECIENTES` clientes distintos que el usuario abrió, del más reciente."""
    aperturas = (
        select(Auditoria.id, Auditoria.cliente_id, Auditoria.fecha)
        .where(
            Auditoria.usuario_id == usuario_id,
            Auditoria.accion.in_(ACCIONES_APERTURA),
            Auditoria.resultado == "ok",
            Auditoria.cliente_id.is_not(None),
        )
        .order_by(Auditoria.fecha.desc(), Auditoria.id.desc())
        .limit(APERTURAS_REVISADAS)
        .subquery()
    )
    ultima = func.max(aperturas.c.id).label("ultima")
    por_cliente = (
        select(aperturas.c.cliente_id, ultima, func.max(aperturas.c.fecha).label("abierto_en"))
        .group_by(aperturas.c.cliente_id)
        .subquery()
    )
    consulta = (
        select(
            Cliente.id,
            TipoDocumento.codigo.label("tipo_documento"),
            Cliente.numero_documento,
            Cliente.nombre,
            Cliente.apellido,
            por_cliente.c.abierto_en,
        )
        .join(por_cliente, por_cliente.c.cliente_id == Cliente.id)
        .join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
        .order_by(por_cliente.c.abierto_en.desc(), por_cliente.c.ultima.desc())
        .limit(RECIENTES)
    )
    with gateway.connection_scope() as conexion:
        filas = conexion.execute(consulta).all()
    return {
        "items": [{**fila._asdict(), "abierto_en": a_bogota(fila.abierto_en)} for fila in filas]
    }
