"""El pedido que envía el script del cliente, generado desde los datos de referencia.

El script original reasigna su lista de productos a la última muestra (tras ~20 s cada pedido es
un solo producto repetido); aquí cada pedido elige de los diez productos.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime
from typing import Any

from services.entregas.ingesta_service import ProductoReferencia, RepartidorReferencia
from services.tiempo_service import ZONA_BOGOTA


def pedido_aleatorio(
    azar: random.Random,
    repartidores: list[RepartidorReferencia],
    productos: list[ProductoReferencia],
    ahora: datetime,
) -> dict[str, Any]:
    """Un pedido como el del script: de 1 a 4 productos distintos, de 1 a 3 veces cada uno."""
    repartidor = azar.choice([r for r in repartidores if r.activo])
    entradas: list[dict[str, Any]] = []
    for producto in azar.sample(productos, k=azar.randint(1, min(4, len(productos)))):
        entradas.extend(
            {
                "IdProducto": producto.id,
                "producto": producto.nombre,
                "precio": float(producto.precio),
            }
            for _ in range(azar.randint(1, 3))
        )
    azar.shuffle(entradas)
    return {
        "pedido_id": str(uuid.UUID(int=azar.getrandbits(128), version=4)),
        "repartidor": {"IdRepartidor": repartidor.id, "Nombre": repartidor.nombre},
        "productos": entradas,
        # Como el script: hora local de Bogotá sin desfase.
        "timestamp": ahora.astimezone(ZONA_BOGOTA).replace(tzinfo=None).isoformat(sep=" "),
    }


def cuerpo(pedido: dict[str, Any]) -> bytes:
    """JSON como lo envía `requests` (`json=`): nombres con escapes \\u, precios como float."""
    return json.dumps(pedido).encode("ascii")
