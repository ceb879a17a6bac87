"""Advertencias de calidad de datos (M10): la misma persona bajo dos documentos, teléfonos que no son
colombianos, correos mal formados y un correo compartido por varios clientes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from clients.base_datos_client import BaseDatosClient
from controllers.paginacion import sobre
from models import Cliente, TipoDocumento
from services import calidad_service


def _activos() -> Any:
    return Cliente.activo.is_(True)


def _compartidos(conexion: Connection, columna: Any) -> list[tuple[int, ...]]:
    """Los grupos de clientes activos con el mismo valor (no vacío) en `columna`.

    Los valores repetidos salen de recorrer solo el índice de `columna` (sin mirar `activo`, que no
    está en él: a 1.000.000 de clientes serían un millón de lecturas de la tabla); `activo` se mira
    después, solo en los clientes de esos valores, y un grupo que queda de uno no cuenta.
    """
    repetidos = (
        select(columna).where(columna.is_not(None)).group_by(columna).having(func.count() > 1)
    ).subquery()
    grupos: dict[str, list[int]] = {}
    filas = conexion.execute(
        select(columna, Cliente.id)
        .where(_activos(), columna.in_(select(repetidos.c[0])))
        .order_by(columna, Cliente.id)
    )
    for valor, cliente_id in filas:
        grupos.setdefault(valor, []).append(cliente_id)
    return [tuple(ids) for ids in grupos.values() if len(ids) > 1]


def _duplicados(conexion: Connection, vinculos: list[tuple[int, ...]]) -> list[list[int]]:
    ids = sorted({cliente_id for grupo in vinculos for cliente_id in grupo})
    nombres: dict[int, str] = {}
    for inicio in range(0, len(ids), 1000):  # SQL Server admite 2100 parámetros
        filas = conexion.execute(
            select(Cliente.id, Cliente.nombre, Cliente.apellido).where(
                Cliente.id.in_(ids[inicio : inicio + 1000])
            )
        )
        for cliente_id, nombre, apellido in filas:
            nombres[cliente_id] = calidad_service.nombre_completo(nombre, apellido)
    return calidad_service.grupos_de_la_misma_persona(nombres, vinculos)


# Cada tipo de dato mal formado con su marca, escrita con el cliente (`calidad_service.columnas_derivadas`).
_MARCAS = {
    "telefono_invalido": Cliente.telefono_invalido,
    "correo_invalido": Cliente.correo_invalido,
}


def _invalidos(conexion: Connection, tipo: str) -> list[list[int]]:
    """Los clientes activos con la marca: un rango del índice de la marca, no todos los clientes."""
    marca = _MARCAS[tipo]
    filas = conexion.execute(
        select(Cliente.id).where(marca.is_(True), _activos()).order_by(Cliente.id)
    )
    return [[cliente_id] for cliente_id in filas.scalars()]


def _fichas(conexion: Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    fichas: dict[int, dict[str, Any]] = {}
    lista = sorted(ids)
    for inicio in range(0, len(lista), 1000):
        filas = conexion.execute(
            select(
                Cliente.id,
                TipoDocumento.codigo,
                Cliente.numero_documento,
                Cliente.nombre,
                Cliente.apellido,
            )
            .join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
            .where(Cliente.id.in_(lista[inicio : inicio + 1000]))
        )
        for cliente_id, tipo, numero, nombre, apellido in filas:
            fichas[cliente_id] = {
                "id": cliente_id,
                "tipo_documento": tipo,
                "numero_documento": numero,
                "nombre": nombre,
                "apellido": apellido,
            }
    return fichas


def advertencias(
    gateway: BaseDatosClient, tipo: str | None, pagina: int, por_pagina: int
) -> dict[str, Any]:
    """Las advertencias (de un `tipo` o de todos, en el orden de `calidad_service.TIPOS`), paginadas
    con su `total`; cada una con los clientes activos involucrados."""
    tipos = [tipo] if tipo else list(calidad_service.TIPOS)
    with gateway.connection_scope() as conexion:
        encontradas: list[tuple[str, list[int]]] = []
        for actual in tipos:
            if actual == "duplicado":
                vinculos = _compartidos(conexion, Cliente.telefono_nacional) + _compartidos(
                    conexion, Cliente.correo_normalizado
                )
                grupos = _duplicados(conexion, vinculos)
            elif actual == "correo_compartido":
                grupos = [list(g) for g in _compartidos(conexion, Cliente.correo_normalizado)]
            else:
                grupos = _invalidos(conexion, actual)
            encontradas.extend((actual, grupo) for grupo in grupos)
        desde = (pagina - 1) * por_pagina
        pagina_actual = encontradas[desde : desde + por_pagina]
        fichas = _fichas(conexion, {i for _, grupo in pagina_actual for i in grupo})
        items = [
            {"tipo": actual, "clientes": [fichas[i] for i in grupo]}
            for actual, grupo in pagina_actual
        ]
        return sobre(items, pagina, por_pagina, len(encontradas))


def advertencias_de(conexion: Connection, cliente_id: int) -> list[dict[str, Any]]:
    """Las advertencias que tocan a un cliente (para su resumen), con los clientes involucrados."""
    fila = conexion.execute(
        select(
            Cliente.telefono, Cliente.telefono_nacional, Cliente.correo, Cliente.correo_normalizado
        ).where(Cliente.id == cliente_id)
    ).one_or_none()
    if fila is None:
        return []
    telefono, nacional, correo, normalizado = fila

    def con_el_mismo(columna: Any, valor: str | None) -> tuple[int, ...]:
        if not valor:
            return ()
        consulta = select(Cliente.id).where(_activos(), columna == valor).order_by(Cliente.id)
        return tuple(conexion.execute(consulta).scalars())

    mismo_telefono = con_el_mismo(Cliente.telefono_nacional, nacional)
    mismo_correo = con_el_mismo(Cliente.correo_normalizado, normalizado)
    encontradas: list[tuple[str, list[int]]] = [
        ("duplicado", grupo)
        for grupo in _duplicados(conexion, [g for g in (mismo_telefono, mismo_correo) if g])
        if cliente_id in grupo
    ]
    if calidad_service.telefono_invalido(telefono):
        encontradas.append(("telefono_invalido", [cliente_id]))
    if calidad_service.correo_invalido(correo):
        encontradas.append(("correo_invalido", [cliente_id]))
    if len(mismo_correo) > 1:
        encontradas.append(("correo_compartido", list(mismo_correo)))
    fichas = _fichas(conexion, {i for _, grupo in encontradas for i in grupo})
    return [{"tipo": tipo, "clientes": [fichas[i] for i in grupo]} for tipo, grupo in encontradas]
