"""M8 Entregas: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo y `LIMITES`
los límites de peticiones que pide (la ingesta, por dispositivo)."""

from __future__ import annotations

from flask_smorest import Blueprint

from routes.entregas import ingesta_routes, monitor_routes
from routes.limites import LimiteRuta

BLUEPRINTS: list[Blueprint] = [ingesta_routes.blp, monitor_routes.blp]
LIMITES: list[LimiteRuta] = [ingesta_routes.LIMITE]
