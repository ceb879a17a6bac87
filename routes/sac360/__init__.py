"""M10 SAC 360: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo."""

from __future__ import annotations

from flask_smorest import Blueprint

from routes.sac360 import calidad_routes, cliente360_routes

BLUEPRINTS: list[Blueprint] = [
    cliente360_routes.blp,
    cliente360_routes.blp_yo,
    calidad_routes.blp,
]
