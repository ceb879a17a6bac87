"""M7 Catálogo: productos, tipos de establecimiento, establecimientos y portafolios."""
