"""Quién ve qué en M6: el personal (`cuponeras.consultar`) ve todo contrato; un usuario del portal
(`cuponeras.portal`) solo los de su cliente, y lo ajeno le responde 404 como si no existiera."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from controllers.auth_controller import UsuarioActual
from errores import NoEncontrado, Prohibido
from models import Usuario
from models.cuponeras import Contrato

SIN_CLIENTE = -1  # un usuario del portal aún sin cliente no ve nada
NO_EXISTE_CONTRATO = "No existe un contrato con ese número."


def cliente_del_portal(sesion: Session, usuario: UsuarioActual) -> int | None:
    """None para el personal y el recaudo (ven todo); el cliente del SAC de un usuario del portal;
    403 si no es ninguno."""
    if usuario.puede("cuponeras.consultar") or usuario.puede("pagos.registrar"):
        return None
    if not usuario.puede("cuponeras.portal"):
        raise Prohibido()
    cliente_id = sesion.scalar(select(Usuario.cliente_id).where(Usuario.id == usuario.id))
    return cliente_id if cliente_id is not None else SIN_CLIENTE


def contrato_visible(sesion: Session, usuario: UsuarioActual, numero: str) -> Contrato:
    """El contrato por su número si el usuario puede verlo; si no, 404 (también si es ajeno)."""
    cliente_id = cliente_del_portal(sesion, usuario)
    consulta = select(Contrato).where(Contrato.numero_contrato == (numero or "").strip())
    if cliente_id is not None:
        consulta = consulta.where(Contrato.cliente_id == cliente_id)
    contrato = sesion.scalar(consulta)
    if contrato is None:
        raise NoEncontrado(NO_EXISTE_CONTRATO)
    return contrato
