"""M6 Cuponeras: casos de uso."""
