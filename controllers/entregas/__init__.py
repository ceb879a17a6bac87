"""M8 Entregas: casos de uso de la ingesta, los dispositivos, las métricas y los eventos en vivo."""
