"""Portafolios por tipo de establecimiento: alta con sus líneas, activación, lista y el vigente.

Vigente a una fecha (de Bogotá) = el activo del tipo con el `vigente_desde` más reciente que no
pase de esa fecha (`vigente_desde == fecha` ya rige); los anteriores quedan como historia.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from controllers.catalogo.tipo_establecimiento_controller import (
    motivo_tipo_desconocido,
    tipos_por_codigo,
)
from controllers.paginacion import paginar
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models.catalogo import LineaPortafolio, Portafolio, Producto, TipoEstablecimiento
from services.catalogo import validacion_service
from services.tiempo_service import a_bogota, hoy_bogota

MAXIMO_LINEAS = 500


# Consultas armadas una vez (las usa la ruta del vendedor, el camino más frecuente del módulo).
_VIGENTE = (
    select(Portafolio.id)
    .where(
        Portafolio.tipo_id == bindparam("tipo_id"),
        Portafolio.activo.is_(True),
        Portafolio.vigente_desde <= bindparam("fecha"),
    )
    .order_by(Portafolio.vigente_desde.desc(), Portafolio.id.desc())
    .limit(1)
)
_VIGENTES = (
    select(Portafolio.tipo_id, Portafolio.id)
    .where(Portafolio.activo.is_(True), Portafolio.vigente_desde <= bindparam("fecha"))
    .order_by(Portafolio.tipo_id, Portafolio.vigente_desde.desc(), Portafolio.id.desc())
)
_PORTAFOLIO = select(
    Portafolio.id,
    Portafolio.nombre,
    Portafolio.tipo_id,
    Portafolio.vigente_desde,
    Portafolio.activo,
    Portafolio.creado_en,
).where(Portafolio.id == bindparam("portafolio_id"))
_CODIGO_TIPO = select(TipoEstablecimiento.codigo).where(
    TipoEstablecimiento.id == bindparam("tipo_id")
)


def vigente_id(conexion: Connection | Session, tipo_id: int, fecha: date) -> int | None:
    """Id del portafolio en vigor para el tipo en esa fecha, o None si no hay ninguno."""
    resultado: int | None = conexion.execute(
        _VIGENTE, {"tipo_id": tipo_id, "fecha": fecha}
    ).scalar()
    return resultado


def vigentes_por_tipo(conexion: Connection | Session, fecha: date) -> dict[int, int]:
    """{tipo_id: portafolio_id} de los portafolios en vigor en esa fecha, en una consulta: por
    tipo, el primero de los activos ya vigentes ordenados del más reciente al más antiguo."""
    resultado: dict[int, int] = {}
    for tipo_id, portafolio_id in conexion.execute(_VIGENTES, {"fecha": fecha}).tuples():
        resultado.setdefault(tipo_id, portafolio_id)
    return resultado


def conteo_lineas(sesion: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    """{portafolio_id: (líneas, obligatorias)} en una consulta agregada."""
    if not ids:
        return {}
    filas = sesion.execute(
        select(
            LineaPortafolio.portafolio_id,
            func.count(),
            func.coalesce(func.sum(case((LineaPortafolio.obligatorio.is_(True), 1), else_=0)), 0),
        )
        .where(LineaPortafolio.portafolio_id.in_(ids))
        .group_by(LineaPortafolio.portafolio_id)
    )
    return {fila[0]: (int(fila[1]), int(fila[2])) for fila in filas}


def _resumen(portafolio: Any, tipo: str, conteo: tuple[int, int], en_vigor: bool) -> dict[str, Any]:
    """`portafolio`: el modelo o una fila con sus columnas."""
    return {
        "id": portafolio.id,
        "nombre": portafolio.nombre,
        "tipo_establecimiento": tipo,
        "vigente_desde": portafolio.vigente_desde,
        "activo": portafolio.activo,
        "vigente": en_vigor,
        "lineas": conteo[0],
        "obligatorias": conteo[1],
        "creado_en": a_bogota(portafolio.creado_en),
    }


_LINEAS = (
    select(
        Producto.codigo,
        Producto.nombre,
        Producto.categoria,
        Producto.marca,
        Producto.presentacion,
        Producto.precio,
        Producto.iva,
        Producto.activo.label("producto_activo"),
        LineaPortafolio.cantidad_minima,
        LineaPortafolio.obligatorio,
        LineaPortafolio.precio_sugerido,
    )
    .join(Producto, Producto.id == LineaPortafolio.producto_id)
    .where(LineaPortafolio.portafolio_id == bindparam("portafolio_id"))
    .order_by(LineaPortafolio.orden)
)


def _lineas(conexion: Connection | Session, portafolio_id: int) -> list[dict[str, Any]]:
    filas = conexion.execute(_LINEAS, {"portafolio_id": portafolio_id})
    return [fila._asdict() for fila in filas]


def detalle(
    conexion: Connection | Session,
    portafolio_id: int,
    tipo: str | None = None,
    en_vigor_hoy: int | None = None,
) -> dict[str, Any]:
    """El portafolio con sus líneas y los datos de cada producto. `tipo` (código) y
    `en_vigor_hoy` (id del vigente hoy para su tipo) se consultan si no se dan."""
    portafolio = conexion.execute(_PORTAFOLIO, {"portafolio_id": portafolio_id}).one()
    if tipo is None:
        tipo = conexion.execute(_CODIGO_TIPO, {"tipo_id": portafolio.tipo_id}).scalar_one()
    if en_vigor_hoy is None:
        en_vigor_hoy = vigente_id(conexion, portafolio.tipo_id, hoy_bogota())
    lineas = _lineas(conexion, portafolio_id)
    obligatorias = sum(1 for linea in lineas if linea["obligatorio"])
    datos = _resumen(
        portafolio, str(tipo), (len(lineas), obligatorias), en_vigor_hoy == portafolio_id
    )
    datos["productos"] = lineas
    return datos


def _buscar(sesion: Session, portafolio_id: int) -> Portafolio:
    portafolio = sesion.get(Portafolio, portafolio_id)
    if portafolio is None:
        raise NoEncontrado("No existe un portafolio con ese identificador.")
    return portafolio


def _validar_lineas(sesion: Session, productos: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Líneas listas para guardar y los errores por posición (como los anida la validación)."""
    errores: dict[str, Any] = {}
    if not isinstance(productos, list) or not productos:
        return [], {"productos": ["El portafolio debe tener al menos un producto."]}
    if len(productos) > MAXIMO_LINEAS:
        return [], {"productos": [f"Un portafolio admite como máximo {MAXIMO_LINEAS} productos."]}
    codigos = []
    for linea in productos:
        try:
            codigos.append(validacion_service.normalizar_codigo(linea.get("codigo")))
        except (ValueError, AttributeError):
            codigos.append("")
    existentes = {
        p.codigo: p for p in sesion.scalars(select(Producto).where(Producto.codigo.in_(codigos)))
    }
    vistos: dict[str, int] = {}
    lineas = []
    for posicion, (linea, codigo) in enumerate(zip(productos, codigos, strict=True)):
        propios: dict[str, list[str]] = {}
        producto = existentes.get(codigo)
        if not codigo:
            propios["codigo"] = ["Indique el código de un producto del catálogo."]
        elif producto is None:
            propios["codigo"] = [f"No existe un producto con el código {codigo}."]
        elif not producto.activo:
            propios["codigo"] = [f"El producto {codigo} está inactivo."]
        elif codigo in vistos:
            propios["codigo"] = [
                f"El producto {codigo} ya está en la posición {vistos[codigo] + 1} de la lista."
            ]
        vistos.setdefault(codigo, posicion)
        cantidad = linea.get("cantidad_minima")
        if isinstance(cantidad, bool) or not isinstance(cantidad, int) or cantidad < 1:
            propios["cantidad_minima"] = ["La cantidad mínima debe ser un entero de 1 o más."]
        precio = linea.get("precio_sugerido")
        if precio is not None:
            try:
                precio = validacion_service.interpretar_precio(precio, "El precio sugerido")
            except ValueError as error:
                propios["precio_sugerido"] = [str(error)]
        if propios:
            errores[str(posicion)] = propios
        elif producto is not None:
            lineas.append(
                {
                    "producto_id": producto.id,
                    "cantidad_minima": cantidad,
                    "obligatorio": bool(linea.get("obligatorio", False)),
                    "precio_sugerido": precio,
                    "orden": posicion + 1,
                }
            )
    return lineas, ({"productos": errores} if errores else {})


def _choque(sesion: Session, tipo_id: int, desde: date, excepto: int | None = None) -> None:
    """409 si ya hay otro portafolio activo del tipo desde la misma fecha (¿cuál regiría?)."""
    otro = sesion.scalar(
        select(Portafolio.nombre).where(
            Portafolio.tipo_id == tipo_id,
            Portafolio.vigente_desde == desde,
            Portafolio.activo.is_(True),
            Portafolio.id != (excepto or 0),
        )
    )
    if otro is not None:
        raise Conflicto(
            f"Ya hay un portafolio activo de ese tipo vigente desde {desde.isoformat()} "
            f"(«{otro}»): desactívelo o elija otra fecha."
        )


def crear(
    gateway: BaseDatosClient, valores: dict[str, Any], contexto: ContextoAuditoria
) -> dict[str, Any]:
    """Crea un portafolio activo con sus líneas; 422 por campo y por línea, 409 si choca."""
    with auditar(gateway, contexto, "portafolio_crear") as registro:
        errores: dict[str, Any] = {}
        nombre = desde = None
        try:
            nombre = validacion_service.texto(valores.get("nombre"), "El nombre", 2, 120)
        except ValueError as error:
            errores["nombre"] = [str(error)]
        try:
            desde = validacion_service.interpretar_fecha(valores.get("vigente_desde"))
        except ValueError as error:
            errores["vigente_desde"] = [str(error)]
        with gateway.session_scope() as sesion:
            tipos = tipos_por_codigo(sesion)
            codigo_tipo = str(valores.get("tipo_establecimiento") or "").strip().upper()
            if codigo_tipo not in tipos:
                errores["tipo_establecimiento"] = [motivo_tipo_desconocido(tipos)]
            lineas, errores_lineas = _validar_lineas(sesion, valores.get("productos"))
            errores.update(errores_lineas)
            if errores:
                primero = next(iter(errores.values()))
                while isinstance(primero, dict):
                    primero = next(iter(primero.values()))
                raise DatosInvalidos(str(primero[0]), {"campos": errores})
            assert nombre is not None and desde is not None
            _choque(sesion, tipos[codigo_tipo], desde)
            portafolio = Portafolio(
                nombre=nombre,
                tipo_id=tipos[codigo_tipo],
                vigente_desde=desde,
                activo=True,
                creado_por_id=contexto.usuario_id,
            )
            sesion.add(portafolio)
            sesion.flush()
            sesion.add_all(
                LineaPortafolio(portafolio_id=portafolio.id, **linea) for linea in lineas
            )
            sesion.flush()
            registro.parametros.update(portafolio_id=portafolio.id, lineas=len(lineas))
            registrar_en(sesion.connection(), contexto, registro, estado_http=201)
            return detalle(sesion, portafolio.id)


def cambiar_estado(
    gateway: BaseDatosClient, portafolio_id: int, activo: bool, contexto: ContextoAuditoria
) -> dict[str, Any]:
    """Activa o desactiva; activar uno que choca con otro activo de la misma fecha es 409."""
    with (
        auditar(
            gateway, contexto, "portafolio_editar", portafolio_id=portafolio_id, activo=activo
        ) as registro,
        gateway.session_scope() as sesion,
    ):
        portafolio = _buscar(sesion, portafolio_id)
        if activo and not portafolio.activo:
            _choque(sesion, portafolio.tipo_id, portafolio.vigente_desde, portafolio.id)
        portafolio.activo = activo
        sesion.flush()
        registrar_en(sesion.connection(), contexto, registro)
        return detalle(sesion, portafolio.id)


def listar(
    gateway: BaseDatosClient, tipo: str | None, pagina: int, por_pagina: int
) -> dict[str, Any]:
    """Portafolios (del tipo, si se indica), del más reciente al más antiguo, con `vigente`."""
    with gateway.session_scope() as sesion:
        tipos = tipos_por_codigo(sesion)
        codigos = {identificador: codigo for codigo, identificador in tipos.items()}
        condiciones = []
        if tipo and tipo.strip():
            if tipo.strip().upper() not in tipos:
                raise DatosInvalidos.de_campo("tipo", motivo_tipo_desconocido(tipos))
            condiciones.append(Portafolio.tipo_id == tipos[tipo.strip().upper()])
        en_vigor = set(vigentes_por_tipo(sesion, hoy_bogota()).values())
        consulta = (
            select(Portafolio)
            .where(and_(True, *condiciones))
            .order_by(Portafolio.tipo_id, Portafolio.vigente_desde.desc(), Portafolio.id.desc())
        )
        pagina_datos = paginar(sesion, consulta, pagina, por_pagina, lambda fila: fila[0])
        portafolios: list[Portafolio] = pagina_datos["items"]
        conteos = conteo_lineas(sesion, [p.id for p in portafolios])
        pagina_datos["items"] = [
            _resumen(p, codigos[p.tipo_id], conteos.get(p.id, (0, 0)), p.id in en_vigor)
            for p in portafolios
        ]
        return pagina_datos


def obtener(gateway: BaseDatosClient, portafolio_id: int) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        return detalle(sesion, _buscar(sesion, portafolio_id).id)
