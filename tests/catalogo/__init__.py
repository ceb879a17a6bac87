"""Pruebas del módulo Catálogo."""
