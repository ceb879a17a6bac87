"""M7 Catálogo: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo."""

from __future__ import annotations

from flask_smorest import Blueprint

BLUEPRINTS: list[Blueprint] = []
