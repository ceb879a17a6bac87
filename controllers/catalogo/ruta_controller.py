"""Lo que ve el vendedor: su ruta (sus establecimientos activos) y el portafolio de cada uno."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.catalogo import establecimiento_controller, portafolio_controller
from errores import NoEncontrado, Prohibido
from models.catalogo import Establecimiento, Portafolio, TipoEstablecimiento
from services.tiempo_service import hoy_bogota

# Quien edita el catálogo ve el portafolio de cualquier establecimiento; un vendedor (su ruta),
# solo el de los suyos; nadie más (la tabla de permisos decide quién es quién).
PERMISO_TODOS = "catalogo.editar"
PERMISO_PROPIOS = "catalogo.ruta"


def portafolio_de_establecimiento(
    gateway: BaseDatosClient, establecimiento_id: int, fecha: date | None, usuario: UsuarioActual
) -> dict[str, Any]:
    """El portafolio en vigor para el tipo del establecimiento en `fecha` (hoy por defecto).

    403 si es un vendedor y el establecimiento no es suyo; 404 si no existe o el tipo no tiene.
    """
    todos = usuario.puede(PERMISO_TODOS)
    if not todos and not usuario.puede(PERMISO_PROPIOS):
        raise Prohibido()
    dia = fecha or hoy_bogota()
    with gateway.session_scope() as sesion:
        establecimiento = establecimiento_controller.buscar(sesion, establecimiento_id)
        if not todos and establecimiento.vendedor_id != usuario.id:
            raise Prohibido("Este establecimiento no está asignado a su ruta.")
        tipo = sesion.get_one(TipoEstablecimiento, establecimiento.tipo_id)
        portafolio = portafolio_controller.vigente(sesion, tipo.id, dia)
        if portafolio is None:
            raise NoEncontrado(
                f"El tipo {tipo.nombre} no tiene un portafolio vigente el {dia.isoformat()}."
            )
        datos = portafolio_controller.detalle(sesion, portafolio)
        datos["fecha"] = dia
        datos["establecimiento"] = {
            "id": establecimiento.id,
            "nombre": establecimiento.nombre,
            "tipo": tipo.codigo,
        }
        return datos


def _portafolios(sesion: Session, vigentes: dict[int, int]) -> dict[int, dict[str, Any]]:
    """Nombre, líneas y obligatorias de cada portafolio vigente, por tipo."""
    conteos = portafolio_controller.conteo_lineas(sesion, list(vigentes.values()))
    nombres = dict(
        sesion.execute(
            select(Portafolio.id, Portafolio.nombre).where(Portafolio.id.in_(vigentes.values()))
        )
        .tuples()
        .all()
    )
    return {
        tipo: {
            "id": portafolio,
            "nombre": nombres[portafolio],
            "lineas": conteos.get(portafolio, (0, 0))[0],
            "obligatorias": conteos.get(portafolio, (0, 0))[1],
        }
        for tipo, portafolio in vigentes.items()
    }


def ruta(gateway: BaseDatosClient, usuario: UsuarioActual) -> dict[str, Any]:
    """Los establecimientos activos del vendedor, cada uno con su portafolio vigente hoy."""
    hoy = hoy_bogota()
    with gateway.session_scope() as sesion:
        filas = sesion.execute(
            select(Establecimiento, TipoEstablecimiento)
            .join(TipoEstablecimiento, TipoEstablecimiento.id == Establecimiento.tipo_id)
            .where(Establecimiento.vendedor_id == usuario.id, Establecimiento.activo.is_(True))
            .order_by(Establecimiento.ciudad, Establecimiento.nombre, Establecimiento.id)
        ).tuples()
        establecimientos = list(filas)
        portafolios = _portafolios(sesion, portafolio_controller.vigentes_por_tipo(sesion, hoy))
        return {
            "fecha": hoy,
            "vendedor": {"usuario": usuario.usuario, "nombre": usuario.nombre},
            "establecimientos": [
                {
                    "id": e.id,
                    "nombre": e.nombre,
                    "tipo": tipo.codigo,
                    "tipo_nombre": tipo.nombre,
                    "ciudad": e.ciudad,
                    "departamento": e.departamento,
                    "direccion": e.direccion,
                    "telefono": e.telefono,
                    "latitud": e.latitud,
                    "longitud": e.longitud,
                    "portafolio": portafolios.get(tipo.id),
                }
                for e, tipo in establecimientos
            ],
        }
