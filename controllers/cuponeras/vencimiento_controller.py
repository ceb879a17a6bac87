"""`cupones vencer`: cupones, facturas y beneficios cuyo plazo pasó, y los avisos «por vencer»
tres días antes de cada límite (una sola vez). Correrlo dos veces el mismo día no cambia nada."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.cuponeras import aviso_controller
from controllers.cuponeras.cupon_controller import cerrar_cupon
from errores import DatosInvalidos
from models.cuponeras import Beneficio, Contrato, Cupon, Factura
from services import tiempo_service
from services.cuponeras import cupon_service

DIAS_AVISO = 3


@dataclass
class ResumenVencimiento:
    fecha: date
    cupones: int = 0
    facturas: int = 0
    beneficios: int = 0
    avisos: int = 0


def fecha_de(texto: str | None) -> date:
    """`--fecha` (AAAA-MM-DD) o hoy en Bogotá."""
    if not texto:
        return tiempo_service.hoy_bogota()
    try:
        return date.fromisoformat(texto.strip())
    except ValueError as error:
        raise DatosInvalidos.de_campo(
            "fecha", "La fecha debe tener el formato AAAA-MM-DD, p. ej. 2026-11-30."
        ) from error


def _cliente(sesion: Session, contrato_id: int) -> tuple[int, str]:
    fila = sesion.execute(
        select(Contrato.cliente_id, Contrato.numero_contrato).where(Contrato.id == contrato_id)
    ).one()
    return int(fila[0]), str(fila[1])


def vencer(gateway: BaseDatosClient, hoy: date) -> ResumenVencimiento:
    """Todo en una transacción: si algo falla, no queda nada a medias y se puede repetir."""
    ahora = tiempo_service.ahora_utc()
    resumen = ResumenVencimiento(hoy)
    with gateway.session_scope() as sesion:
        for cupon in sesion.scalars(
            select(Cupon)
            .where(Cupon.estado == "emitido", Cupon.fecha_limite < hoy)
            .order_by(Cupon.id)
            .with_for_update()
        ).all():
            if not cerrar_cupon(
                sesion, cupon, "vencido", f"Cupón {cupon.numero} vencido sin pagar.", ahora
            ):
                continue  # se pagó o anuló mientras tanto
            cliente_id, numero = _cliente(sesion, cupon.contrato_id)
            aviso_controller.notificar(
                sesion, cliente_id, "cupon_vencido",
                f"Contrato {numero}: el cupón {cupon.numero} venció sin pagarse.",
                f"cupon:{cupon.numero}", ahora,
            )  # fmt: skip
            resumen.cupones += 1
        for factura in sesion.scalars(
            select(Factura)
            .where(Factura.estado == "pendiente", Factura.fecha_vencimiento < hoy)
            .order_by(Factura.id)
            .with_for_update()
        ).all():
            if not aviso_controller.transicion(
                sesion, Factura, factura.id, "pendiente", "vencida", actualizado_en=ahora
            ):
                continue  # se pagó mientras tanto
            referencia = f"factura:{factura.numero_factura}"
            texto = (
                f"Factura {factura.numero_factura} (periodo {factura.periodo}) vencida el "
                f"{factura.fecha_vencimiento:%Y-%m-%d} con saldo "
                f"{cupon_service.pesos_enteros(factura.saldo)}."
            )
            aviso_controller.evento(
                sesion, factura.contrato_id, "factura_vencida", texto, ahora, referencia,
                factura.saldo,
            )  # fmt: skip
            cliente_id, numero = _cliente(sesion, factura.contrato_id)
            aviso_controller.notificar(
                sesion, cliente_id, "factura_vencida", f"Contrato {numero}: {texto}", referencia,
                ahora,
            )  # fmt: skip
            resumen.facturas += 1
        reservados = select(Cupon.beneficio_id).where(
            Cupon.estado == "emitido", Cupon.beneficio_id.is_not(None)
        )
        for beneficio in sesion.scalars(
            select(Beneficio)
            .where(
                Beneficio.estado == "disponible",
                Beneficio.vence_en < hoy,
                Beneficio.id.not_in(reservados),
            )
            .order_by(Beneficio.id)
            .with_for_update()
        ).all():
            if not aviso_controller.transicion(
                sesion, Beneficio, beneficio.id, "disponible", "vencido"
            ):
                continue  # se usó mientras tanto
            referencia = f"beneficio:{beneficio.codigo}"
            texto = (
                f"Beneficio {beneficio.codigo} vencido el {beneficio.vence_en:%Y-%m-%d} sin usarse."
            )
            aviso_controller.evento_en_contratos_del_cliente(
                sesion, beneficio.cliente_id, "beneficio_vencido", texto, ahora, referencia
            )
            aviso_controller.notificar(
                sesion, beneficio.cliente_id, "beneficio_vencido", texto, referencia, ahora
            )
            resumen.beneficios += 1
        resumen.avisos = _por_vencer(sesion, hoy, ahora)
    return resumen


def _por_vencer(sesion: Session, hoy: date, ahora: datetime) -> int:
    """Un aviso por cupón, factura o beneficio cuyo límite llega en los próximos 3 días (hoy
    incluido): una sola vez por usuario y referencia, aunque el comando no haya corrido a diario."""
    hasta = hoy + timedelta(days=DIAS_AVISO)
    # (tipo, qué se avisa, su límite, su monto, sus condiciones, cómo se une al contrato)
    fuentes: list[tuple[str, Any, Any, Any, list[Any], Any]] = [
        ("cupon", Cupon.numero, Cupon.fecha_limite, Cupon.valor, [Cupon.estado == "emitido"],
         Contrato.id == Cupon.contrato_id),
        ("factura", Factura.numero_factura, Factura.fecha_vencimiento, Factura.saldo,
         [Factura.estado == "pendiente", Factura.saldo > 0], Contrato.id == Factura.contrato_id),
        ("beneficio", Beneficio.codigo, Beneficio.vence_en, Beneficio.tope,
         [Beneficio.estado == "disponible"], Contrato.cliente_id == Beneficio.cliente_id),
    ]  # fmt: skip
    avisos = 0
    for tipo, clave, limite, monto, condiciones, union in fuentes:
        filas = sesion.execute(
            select(clave, limite, monto, Contrato.cliente_id, func.min(Contrato.numero_contrato))
            .join(Contrato, union)
            .where(*condiciones, and_(limite >= hoy, limite <= hasta))
            .group_by(clave, limite, monto, Contrato.cliente_id)
        ).all()
        for numero, vence, valor, cliente_id, contrato in filas:
            que = {
                "cupon": f"Contrato {contrato}: el cupón {numero} por "
                f"{cupon_service.pesos_enteros(valor)}",
                "factura": f"Contrato {contrato}: la factura {numero} por "
                f"{cupon_service.pesos_enteros(valor)}",
                "beneficio": f"Su beneficio {numero}",
            }[tipo]
            avisos += aviso_controller.notificar(
                sesion, cliente_id, f"{tipo}_por_vencer", f"{que} vence el {vence:%Y-%m-%d}.",
                f"{tipo}:{numero}", ahora, una_sola_vez=True,
            )  # fmt: skip
    return avisos
