"""Reglas de calidad de datos de los clientes (M10): correo válido según la regla WHATWG de HTML,
teléfono colombiano y «la misma persona» (mismo nombre normalizado y mismo teléfono o correo)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from services.busqueda_service import (
    clave_nombre,
    columnas_normalizadas,
    es_telefono_colombiano,
    palabras,
    telefono_nacional,
)

TIPOS = ("duplicado", "telefono_invalido", "correo_invalido", "correo_compartido")
# La «valid e-mail address» de la especificación de HTML (WHATWG), tal cual.
_CORREO_WHATWG = re.compile(
    r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$"
)


def correo_valido(correo: str) -> bool:
    return bool(_CORREO_WHATWG.match(correo.strip()))


def telefono_valido(telefono_nacional: str | None) -> bool:
    """`3xx` + 7 o `60x` + 7 dígitos, ya sin `+57`/`57`, espacios ni símbolos."""
    return bool(telefono_nacional) and es_telefono_colombiano(telefono_nacional or "")


def telefono_invalido(telefono: str | None) -> bool:
    """Hay un teléfono (no vacío) y no es colombiano."""
    return bool((telefono or "").strip()) and not telefono_valido(telefono_nacional(telefono))


def correo_invalido(correo: str | None) -> bool:
    """Hay un correo (no vacío) y no es una dirección válida según la regla WHATWG."""
    return bool((correo or "").strip()) and not correo_valido(correo or "")


def columnas_derivadas(datos: dict[str, Any]) -> dict[str, Any]:
    """Todas las columnas de `clientes` que se derivan del contacto presente en `datos`: las de la
    búsqueda (`busqueda_service.columnas_normalizadas`) y las marcas de calidad, indexadas, que
    la página de calidad consulta sin recorrer todos los clientes. Todo lo que escribe un cliente
    (importación, datos de demostración, fábricas de pruebas, benchmark, migraciones) pasa por aquí.
    """
    columnas = columnas_normalizadas(datos)
    if "telefono" in datos:
        columnas["telefono_invalido"] = telefono_invalido(datos["telefono"])
    if "correo" in datos:
        columnas["correo_invalido"] = correo_invalido(datos["correo"])
    return columnas


def nombre_completo(nombre: str | None, apellido: str | None) -> str:
    """El nombre completo normalizado (sin tildes ni mayúsculas, palabras en cualquier orden)."""
    return clave_nombre([*palabras(nombre), *palabras(apellido)])


def grupos_de_la_misma_persona(
    clientes: dict[int, str], vinculos: Iterable[tuple[int, ...]]
) -> list[list[int]]:
    """Une los clientes que comparten un teléfono o un correo (`vinculos`) y tienen el mismo nombre
    completo (`clientes`: id → nombre normalizado); grupos de 2 o más, ordenados."""
    padre: dict[int, int] = {}

    def raiz(x: int) -> int:
        while padre.setdefault(x, x) != x:
            padre[x] = padre[padre[x]]
            x = padre[x]
        return x

    for grupo in vinculos:
        por_nombre: dict[str, list[int]] = {}
        for cliente_id in grupo:
            por_nombre.setdefault(clientes[cliente_id], []).append(cliente_id)
        for iguales in por_nombre.values():
            for otro in iguales[1:]:
                padre[raiz(otro)] = raiz(iguales[0])
    conjuntos: dict[int, list[int]] = {}
    for cliente_id in padre:
        conjuntos.setdefault(raiz(cliente_id), []).append(cliente_id)
    return sorted(sorted(g) for g in conjuntos.values() if len(g) > 1)
