"""Importación del catálogo (CSV/XLSX) con el importador de todos los módulos: productos (upsert por
código) y establecimientos (por NIT, o por nombre + ciudad + dirección si no traen NIT)."""

from __future__ import annotations

from typing import Any

from clients.base_datos_client import BaseDatosClient
from controllers.catalogo.tipo_establecimiento_controller import (
    motivo_tipo_desconocido,
    motivo_vendedor,
    tipos_por_codigo,
)
from controllers.importacion_controller import (
    Entidad,
    Entrada,
    Importador,
    Lote,
    Progreso,
    ResultadoImportacion,
    ResumenArchivo,
    importar_archivos,
)
from errores import DatosInvalidos
from models.catalogo import Establecimiento, Producto
from services.catalogo import validacion_service
from services.importacion_service import FilaInvalida
from services.lectura_archivos_service import Tabla

OPCIONALES_PRODUCTO = ("marca", "presentacion")
REQUERIDAS_PRODUCTO = tuple(
    c for c in validacion_service.CAMPOS_PRODUCTO if c not in OPCIONALES_PRODUCTO
)
OPCIONALES_ESTABLECIMIENTO = ("nit", "telefono", "latitud", "longitud", "vendedor")
REQUERIDAS_ESTABLECIMIENTO = tuple(
    c for c in validacion_service.CAMPOS_ESTABLECIMIENTO if c not in OPCIONALES_ESTABLECIMIENTO
)
DIRECCION = ("nombre", "ciudad", "direccion")


def _altas(importador: Importador) -> dict[str, Any]:
    """Columnas que solo se ponen al insertar."""
    return {"activo": True, "creado_en": importador.ahora, "actualizado_en": importador.ahora}


def cargar_productos(importador: Importador, archivo: str, tabla: Tabla) -> ResumenArchivo:
    """Upsert por código; si un código se repite en el archivo, la fila posterior gana."""
    resumen = ResumenArchivo(archivo, "productos")
    campos = [
        c for c in validacion_service.CAMPOS_PRODUCTO if c in tabla.columnas and c != "codigo"
    ]
    campos.append("nombre_busqueda")

    def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
        datos = validacion_service.validar_producto(valores)
        return datos["codigo"], datos

    def escribir(lote: Lote) -> None:
        filas = {codigo: {c: datos[c] for c in campos} for codigo, (_, datos) in lote.items()}
        importador.upsert(Producto, ("codigo",), filas, resumen, nuevos_extra=_altas(importador))

    importador.cargar(resumen, tabla.filas, validar, escribir)
    return resumen


def cargar_establecimientos(importador: Importador, archivo: str, tabla: Tabla) -> ResumenArchivo:
    """Upsert por NIT o, sin NIT, por nombre + ciudad + dirección. Un establecimiento que ya estaba
    sin NIT y llega con uno (misma dirección) lo adopta en vez de duplicarse."""
    resumen = ResumenArchivo(archivo, "establecimientos")
    tipos = tipos_por_codigo(importador.sesion)
    vendedores: dict[str, tuple[int | None, str | None]] = {}
    campos = [
        c
        for c in validacion_service.CAMPOS_ESTABLECIMIENTO
        if c in tabla.columnas and c not in ("tipo", "vendedor")
    ]
    campos += ["tipo_id", "nombre_busqueda"] + (
        ["vendedor_id"] if "vendedor" in tabla.columnas else []
    )

    def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
        errores: list[tuple[str, str]] = []
        try:
            datos = validacion_service.validar_establecimiento(valores)
        except FilaInvalida as error:
            errores, datos = error.errores, {}
        tipo = valores["tipo"].strip().upper()
        if tipo and tipo not in tipos:
            errores.append(("tipo", motivo_tipo_desconocido(tipos)))
        datos["tipo_id"] = tipos.get(tipo)
        login = datos.get("vendedor")
        if login:
            if login not in vendedores:
                vendedores[login] = motivo_vendedor(importador.sesion, login)
            datos["vendedor_id"], motivo = vendedores[login]
            if motivo:
                errores.append(("vendedor", motivo))
        elif "vendedor" in tabla.columnas:
            datos["vendedor_id"] = None
        if errores:
            raise FilaInvalida(errores)
        clave = (
            ("nit", datos["nit"])
            if datos.get("nit")
            else ("direccion", *(datos[c] for c in DIRECCION))
        )
        return clave, datos

    def escribir(lote: Lote) -> None:
        con_nit = {clave[1]: datos for clave, (_, datos) in lote.items() if clave[0] == "nit"}
        sin_nit = {clave[1:]: datos for clave, (_, datos) in lote.items() if clave[0] != "nit"}
        por_nit = importador.existentes(Establecimiento, ("nit",), con_nit)
        faltan = {tuple(d[c] for c in DIRECCION): n for n, d in con_nit.items() if n not in por_nit}
        sin_nit_aun = importador.existentes(Establecimiento, DIRECCION, faltan, ["nit"])
        adoptan = {
            clave: con_nit.pop(nit)
            for clave, nit in faltan.items()
            if clave in sin_nit_aun and sin_nit_aun[clave].nit is None
        }
        extra = _altas(importador)
        sin_clave = [c for c in campos if c not in (*DIRECCION, "nit")]
        for columnas_clave, filas, columnas in (
            (("nit",), con_nit, [c for c in campos if c != "nit"]),
            (DIRECCION, adoptan, [*sin_clave, "nit"]),
            (DIRECCION, sin_nit, sin_clave),
        ):
            if filas:
                valores = {clave: {c: datos[c] for c in columnas} for clave, datos in filas.items()}
                importador.upsert(Establecimiento, columnas_clave, valores, resumen, extra)

    importador.cargar(resumen, tabla.filas, validar, escribir)
    return resumen


PRODUCTOS = Entidad("productos", REQUERIDAS_PRODUCTO, OPCIONALES_PRODUCTO, cargar_productos)
ESTABLECIMIENTOS = Entidad(
    "establecimientos",
    REQUERIDAS_ESTABLECIMIENTO,
    OPCIONALES_ESTABLECIMIENTO,
    cargar_establecimientos,
)


def importar(
    gateway: BaseDatosClient,
    productos: Entrada | None = None,
    establecimientos: Entrada | None = None,
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    """Productos y luego establecimientos en UNA transacción (todo o nada salvo `parcial`)."""
    if productos is None and establecimientos is None:
        raise DatosInvalidos(
            "Indique al menos un archivo: el de productos o el de establecimientos."
        )
    archivos = [
        (entrada, entidad)
        for entrada, entidad in ((productos, PRODUCTOS), (establecimientos, ESTABLECIMIENTOS))
        if entrada is not None
    ]
    return importar_archivos(gateway, archivos, parcial, progreso)
