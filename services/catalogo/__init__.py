"""M7 Catálogo: reglas puras (código SKU, coordenadas, portafolio vigente)."""
