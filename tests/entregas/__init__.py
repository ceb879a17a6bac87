"""Pruebas del módulo M8 Entregas."""
