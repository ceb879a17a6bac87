"""Casos de uso: reciben la pasarela de datos, aplican las reglas y devuelven datos simples."""
