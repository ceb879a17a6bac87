"""M6 Cuponeras: reglas puras del módulo."""
