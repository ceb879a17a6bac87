"""M6 Cuponeras: reglas puras (sin base de datos) de cupones, beneficios y validación de archivos."""
