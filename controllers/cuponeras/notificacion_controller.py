"""Notificaciones del usuario: las propias, las más nuevas primero; marcar una o todas leídas."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from errores import NoEncontrado
from models.cuponeras import Notificacion
from services import tiempo_service


def _publica(notificacion: Notificacion) -> dict[str, Any]:
    return {
        "id": notificacion.id,
        "tipo": notificacion.tipo,
        "mensaje": notificacion.mensaje,
        "referencia": notificacion.referencia,
        "creada_en": tiempo_service.a_bogota(notificacion.creada_en),
        "leida_en": (
            tiempo_service.a_bogota(notificacion.leida_en) if notificacion.leida_en else None
        ),
    }


def listar(
    gateway: BaseDatosClient, usuario: UsuarioActual, solo_no_leidas: bool
) -> list[dict[str, Any]]:
    """Las notificaciones propias, las más nuevas primero; con `solo_no_leidas`, solo esas (su
    cantidad es el contador de las pantallas)."""
    condiciones = [Notificacion.usuario_id == usuario.id]
    if solo_no_leidas:
        condiciones.append(Notificacion.leida_en.is_(None))
    consulta = (
        select(Notificacion)
        .where(*condiciones)
        .order_by(Notificacion.creada_en.desc(), Notificacion.id.desc())
    )
    with gateway.session_scope() as sesion:
        return [_publica(notificacion) for notificacion in sesion.scalars(consulta)]


def marcar_leida(
    gateway: BaseDatosClient, usuario: UsuarioActual, notificacion_id: int
) -> dict[str, Any]:
    """Marca una notificación propia (404 si no existe o es de otro); repetir no cambia la fecha."""
    with gateway.session_scope() as sesion:
        notificacion = sesion.scalar(
            select(Notificacion).where(
                Notificacion.id == notificacion_id, Notificacion.usuario_id == usuario.id
            )
        )
        if notificacion is None:
            raise NoEncontrado("No existe esa notificación.")
        if notificacion.leida_en is None:
            notificacion.leida_en = tiempo_service.ahora_utc()
            sesion.flush()
            sesion.refresh(notificacion)  # como quedó guardada (MariaDB no guarda microsegundos)
        return _publica(notificacion)


def marcar_todas(gateway: BaseDatosClient, usuario: UsuarioActual) -> dict[str, int]:
    with gateway.session_scope() as sesion:
        marcadas = (
            sesion.connection()
            .execute(
                update(Notificacion)
                .where(Notificacion.usuario_id == usuario.id, Notificacion.leida_en.is_(None))
                .values(leida_en=tiempo_service.ahora_utc())
            )
            .rowcount
        )
        return {"marcadas": int(marcadas or 0)}
