"""`flask --app app respaldo`: copia en caliente de la base SQLite, para cron."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from comandos.comunes import errores_de_dominio
from controllers import respaldo_controller


@click.command("respaldo")
@click.option(
    "--destino",
    type=click.Path(dir_okay=False),
    default=None,
    help="Archivo de la copia (por defecto respaldos/sac_AAAA-MM-DD_HHMMSS.db).",
)
@with_appcontext
def respaldo(destino: str | None) -> None:
    """Respalda la base SQLite en caliente, sin detener el servicio."""
    ruta = Path(destino) if destino else respaldo_controller.nombre_por_defecto(Path("respaldos"))
    with errores_de_dominio():
        escrito = respaldo_controller.respaldar(current_app.extensions["sac_db"], ruta)
    click.echo(f"Respaldo escrito en {escrito}.")


def registrar(app: Flask) -> None:
    app.cli.add_command(respaldo)
