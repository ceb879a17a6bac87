"""Casos de uso del módulo Catálogo: productos, establecimientos, portafolios y la ruta del vendedor."""
