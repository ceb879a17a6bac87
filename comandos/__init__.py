"""Comandos de Flask CLI (`flask --app app ...`): seed, usuarios, importar, reporte."""

from __future__ import annotations

from flask import Flask


def registrar(app: Flask) -> None:
    """Agrega los grupos de comandos a la app."""
    from comandos import reporte_comandos, usuario_comandos

    for modulo in (usuario_comandos, reporte_comandos):
        modulo.registrar(app)
