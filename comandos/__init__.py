"""Comandos de Flask CLI (`flask --app app ...`): seed, usuarios, importar, reporte, respaldo."""

from __future__ import annotations

from flask import Flask


def registrar(app: Flask) -> None:
    """Agrega los grupos de comandos a la app."""
    from comandos import (
        auditoria_comandos,
        catalogo,
        correo_comandos,
        cuponeras,
        entregas,
        importacion_comandos,
        reporte_comandos,
        respaldo_comandos,
        seed_comandos,
        usuario_comandos,
    )

    for modulo in (
        usuario_comandos,
        reporte_comandos,
        importacion_comandos,
        seed_comandos,
        respaldo_comandos,
        auditoria_comandos,
        correo_comandos,
        catalogo,
        entregas,
        cuponeras,
    ):
        modulo.registrar(app)
