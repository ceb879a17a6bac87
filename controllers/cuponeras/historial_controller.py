"""Historial de un contrato: sus eventos y los correos ya enviados de sus facturas y cupones, los
más nuevos primero."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras.alcance_controller import contrato_visible
from models import Correo
from models.cuponeras import Cupon, EventoContrato, Factura
from services.tiempo_service import a_bogota

TAMANO_IN = 1000


def historial(
    gateway: BaseDatosClient, usuario: UsuarioActual, numero: str
) -> list[dict[str, Any]]:
    """`{tipo, fecha, descripcion, referencia, valor}` por evento, ordenados por `fecha` (el
    instante del evento) descendente. `correo_enviado` sale de la bandeja: un correo cuenta cuando
    de verdad se envió."""
    with gateway.session_scope() as sesion:
        contrato = contrato_visible(sesion, usuario, numero)
        eventos = [
            (e.fecha, e.id, e.tipo, e.descripcion, e.referencia, e.valor)
            for e in sesion.scalars(
                select(EventoContrato).where(EventoContrato.contrato_id == contrato.id)
            )
        ]
        referencias = [
            f"factura:{n}"
            for n in sesion.scalars(
                select(Factura.numero_factura).where(Factura.contrato_id == contrato.id)
            )
        ] + [
            f"cupon:{n}"
            for n in sesion.scalars(select(Cupon.numero).where(Cupon.contrato_id == contrato.id))
        ]
        for inicio in range(0, len(referencias), TAMANO_IN):
            tramo = referencias[inicio : inicio + TAMANO_IN]
            for correo in sesion.scalars(
                select(Correo).where(Correo.estado == "enviado", Correo.referencia.in_(tramo))
            ):
                if correo.enviado_en is None:
                    continue
                eventos.append(
                    (
                        correo.enviado_en,
                        0,
                        "correo_enviado",
                        f"Correo enviado a {correo.destinatario}: {correo.asunto}",
                        correo.referencia,
                        None,
                    )
                )
        eventos.sort(key=lambda e: (e[0], e[1]), reverse=True)
        return [
            {
                "tipo": tipo,
                "fecha": a_bogota(fecha),
                "descripcion": descripcion,
                "referencia": referencia,
                "valor": valor,
            }
            for fecha, _, tipo, descripcion, referencia, valor in eventos
        ]
