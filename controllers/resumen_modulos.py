"""Lo que cada módulo aporta al resumen del cliente (M10), sin que el núcleo ni M10 importen un
módulo: la app junta los aportes que declara cada módulo (`routes/<modulo>.RESUMEN`) y el
resumen los recorre."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.engine import Connection

# Un aporte recibe la conexión del resumen y el id del cliente; `None` = nada que mostrar.
Aporte = Callable[[Connection, int], "dict[str, Any] | None"]


def aportes(
    conexion: Connection, cliente_id: int, registro: Mapping[str, Aporte]
) -> dict[str, Any]:
    """`{modulo: datos}` de los módulos que tienen algo del cliente, en orden de nombre."""
    resultado: dict[str, Any] = {}
    for nombre in sorted(registro):
        datos = registro[nombre](conexion, cliente_id)
        if datos is not None:
            resultado[nombre] = datos
    return resultado
