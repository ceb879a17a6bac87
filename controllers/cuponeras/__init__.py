"""M6 Cuponeras: casos de uso (contratos, facturas, cupones, pagos, vencimientos, beneficios,
historial, notificaciones e importación)."""
