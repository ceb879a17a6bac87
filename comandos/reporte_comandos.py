"""`flask --app app reporte fidelizacion`: escribe el reporte mensual (pensado para cron)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from comandos.comunes import errores_de_dominio
from controllers import reporte_controller
from controllers.auditoria_controller import ContextoAuditoria

reporte = AppGroup("reporte", help="Genera reportes del SAC.")


@reporte.command("fidelizacion")
@click.option("--mes", default=None, help="Mes AAAA-MM (por defecto, el mes anterior en Bogotá).")
@click.option("--umbral", default=None, help="Monto en pesos COP (por defecto 5000000).")
@click.option(
    "--salida",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Archivo .xlsx de salida (por defecto fidelizacion_AAAA-MM.xlsx en la carpeta actual).",
)
def fidelizacion(mes: str | None, umbral: str | None, salida: str | None) -> None:
    """Escribe el reporte de fidelización en Excel."""
    contexto = ContextoAuditoria(None, "cli", current_app.config["SECRET_KEY"])
    with errores_de_dominio():
        generado = reporte_controller.generar(
            current_app.extensions["sac_db"],
            mes,
            umbral,
            current_app.config["UMBRAL_FIDELIZACION"],
            "tarea programada (CLI)",
            contexto,
        )
    destino = Path(salida or generado.nombre)
    temporal = destino.with_name(destino.name + ".tmp")
    try:
        temporal.write_bytes(generado.contenido)
        temporal.replace(destino)
    except OSError as error:
        temporal.unlink(missing_ok=True)
        raise click.ClickException(f"No se pudo escribir {destino}: {error.strerror}.") from error
    click.echo(f"Reporte escrito en {destino}: {generado.cantidad_clientes} cliente(s) califican.")


def registrar(app: Flask) -> None:
    app.cli.add_command(reporte)
