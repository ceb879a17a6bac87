"""M6 Cuponeras: comandos de la CLI (`flask --app app contratos|facturas|cupones ...`)."""

from __future__ import annotations

from flask import Flask


def registrar(app: Flask) -> None:
    """Agrega los comandos del módulo a la app."""
    from comandos.cuponeras.cupon_comandos import contratos, cupones, facturas

    for grupo in (contratos, facturas, cupones):
        app.cli.add_command(grupo)
