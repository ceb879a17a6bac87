"""Contratos y facturas: búsqueda del agente, los contratos del portal y las facturas de uno."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras.alcance_controller import cliente_del_portal, contrato_visible
from errores import DatosInvalidos, NoEncontrado
from models import Cliente
from models.cuponeras import ESTADOS_FACTURA, Contrato, Factura
from services.cuponeras import validacion_service
from services.tiempo_service import a_bogota

NO_EXISTE_FACTURA = "No existe una factura con ese número."


def titular_publico(cliente: Cliente) -> dict[str, Any]:
    return {
        "tipo_documento": cliente.tipo_documento.codigo,
        "numero_documento": cliente.numero_documento,
        "nombre": cliente.nombre,
        "apellido": cliente.apellido,
    }


def contrato_publico(sesion: Session, contrato: Contrato) -> dict[str, Any]:
    """El contrato con su titular y lo que debe (saldo de sus facturas pendientes y vencidas)."""
    deuda = sesion.execute(
        select(func.count(), func.coalesce(func.sum(Factura.saldo), 0)).where(
            Factura.contrato_id == contrato.id,
            Factura.estado.in_(("pendiente", "vencida")),
            Factura.saldo > 0,
        )
    ).one()
    return {
        "numero_contrato": contrato.numero_contrato,
        "servicio": contrato.servicio,
        "direccion": contrato.direccion,
        "ciudad": contrato.ciudad,
        "estado": contrato.estado,
        "fecha_inicio": contrato.fecha_inicio,
        "titular": titular_publico(contrato.cliente),
        "facturas_por_pagar": int(deuda[0]),
        "saldo_por_pagar": int(deuda[1]),
    }


def factura_publica(factura: Factura, numero_contrato: str) -> dict[str, Any]:
    return {
        "numero_factura": factura.numero_factura,
        "numero_contrato": numero_contrato,
        "periodo": factura.periodo,
        "fecha_emision": factura.fecha_emision,
        "fecha_vencimiento": factura.fecha_vencimiento,
        "valor": factura.valor,
        "saldo": factura.saldo,
        "estado": factura.estado,
        "pagada_en": a_bogota(factura.pagada_en) if factura.pagada_en else None,
    }


def buscar(gateway: BaseDatosClient, usuario: UsuarioActual, numero: str) -> dict[str, Any]:
    """El contrato por su número (6 a 12 dígitos), con su titular; 404 si no existe."""
    try:
        limpio = validacion_service.numero_contrato(numero)
    except ValueError as error:
        raise DatosInvalidos.de_campo("numero", str(error)) from error
    with gateway.session_scope() as sesion:
        return contrato_publico(sesion, contrato_visible(sesion, usuario, limpio))


def del_portal(gateway: BaseDatosClient, usuario: UsuarioActual) -> list[dict[str, Any]]:
    """Los contratos del cliente del usuario del portal, por número."""
    with gateway.session_scope() as sesion:
        cliente_id = cliente_del_portal(sesion, usuario)
        consulta = select(Contrato).order_by(Contrato.numero_contrato)
        if cliente_id is not None:
            consulta = consulta.where(Contrato.cliente_id == cliente_id)
        else:  # el personal no tiene «sus» contratos
            return []
        return [contrato_publico(sesion, c) for c in sesion.scalars(consulta).all()]


def facturas(
    gateway: BaseDatosClient, usuario: UsuarioActual, numero: str, estado: str | None
) -> list[dict[str, Any]]:
    """Las facturas del contrato, la más reciente primero (por periodo); filtro por estado."""
    if estado is not None and estado not in ESTADOS_FACTURA:
        raise DatosInvalidos.de_campo(
            "estado", "Estado no válido: use " + ", ".join(ESTADOS_FACTURA) + "."
        )
    with gateway.session_scope() as sesion:
        contrato = contrato_visible(sesion, usuario, numero)
        consulta = (
            select(Factura)
            .where(Factura.contrato_id == contrato.id)
            .order_by(Factura.periodo.desc(), Factura.id.desc())
        )
        if estado is not None:
            consulta = consulta.where(Factura.estado == estado)
        return [
            factura_publica(f, contrato.numero_contrato) for f in sesion.scalars(consulta).all()
        ]


def factura_visible(sesion: Session, usuario: UsuarioActual, numero_factura: str) -> Factura:
    """La factura si el usuario ve su contrato; si no, 404."""
    cliente_id = cliente_del_portal(sesion, usuario)
    consulta = select(Factura).where(Factura.numero_factura == (numero_factura or "").strip())
    if cliente_id is not None:
        consulta = consulta.join(Contrato, Contrato.id == Factura.contrato_id).where(
            Contrato.cliente_id == cliente_id
        )
    factura = sesion.scalar(consulta)
    if factura is None:
        raise NoEncontrado(NO_EXISTE_FACTURA)
    return factura


def factura(
    gateway: BaseDatosClient, usuario: UsuarioActual, numero_factura: str
) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        encontrada = factura_visible(sesion, usuario, numero_factura)
        numero = sesion.scalar(
            select(Contrato.numero_contrato).where(Contrato.id == encontrada.contrato_id)
        )
        return factura_publica(encontrada, str(numero))
