"""Cálculos que ninguna entidad posee: documentos, tiempo, exportación, reporte, contraseñas."""
