"""`flask --app app auditoria depurar`: aplica la política de retención de la auditoría."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from comandos.comunes import errores_de_dominio
from controllers import retencion_controller
from controllers.auditoria_controller import ContextoAuditoria

auditoria = AppGroup("auditoria", help="Mantenimiento del registro de auditoría.")


@auditoria.command("depurar")
@click.option(
    "--dias",
    type=int,
    default=None,
    help="Conserva los últimos N días (por defecto AUDITORIA_RETENCION_DIAS, 1825).",
)
def depurar(dias: int | None) -> None:
    """Borra los registros de auditoría más antiguos que la retención configurada."""
    plazo = dias if dias is not None else int(current_app.config["AUDITORIA_RETENCION_DIAS"])
    contexto = ContextoAuditoria(None, "cli", current_app.config["SECRET_KEY"])
    with errores_de_dominio():
        borrados = retencion_controller.depurar(current_app.extensions["sac_db"], plazo, contexto)
    click.echo(f"Auditoría depurada: {borrados} registro(s) de más de {plazo} días.")


def registrar(app: Flask) -> None:
    app.cli.add_command(auditoria)
