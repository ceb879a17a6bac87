"""Pruebas de M10 SAC 360."""
