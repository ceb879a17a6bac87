"""`flask --app app correos enviar`: despacha la bandeja de salida (para cron o un timer)."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from comandos.comunes import errores_de_dominio, pasarela
from controllers import correo_controller

correos = AppGroup("correos", help="Bandeja de salida de correos.")


@correos.command("enviar")
@click.option(
    "--limite",
    type=click.IntRange(1, 10_000),
    default=500,
    show_default=True,
    help="Máximo de correos a enviar en esta corrida.",
)
def enviar(limite: int) -> None:
    """Envía los correos pendientes cuyo turno llegó; los que fallan se reintentan luego.

    \b
    Con SMTP_HOST envía por SMTP; sin él (desarrollo) escribe archivos .eml en
    CARPETA_CORREOS. Un error temporal (servidor caído) deja el correo pendiente
    con una espera creciente (1, 2, 4... minutos, máximo una hora); un rechazo
    definitivo (destinatario inexistente) o 8 intentos lo dejan como fallido.
    Sale con 1 si algún correo falló en esta corrida.
    """
    with errores_de_dominio():
        resumen = correo_controller.enviar_pendientes(
            pasarela(),
            current_app.extensions["sac_email"],
            correo_controller.remitente(current_app.config),
            limite=limite,
        )
    for error in resumen.errores:
        click.echo(error, err=True)
    click.echo(
        f"Correos enviados: {resumen.enviados}; para reintentar: {resumen.reintentar}; "
        f"fallidos: {resumen.fallidos}."
    )
    if resumen.reintentar or resumen.fallidos:
        click.get_current_context().exit(1)


def registrar(app: Flask) -> None:
    app.cli.add_command(correos)
