"""M7 Catálogo: casos de uso de productos, establecimientos, portafolios y la ruta del vendedor."""
