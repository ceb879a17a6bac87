"""Rutas del módulo Catálogo (productos, establecimientos, portafolios y ruta del vendedor)."""

from routes.catalogo import (
    establecimiento_routes,
    portafolio_routes,
    producto_routes,
    tipo_establecimiento_routes,
    vendedor_routes,
)

BLUEPRINTS = [
    producto_routes.blp,
    tipo_establecimiento_routes.blp,
    establecimiento_routes.blp,
    portafolio_routes.blp,
    vendedor_routes.blp,
]
