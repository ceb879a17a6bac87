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


GENERADO_POR_CLI = "tarea programada (CLI)"


@reporte.command("fidelizacion")
@click.option("--mes", default=None, help="Mes AAAA-MM (por defecto, el mes anterior en Bogotá).")
@click.option("--umbral", default=None, help="Monto en pesos COP (por defecto 5000000).")
@click.option(
    "--salida",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Archivo .xlsx de salida (por defecto fidelizacion_AAAA-MM.xlsx en la carpeta actual; "
    "también con --enviar).",
)
@click.option(
    "--enviar",
    is_flag=True,
    help="Envía el libro por correo (bandeja de salida) a cada supervisor activo con correo.",
)
@click.option(
    "--omitir-si-vacio",
    is_flag=True,
    help="Con --enviar: si ningún cliente califica, no envía nada ni lo anota en el historial.",
)
def fidelizacion(
    mes: str | None, umbral: str | None, salida: str | None, enviar: bool, omitir_si_vacio: bool
) -> None:
    """Escribe el reporte de fidelización en Excel (queda en el historial de reportes)."""
    if omitir_si_vacio and not enviar:
        raise click.UsageError("--omitir-si-vacio solo tiene sentido con --enviar.")
    contexto = ContextoAuditoria(None, "cli", current_app.config["SECRET_KEY"])
    gateway = current_app.extensions["sac_db"]
    umbral_por_defecto = current_app.config["UMBRAL_FIDELIZACION"]
    with errores_de_dominio():
        if enviar:
            generado = reporte_controller.enviar(
                gateway,
                mes,
                umbral,
                umbral_por_defecto,
                GENERADO_POR_CLI,
                contexto,
                omitir_si_vacio,
            )
        else:
            generado = reporte_controller.generar(
                gateway, mes, umbral, umbral_por_defecto, GENERADO_POR_CLI, contexto, "cli"
            )
    if generado is None:
        click.echo("Ningún cliente califica: no se envió el reporte ni se anotó en el historial.")
        return
    destino = Path(salida or generado.nombre)
    _escribir(destino, generado.contenido)
    click.echo(f"Reporte escrito en {destino}: {generado.cantidad_clientes} cliente(s) califican.")
    if enviar:
        click.echo(
            f"Reporte {generado.nombre} encolado para {generado.destinatarios} supervisor(es): "
            f"{generado.cantidad_clientes} cliente(s) califican (historial n.º {generado.historial_id})."
        )


def _escribir(destino: Path, contenido: bytes) -> None:
    temporal = destino.with_name(destino.name + ".tmp")
    try:
        temporal.write_bytes(contenido)
        temporal.replace(destino)
    except OSError as error:
        temporal.unlink(missing_ok=True)
        raise click.ClickException(f"No se pudo escribir {destino}: {error.strerror}.") from error


def registrar(app: Flask) -> None:
    app.cli.add_command(reporte)
