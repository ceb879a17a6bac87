"""Lo que deja cada cambio de M6, en la misma transacción: el evento en el historial del contrato,
las notificaciones de los usuarios del portal del titular y a quién se le escribe un correo."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from models import Cliente, Usuario
from models.cuponeras import Contrato, EventoContrato, Notificacion


def transicion(sesion: Session, modelo: Any, fila_id: int, de: str, a: str, **valores: Any) -> bool:
    """Cambia el estado de una fila solo si sigue en `de` (UPDATE … WHERE estado = de): si otra
    transacción ya la cambió —en SQLite la lectura no bloquea la fila— no se pisa y devuelve False.
    La primera escritura de la transacción toma además el candado de escritura de SQLite."""
    resultado = sesion.execute(
        update(modelo).where(modelo.id == fila_id, modelo.estado == de).values(estado=a, **valores)
    )
    return cast(CursorResult[Any], resultado).rowcount == 1


def evento(
    sesion: Session,
    contrato_id: int,
    tipo: str,
    descripcion: str,
    fecha: datetime,
    referencia: str | None = None,
    valor: int | None = None,
) -> None:
    sesion.add(
        EventoContrato(
            contrato_id=contrato_id,
            tipo=tipo,
            fecha=fecha,
            descripcion=descripcion[:300],
            referencia=referencia,
            valor=valor,
        )
    )


def evento_en_contratos_del_cliente(
    sesion: Session,
    cliente_id: int,
    tipo: str,
    descripcion: str,
    fecha: datetime,
    referencia: str | None = None,
    valor: int | None = None,
) -> None:
    """El mismo evento en cada contrato del cliente (beneficio otorgado o vencido)."""
    contratos = sesion.scalars(select(Contrato.id).where(Contrato.cliente_id == cliente_id))
    for contrato_id in contratos.all():
        evento(sesion, contrato_id, tipo, descripcion, fecha, referencia, valor)


def usuarios_del_portal(sesion: Session, cliente_id: int) -> list[Usuario]:
    """Los usuarios del portal activos y verificados de un cliente."""
    return list(
        sesion.scalars(
            select(Usuario)
            .where(
                Usuario.cliente_id == cliente_id,
                Usuario.rol == "cliente",
                Usuario.activo.is_(True),
                Usuario.correo_verificado_en.is_not(None),
            )
            .order_by(Usuario.id)
        )
    )


def notificar(
    sesion: Session,
    cliente_id: int,
    tipo: str,
    mensaje: str,
    referencia: str | None,
    ahora: datetime,
    una_sola_vez: bool = False,
) -> int:
    """Una notificación para cada usuario del portal del cliente; con `una_sola_vez`, solo a quien
    aún no tiene una de ese tipo y referencia. Devuelve cuántas creó."""
    creadas = 0
    for usuario in usuarios_del_portal(sesion, cliente_id):
        if una_sola_vez and sesion.scalar(
            select(Notificacion.id).where(
                Notificacion.usuario_id == usuario.id,
                Notificacion.tipo == tipo,
                Notificacion.referencia == referencia,
            )
        ):
            continue
        sesion.add(
            Notificacion(
                usuario_id=usuario.id,
                tipo=tipo,
                mensaje=mensaje[:300],
                referencia=referencia,
                creada_en=ahora,
            )
        )
        creadas += 1
    return creadas


def destinatario_titular(sesion: Session, cliente_id: int) -> str | None:
    """El correo verificado del portal del titular si lo hay; si no, el de su ficha en el SAC."""
    for usuario in usuarios_del_portal(sesion, cliente_id):
        for correo in (usuario.correo, usuario.usuario):
            if correo and "@" in correo:
                return correo
    correo_ficha: str | None = sesion.scalar(select(Cliente.correo).where(Cliente.id == cliente_id))
    return correo_ficha or None
