"""Pruebas del módulo M7 Catálogo."""
