"""Lo que ve el vendedor: su ruta (sus establecimientos activos) y el portafolio de cada uno.

Son las lecturas más frecuentes del módulo (12.000 vendedores, docs/arquitectura-disponibilidad.md):
pocas consultas de columnas, sin cargar objetos del ORM por fila.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, select

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.catalogo import portafolio_controller
from errores import NoEncontrado, Prohibido
from models.catalogo import Establecimiento, LineaPortafolio, Portafolio, TipoEstablecimiento
from services.tiempo_service import hoy_bogota

# Quien edita el catálogo ve el portafolio de cualquier establecimiento; un vendedor (su ruta),
# solo el de los suyos; nadie más (la tabla de permisos decide quién es quién).
PERMISO_TODOS = "catalogo.editar"
PERMISO_PROPIOS = "catalogo.ruta"

_ESTABLECIMIENTO_Y_TIPO = (
    select(
        Establecimiento.id,
        Establecimiento.nombre,
        Establecimiento.vendedor_id,
        Establecimiento.tipo_id,
        TipoEstablecimiento.codigo.label("tipo"),
        TipoEstablecimiento.nombre.label("tipo_nombre"),
    )
    .join(TipoEstablecimiento, TipoEstablecimiento.id == Establecimiento.tipo_id)
    .where(Establecimiento.id == bindparam("establecimiento_id"))
)

_PARADAS = (
    select(
        Establecimiento.id,
        Establecimiento.nombre,
        Establecimiento.tipo_id,
        TipoEstablecimiento.codigo.label("tipo"),
        TipoEstablecimiento.nombre.label("tipo_nombre"),
        Establecimiento.ciudad,
        Establecimiento.departamento,
        Establecimiento.direccion,
        Establecimiento.telefono,
        Establecimiento.latitud,
        Establecimiento.longitud,
    )
    .join(TipoEstablecimiento, TipoEstablecimiento.id == Establecimiento.tipo_id)
    .where(
        Establecimiento.vendedor_id == bindparam("vendedor_id"),
        Establecimiento.activo.is_(True),
    )
    .order_by(Establecimiento.ciudad, Establecimiento.nombre, Establecimiento.id)
)
_RESUMENES = (
    select(
        Portafolio.id,
        Portafolio.nombre,
        func.count(LineaPortafolio.id),
        func.coalesce(func.sum(case((LineaPortafolio.obligatorio.is_(True), 1), else_=0)), 0),
    )
    .outerjoin(LineaPortafolio, LineaPortafolio.portafolio_id == Portafolio.id)
    .where(Portafolio.id.in_(bindparam("ids", expanding=True)))
    .group_by(Portafolio.id, Portafolio.nombre)
)


def portafolio_de_establecimiento(
    gateway: BaseDatosClient, establecimiento_id: int, fecha: date | None, usuario: UsuarioActual
) -> dict[str, Any]:
    """El portafolio en vigor para el tipo del establecimiento en `fecha` (hoy por defecto).

    403 si es un vendedor y el establecimiento no es suyo; 404 si no existe o el tipo no tiene.
    """
    todos = usuario.puede(PERMISO_TODOS)
    if not todos and not usuario.puede(PERMISO_PROPIOS):
        raise Prohibido()
    hoy = hoy_bogota()
    dia = fecha or hoy
    with gateway.connection_scope() as conexion:
        fila = conexion.execute(
            _ESTABLECIMIENTO_Y_TIPO, {"establecimiento_id": establecimiento_id}
        ).first()
        if fila is None:
            raise NoEncontrado("No existe un establecimiento con ese identificador.")
        if not todos and fila.vendedor_id != usuario.id:
            raise Prohibido("Este establecimiento no está asignado a su ruta.")
        portafolio_id = portafolio_controller.vigente_id(conexion, fila.tipo_id, dia)
        if portafolio_id is None:
            raise NoEncontrado(
                f"El tipo {fila.tipo_nombre} no tiene un portafolio vigente el {dia.isoformat()}."
            )
        en_vigor_hoy = (
            portafolio_id
            if dia == hoy
            else portafolio_controller.vigente_id(conexion, fila.tipo_id, hoy)
        )
        datos = portafolio_controller.detalle(conexion, portafolio_id, fila.tipo, en_vigor_hoy or 0)
        datos["fecha"] = dia
        datos["establecimiento"] = {"id": fila.id, "nombre": fila.nombre, "tipo": fila.tipo}
        return datos


def _resumenes(conexion: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Nombre, líneas y líneas obligatorias de cada portafolio, en una consulta agregada."""
    if not ids:
        return {}
    return {
        pid: {"id": pid, "nombre": nombre, "lineas": int(lineas), "obligatorias": int(obligatorias)}
        for pid, nombre, lineas, obligatorias in conexion.execute(_RESUMENES, {"ids": ids}).tuples()
    }


def ruta(gateway: BaseDatosClient, usuario: UsuarioActual) -> dict[str, Any]:
    """Los establecimientos activos del vendedor, cada uno con su portafolio vigente hoy."""
    hoy = hoy_bogota()
    with gateway.connection_scope() as conexion:
        paradas = conexion.execute(_PARADAS, {"vendedor_id": usuario.id}).all()
        vigentes = portafolio_controller.vigentes_por_tipo(conexion, hoy)
        ids = sorted({vigentes[p.tipo_id] for p in paradas if p.tipo_id in vigentes})
        resumenes = _resumenes(conexion, ids)
    establecimientos = []
    for parada in paradas:
        datos = parada._asdict()
        tipo_id = datos.pop("tipo_id")
        datos["portafolio"] = resumenes.get(vigentes.get(tipo_id, 0))
        establecimientos.append(datos)
    return {
        "fecha": hoy,
        "vendedor": {"usuario": usuario.usuario, "nombre": usuario.nombre},
        "establecimientos": establecimientos,
    }
