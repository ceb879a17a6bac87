"""M6 Cuponeras: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo."""

from __future__ import annotations

from flask_smorest import Blueprint

from routes.cuponeras import (
    contrato_routes,
    cupon_routes,
    factura_routes,
    notificacion_routes,
    pago_routes,
    portal_routes,
)

BLUEPRINTS: list[Blueprint] = [
    contrato_routes.blp,
    factura_routes.blp,
    cupon_routes.blp,
    pago_routes.blp,
    portal_routes.blp,
    notificacion_routes.blp,
]
