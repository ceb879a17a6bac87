"""Servicios puros del módulo Catálogo (validación de productos, establecimientos y portafolios)."""
