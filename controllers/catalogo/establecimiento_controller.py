"""Establecimientos: alta, lista con filtros, detalle y cambio parcial (incluido el vendedor)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from controllers.catalogo.tipo_establecimiento_controller import invalidos, tipo_id, vendedor_id
from controllers.paginacion import paginar
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models import Usuario
from models.catalogo import Establecimiento, TipoEstablecimiento
from services.catalogo import validacion_service
from services.importacion_service import FilaInvalida
from services.tiempo_service import a_bogota, ahora_utc

OBLIGATORIOS = ("nombre", "tipo", "ciudad", "departamento", "direccion")
EDITABLES = (*validacion_service.CAMPOS_ESTABLECIMIENTO, "activo")
_Vendedor = aliased(Usuario)
CONSULTA = (
    select(Establecimiento, TipoEstablecimiento, _Vendedor)
    .join(TipoEstablecimiento, TipoEstablecimiento.id == Establecimiento.tipo_id)
    .outerjoin(_Vendedor, _Vendedor.id == Establecimiento.vendedor_id)
)


def datos_vendedor(vendedor: Usuario | None) -> dict[str, Any] | None:
    if vendedor is None:
        return None
    return {"usuario": vendedor.usuario, "nombre": vendedor.nombre, "zona": vendedor.zona}


def datos_establecimiento(
    fila: tuple[Establecimiento, TipoEstablecimiento, Usuario | None],
) -> dict[str, Any]:
    establecimiento, tipo, vendedor = fila
    return {
        "id": establecimiento.id,
        "nombre": establecimiento.nombre,
        "tipo": tipo.codigo,
        "tipo_nombre": tipo.nombre,
        "nit": establecimiento.nit,
        "ciudad": establecimiento.ciudad,
        "departamento": establecimiento.departamento,
        "direccion": establecimiento.direccion,
        "telefono": establecimiento.telefono,
        "latitud": establecimiento.latitud,
        "longitud": establecimiento.longitud,
        "vendedor": datos_vendedor(vendedor),
        "activo": establecimiento.activo,
        "creado_en": a_bogota(establecimiento.creado_en),
        "actualizado_en": a_bogota(establecimiento.actualizado_en),
    }


def buscar(sesion: Session, establecimiento_id: int) -> Establecimiento:
    establecimiento = sesion.get(Establecimiento, establecimiento_id)
    if establecimiento is None:
        raise NoEncontrado("No existe un establecimiento con ese identificador.")
    return establecimiento


def _detalle(sesion: Session, establecimiento_id: int) -> dict[str, Any]:
    fila = sesion.execute(CONSULTA.where(Establecimiento.id == establecimiento_id)).one()
    return datos_establecimiento(fila._tuple())


def validar(
    valores: dict[str, Any],
    obligatorios: tuple[str, ...] = (),
    actual: Establecimiento | None = None,
) -> dict[str, Any]:
    errores = [(c, "Este campo es obligatorio.") for c in obligatorios if valores.get(c) is None]
    try:
        datos = validacion_service.validar_establecimiento(
            {c: v for c, v in valores.items() if c not in obligatorios or v is not None},
            actual.latitud if actual else None,
            actual.longitud if actual else None,
        )
    except FilaInvalida as error:
        errores += error.errores
    if errores:
        raise invalidos(FilaInvalida(errores))
    return datos


def clave_repetida(sesion: Session, datos: dict[str, Any], excepto: int | None) -> str | None:
    """Motivo del 409 si otro establecimiento ya tiene ese NIT, o ese nombre en esa dirección."""
    otro = Establecimiento.id != (excepto or 0)  # los ids empiezan en 1
    if datos.get("nit") and sesion.scalar(
        select(Establecimiento.id).where(Establecimiento.nit == datos["nit"], otro)
    ):
        return f"Ya existe un establecimiento con el NIT {datos['nit']}."
    if sesion.scalar(
        select(Establecimiento.id).where(
            Establecimiento.nombre == datos["nombre"],
            Establecimiento.ciudad == datos["ciudad"],
            Establecimiento.direccion == datos["direccion"],
            otro,
        )
    ):
        return f"Ya existe «{datos['nombre']}» en {datos['direccion']}, {datos['ciudad']}."
    return None


def crear(
    gateway: BaseDatosClient, valores: dict[str, Any], contexto: ContextoAuditoria
) -> dict[str, Any]:
    """Crea un establecimiento; 422 por campo (tipo, NIT, coordenadas, vendedor), 409 si ya existe."""
    with auditar(gateway, contexto, "establecimiento_crear") as registro:
        datos = validar(valores, OBLIGATORIOS)
        with gateway.session_scope() as sesion:
            datos["tipo_id"] = tipo_id(sesion, datos.pop("tipo"))
            datos["vendedor_id"] = vendedor_id(sesion, datos.pop("vendedor", None))
            repetido = clave_repetida(sesion, datos, None)
            if repetido:
                raise Conflicto(repetido)
            ahora = ahora_utc()
            establecimiento = Establecimiento(
                **datos,
                activo=True,
                creado_por_id=contexto.usuario_id,
                creado_en=ahora,
                actualizado_en=ahora,
            )
            sesion.add(establecimiento)
            sesion.flush()
            registro.parametros["establecimiento_id"] = establecimiento.id
            registrar_en(sesion.connection(), contexto, registro, estado_http=201)
            return _detalle(sesion, establecimiento.id)


def listar(
    gateway: BaseDatosClient, filtros: dict[str, Any], pagina: int, por_pagina: int
) -> dict[str, Any]:
    """Establecimientos por tipo, ciudad, vendedor (usuario), activo y `q` (nombre o NIT)."""
    condiciones: list[ColumnElement[bool]] = []
    if filtros.get("tipo"):
        condiciones.append(TipoEstablecimiento.codigo == str(filtros["tipo"]).strip().upper())
    if filtros.get("ciudad"):
        condiciones.append(
            func.lower(Establecimiento.ciudad) == str(filtros["ciudad"]).strip().lower()
        )
    if filtros.get("vendedor"):
        condiciones.append(_Vendedor.usuario == str(filtros["vendedor"]).strip().lower())
    if filtros.get("activo") is not None:
        condiciones.append(Establecimiento.activo.is_(filtros["activo"]))
    q = str(filtros.get("q") or "").strip()
    if q:
        condiciones.append(
            or_(
                Establecimiento.nombre_busqueda.contains(
                    validacion_service.sin_tildes(q), autoescape=True
                ),
                Establecimiento.nit.startswith(
                    q.replace(".", "").replace("-", ""), autoescape=True
                ),
            )
        )
    consulta = CONSULTA.where(*condiciones).order_by(
        Establecimiento.ciudad, Establecimiento.nombre, Establecimiento.id
    )
    with gateway.session_scope() as sesion:
        return paginar(
            sesion, consulta, pagina, por_pagina, lambda fila: datos_establecimiento(fila._tuple())
        )


def obtener(gateway: BaseDatosClient, establecimiento_id: int) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        buscar(sesion, establecimiento_id)
        return _detalle(sesion, establecimiento_id)


def actualizar(
    gateway: BaseDatosClient,
    establecimiento_id: int,
    valores: dict[str, Any],
    contexto: ContextoAuditoria,
) -> dict[str, Any]:
    """Cambio parcial; `vendedor: null` deja el establecimiento sin vendedor."""
    desconocidos = [campo for campo in valores if campo not in EDITABLES]
    if desconocidos:
        raise DatosInvalidos.de_campo(desconocidos[0], "Este campo no se puede cambiar.")
    with (
        auditar(
            gateway,
            contexto,
            "establecimiento_editar",
            establecimiento_id=establecimiento_id,
            campos=sorted(valores),
        ) as registro,
        gateway.session_scope() as sesion,
    ):
        actual = buscar(sesion, establecimiento_id)
        cambios = {c: v for c, v in valores.items() if c != "activo"}
        datos = validar(cambios, tuple(c for c in cambios if c in OBLIGATORIOS), actual=actual)
        if "tipo" in datos:
            datos["tipo_id"] = tipo_id(sesion, datos.pop("tipo"))
        if "vendedor" in datos:
            datos["vendedor_id"] = vendedor_id(sesion, datos.pop("vendedor"))
        if isinstance(valores.get("activo"), bool):
            datos["activo"] = valores["activo"]
        clave = {
            campo: datos.get(campo, getattr(actual, campo))
            for campo in ("nit", "nombre", "ciudad", "direccion")
        }
        repetido = clave_repetida(sesion, clave, establecimiento_id)
        if repetido:
            raise Conflicto(repetido)
        for campo, valor in datos.items():
            setattr(actual, campo, valor)
        actual.actualizado_en = ahora_utc()
        sesion.flush()
        registrar_en(sesion.connection(), contexto, registro)
        return _detalle(sesion, establecimiento_id)
