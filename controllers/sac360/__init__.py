"""M10 SAC 360: búsqueda única, revelar datos, resumen del cliente, notas y clientes recientes."""
