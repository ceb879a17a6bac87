"""El sobre de paginación de todas las listas: `{items, pagina, por_pagina, total, paginas}`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, func, select
from sqlalchemy.orm import Session


def sobre(items: list[Any], pagina: int, por_pagina: int, total: int) -> dict[str, Any]:
    """El sobre con el total y el número de páginas: nada se corta en silencio."""
    return {
        "items": items,
        "pagina": pagina,
        "por_pagina": por_pagina,
        "total": total,
        "paginas": (total + por_pagina - 1) // por_pagina,
    }


def paginar(
    conexion: Connection | Session,
    consulta: Select[Any],
    pagina: int,
    por_pagina: int,
    convertir: Callable[[Any], Any],
    parametros: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Una página de `consulta` (que ya trae su ORDER BY) con el total de filas que cumplen."""
    contar = select(func.count()).select_from(consulta.order_by(None).subquery())
    total = conexion.execute(contar, parametros or {}).scalar() or 0
    filas = conexion.execute(
        consulta.offset((pagina - 1) * por_pagina).limit(por_pagina), parametros or {}
    ).all()
    return sobre([convertir(fila) for fila in filas], pagina, por_pagina, total)
