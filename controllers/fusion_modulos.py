"""Lo que cada módulo mueve al fusionar dos clientes (M10), sin que el núcleo ni M10 importen un
módulo: la app junta los movedores que declara cada módulo (`routes/<modulo>.FUSION`) y la fusión
los llama, en orden de nombre, dentro de su misma transacción."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy.engine import Connection

# Un movedor recibe la conexión de la fusión, el id del cliente absorbido y el del sobreviviente, y
# devuelve cuántas filas de cada clase movió (`{"contratos": 2, ...}`). No confirma: si algo falla
# después, la fusión entera se revierte.
Movedor = Callable[[Connection, int, int], "dict[str, int]"]


def mover_en_modulos(
    conexion: Connection,
    de_id: int,
    a_id: int,
    registro: Mapping[str, Movedor],
    movidos: dict[str, int],
) -> dict[str, int]:
    """Agrega a `movidos` los conteos de cada módulo, en orden de nombre; una clave repetida es un
    defecto del código."""
    for nombre in sorted(registro):
        for clave, cantidad in registro[nombre](conexion, de_id, a_id).items():
            if clave in movidos:
                raise ValueError(f"El módulo {nombre} repite el conteo «{clave}» de la fusión.")
            movidos[clave] = cantidad
    return movidos
