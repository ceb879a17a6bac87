"""Productos del catálogo: alta, búsqueda, detalle, cambio parcial, desactivación y borrado."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from controllers.catalogo.tipo_establecimiento_controller import invalidos
from controllers.paginacion import paginar
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models.catalogo import LineaPortafolio, Producto
from services.catalogo import validacion_service
from services.importacion_service import FilaInvalida
from services.tiempo_service import a_bogota, ahora_utc

OBLIGATORIOS = ("codigo", "nombre", "categoria", "precio", "iva")
EDITABLES = ("nombre", "categoria", "marca", "presentacion", "precio", "iva", "activo")


def datos_producto(producto: Producto) -> dict[str, Any]:
    return {
        "id": producto.id,
        "codigo": producto.codigo,
        "nombre": producto.nombre,
        "categoria": producto.categoria,
        "marca": producto.marca,
        "presentacion": producto.presentacion,
        "precio": producto.precio,
        "iva": producto.iva,
        "activo": producto.activo,
        "creado_en": a_bogota(producto.creado_en),
        "actualizado_en": a_bogota(producto.actualizado_en),
    }


def validar(valores: dict[str, Any], obligatorios: tuple[str, ...] = ()) -> dict[str, Any]:
    """Campos del producto normalizados; 422 con cada campo faltante o inválido."""
    errores = [(c, "Este campo es obligatorio.") for c in obligatorios if valores.get(c) is None]
    try:
        datos = validacion_service.validar_producto(
            {c: v for c, v in valores.items() if c not in obligatorios or v is not None}
        )
    except FilaInvalida as error:
        errores += error.errores
    if errores:
        raise invalidos(FilaInvalida(errores))
    return datos


def _buscar(sesion: Session, codigo: str) -> Producto:
    try:
        sku = validacion_service.normalizar_codigo(codigo)
    except ValueError:
        sku = None  # un código que no puede existir no se busca
    producto = sesion.scalar(select(Producto).where(Producto.codigo == sku)) if sku else None
    if producto is None:
        raise NoEncontrado(f"No existe un producto con el código {codigo.strip().upper()[:30]}.")
    return producto


def crear(
    gateway: BaseDatosClient, valores: dict[str, Any], contexto: ContextoAuditoria
) -> dict[str, Any]:
    """Crea un producto activo; 422 por campo, 409 si el código ya existe."""
    with auditar(gateway, contexto, "producto_crear", codigo=valores.get("codigo")) as registro:
        datos = validar(valores, OBLIGATORIOS)
        registro.parametros["codigo"] = datos["codigo"]
        with gateway.session_scope() as sesion:
            if sesion.scalar(select(Producto.id).where(Producto.codigo == datos["codigo"])):
                raise Conflicto(f"Ya existe un producto con el código {datos['codigo']}.")
            ahora = ahora_utc()
            producto = Producto(
                **datos,
                activo=True,
                creado_por_id=contexto.usuario_id,
                creado_en=ahora,
                actualizado_en=ahora,
            )
            sesion.add(producto)
            sesion.flush()
            registrar_en(sesion.connection(), contexto, registro, estado_http=201)
            return datos_producto(producto)


def filtros_busqueda(q: str | None, categoria: str | None, activo: bool | None) -> list[Any]:
    """`q`: prefijo del código o cualquier parte del nombre, sin tildes ni mayúsculas."""
    condiciones: list[ColumnElement[bool]] = []
    if q and q.strip():
        termino = q.strip()
        condiciones.append(
            or_(
                Producto.codigo.startswith(termino.upper(), autoescape=True),
                Producto.nombre_busqueda.contains(
                    validacion_service.sin_tildes(termino), autoescape=True
                ),
            )
        )
    if categoria and categoria.strip():
        condiciones.append(func.lower(Producto.categoria) == categoria.strip().lower())
    if activo is not None:
        condiciones.append(Producto.activo.is_(activo))
    return condiciones


def listar(
    gateway: BaseDatosClient,
    q: str | None,
    categoria: str | None,
    activo: bool | None,
    pagina: int,
    por_pagina: int,
) -> dict[str, Any]:
    """Productos filtrados, ordenados por código, por páginas."""
    consulta = (
        select(Producto).where(*filtros_busqueda(q, categoria, activo)).order_by(Producto.codigo)
    )
    with gateway.session_scope() as sesion:
        return paginar(sesion, consulta, pagina, por_pagina, lambda fila: datos_producto(fila[0]))


def obtener(gateway: BaseDatosClient, codigo: str) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        return datos_producto(_buscar(sesion, codigo))


def actualizar(
    gateway: BaseDatosClient, codigo: str, valores: dict[str, Any], contexto: ContextoAuditoria
) -> dict[str, Any]:
    """Cambio parcial; `activo: false` desactiva (un producto en un portafolio no se borra)."""
    desconocidos = [campo for campo in valores if campo not in EDITABLES]
    if desconocidos:
        raise DatosInvalidos.de_campo(desconocidos[0], "Este campo no se puede cambiar.")
    cambios = {campo: valor for campo, valor in valores.items() if campo != "activo"}
    with auditar(
        gateway, contexto, "producto_editar", codigo=codigo.upper(), campos=sorted(valores)
    ) as registro:
        datos = validar(cambios, obligatorios=tuple(c for c in cambios if c in OBLIGATORIOS))
        if isinstance(valores.get("activo"), bool):
            datos["activo"] = valores["activo"]
        with gateway.session_scope() as sesion:
            producto = _buscar(sesion, codigo)
            for campo, valor in datos.items():
                setattr(producto, campo, valor)
            producto.actualizado_en = ahora_utc()
            sesion.flush()
            registrar_en(sesion.connection(), contexto, registro)
            return datos_producto(producto)


def eliminar(gateway: BaseDatosClient, codigo: str, contexto: ContextoAuditoria) -> None:
    """Borra un producto que ningún portafolio usa; si alguno lo usa, 409: se desactiva."""
    with (
        auditar(gateway, contexto, "producto_eliminar", codigo=codigo.upper()) as registro,
        gateway.session_scope() as sesion,
    ):
        producto = _buscar(sesion, codigo)
        usos = sesion.scalar(
            select(func.count(func.distinct(LineaPortafolio.portafolio_id))).where(
                LineaPortafolio.producto_id == producto.id
            )
        )
        if usos:
            raise Conflicto(
                f"El producto {producto.codigo} está en {usos} portafolio(s) y no se puede "
                "borrar; desactívelo (activo: false) para que no se agregue a otros.",
                {"portafolios": usos},
            )
        sesion.execute(delete(Producto).where(Producto.id == producto.id))
        registrar_en(sesion.connection(), contexto, registro, estado_http=204)
