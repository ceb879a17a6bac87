"""M7 Catálogo: comandos de la CLI (`flask --app app catalogo ...`)."""

from __future__ import annotations

from flask import Flask


def registrar(app: Flask) -> None:
    """Agrega los comandos del módulo a la app."""
    from comandos.catalogo.importacion_comandos import catalogo

    app.cli.add_command(catalogo)
