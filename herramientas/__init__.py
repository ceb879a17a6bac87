"""Herramientas de mantenimiento del proyecto (generación de documentación)."""
