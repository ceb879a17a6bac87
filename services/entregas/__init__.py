"""M8 Entregas: reglas puras (interpretar el pedido, claves y firmas de los dispositivos, métricas)."""
