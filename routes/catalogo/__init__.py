"""M7 Catálogo: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo."""

from __future__ import annotations

from flask_smorest import Blueprint

from routes.catalogo import (
    establecimiento_routes,
    portafolio_routes,
    producto_routes,
    tipo_establecimiento_routes,
    vendedor_routes,
)

BLUEPRINTS: list[Blueprint] = [
    producto_routes.blp,
    tipo_establecimiento_routes.blp,
    establecimiento_routes.blp,
    portafolio_routes.blp,
    vendedor_routes.blp,
]
