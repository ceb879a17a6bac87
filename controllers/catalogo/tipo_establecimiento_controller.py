"""Tipos de establecimiento: la lista, y el tipo o el vendedor que nombra una petición."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from errores import DatosInvalidos
from models import Usuario
from models.catalogo import TipoEstablecimiento
from services.importacion_service import FilaInvalida


def invalidos(error: FilaInvalida) -> DatosInvalidos:
    """422 con cada campo y su motivo (la primera razón va en el mensaje)."""
    campos: dict[str, list[str]] = {}
    for campo, motivo in error.errores:
        campos.setdefault(campo, []).append(motivo)
    return DatosInvalidos(error.errores[0][1], {"campos": campos})


def listar(gateway: BaseDatosClient) -> list[dict[str, Any]]:
    with gateway.session_scope() as sesion:
        tipos = sesion.scalars(select(TipoEstablecimiento).order_by(TipoEstablecimiento.id))
        return [{"codigo": t.codigo, "nombre": t.nombre} for t in tipos]


def tipos_por_codigo(sesion: Session) -> dict[str, int]:
    consulta = select(TipoEstablecimiento.codigo, TipoEstablecimiento.id)
    return dict(sesion.execute(consulta).tuples().all())


def tipo_id(sesion: Session, codigo: str, campo: str = "tipo") -> int:
    """Id del tipo por su código; 422 en `campo` con los códigos válidos si no existe."""
    tipos = tipos_por_codigo(sesion)
    if codigo.upper() not in tipos:
        raise DatosInvalidos.de_campo(campo, motivo_tipo_desconocido(tipos))
    return tipos[codigo.upper()]


def motivo_tipo_desconocido(tipos: dict[str, int]) -> str:
    return "Tipo de establecimiento desconocido. Use uno de: " + ", ".join(tipos) + "."


def motivo_vendedor(sesion: Session, login: str) -> tuple[int | None, str | None]:
    """(id, None) si `login` es un vendedor activo; (None, motivo) si no."""
    fila = sesion.execute(
        select(Usuario.id, Usuario.rol, Usuario.activo).where(Usuario.usuario == login)
    ).first()
    if fila is None:
        return None, f"No existe un usuario «{login}»."
    if fila.rol != "vendedor":
        return None, f"El usuario «{login}» no es vendedor (su rol es {fila.rol})."
    if not fila.activo:
        return None, f"El vendedor «{login}» está inactivo."
    return fila.id, None


def vendedor_id(sesion: Session, login: str | None) -> int | None:
    """Id del vendedor por su usuario (None = sin vendedor); 422 si no es un vendedor activo."""
    if login is None:
        return None
    identificador, motivo = motivo_vendedor(sesion, login)
    if motivo is not None:
        raise DatosInvalidos.de_campo("vendedor", motivo)
    return identificador
