"""Reglas de calidad de datos de los clientes (M10): correo válido según la regla WHATWG de HTML,
teléfono colombiano y «la misma persona» (mismo nombre normalizado y mismo teléfono o correo)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from services.busqueda_service import clave_nombre, es_telefono_colombiano, palabras

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
