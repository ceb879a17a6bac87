"""Catálogo de tipos de documento."""

from __future__ import annotations

from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from models import TipoDocumento


def listar_activos(gateway: BaseDatosClient) -> list[dict[str, str]]:
    with gateway.session_scope() as sesion:
        tipos = sesion.scalars(
            select(TipoDocumento).where(TipoDocumento.activo.is_(True)).order_by(TipoDocumento.id)
        )
        return [{"codigo": t.codigo, "nombre": t.nombre} for t in tipos]
