"""`flask --app app importar`: carga clientes y compras de la empresa desde CSV o XLSX."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from controllers import importacion_controller
from controllers.importacion_controller import ResultadoImportacion
from errores import ErrorSac

ERRORES_MOSTRADOS = 50

AYUDA = """Importa clientes y compras desde archivos CSV o XLSX.

\b
Columnas (la fila 1 es el encabezado; mayúsculas y espacios no importan):
  clientes: tipo_documento, numero_documento, nombre, apellido, correo,
            telefono (opcionales: ciudad, direccion)
  compras:  tipo_documento, numero_documento, numero_factura, fecha, total,
            estado (opcionales: canal, tienda)

\b
Reglas:
  - CSV en UTF-8 (con o sin BOM), separado por "," o ";"; XLSX: primera hoja.
  - Se procesan primero los clientes y luego las compras; cada compra debe
    referirse a un cliente que ya exista o que venga en el archivo de clientes.
  - Se actualiza por documento (clientes) y por numero_factura (compras):
    reimportar el mismo archivo no cambia nada.
  - Si una misma clave aparece dos veces en un archivo, gana la fila posterior.
  - fecha en ISO 8601 (2026-10-31T23:30:00); sin desfase es hora de Bogotá;
    una fecha sin hora (2026-10-31) se toma como las 00:00 de Bogotá.
  - total con punto decimal y sin separador de miles (1234567.89).
  - NIT con o sin dígito de verificación (si viene, se valida y no se guarda).
  - telefono: colombiano de 10 dígitos (se guarda como +57...) o con + y el
    código del país; el correo se guarda en minúsculas.

\b
Resultado:
  - Sin --parcial, todo ocurre en una sola transacción: si alguna fila tiene
    errores no se escribe nada, se listan los errores y el código de salida es 1.
  - Con --parcial se guardan las filas válidas, se listan las rechazadas y el
    código de salida es 1 si se omitió alguna fila (0 si todas eran válidas).
"""


def _miles(numero: int) -> str:
    return f"{numero:,}".replace(",", ".")


def _progreso(archivo: str, filas: int) -> None:
    click.echo(f"{archivo}: {_miles(filas)} filas procesadas", err=True)


def _informar(resultado: ResultadoImportacion) -> None:
    for error in resultado.errores[:ERRORES_MOSTRADOS]:
        click.echo(str(error), err=True)
    restantes = resultado.total_errores - min(len(resultado.errores), ERRORES_MOSTRADOS)
    if restantes > 0:
        click.echo(f"... y {_miles(restantes)} errores más.", err=True)
    for resumen in resultado.archivos:
        click.echo(
            f"{resumen.archivo} ({resumen.entidad}): {_miles(resumen.insertadas)} insertadas, "
            f"{_miles(resumen.actualizadas)} actualizadas, {_miles(resumen.sin_cambios)} sin "
            f"cambios, {_miles(resumen.rechazadas)} rechazadas."
        )


@click.command("importar", help=AYUDA, short_help="Importa clientes y compras (CSV o XLSX).")
@click.option(
    "--clientes",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archivo .csv o .xlsx de clientes.",
)
@click.option(
    "--compras",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archivo .csv o .xlsx de compras.",
)
@click.option(
    "--parcial",
    is_flag=True,
    help="Guarda las filas válidas y omite las que tienen errores (sale con 1 si omitió alguna).",
)
@with_appcontext
def importar(clientes: Path | None, compras: Path | None, parcial: bool) -> None:
    if clientes is None and compras is None:
        raise click.UsageError("Indique al menos un archivo con --clientes o --compras.")
    try:
        resultado = importacion_controller.importar(
            current_app.extensions["sac_db"], clientes, compras, parcial, _progreso
        )
    except ErrorSac as error:
        raise click.ClickException(f"{error.mensaje} No se escribió nada.") from error
    _informar(resultado)
    if not resultado.confirmada:
        click.echo(
            f"Importación cancelada: {_miles(resultado.rechazadas)} fila(s) con errores; no se "
            "escribió nada. Corrija el archivo o use --parcial para guardar solo las válidas.",
            err=True,
        )
        click.get_current_context().exit(1)
    if resultado.rechazadas:
        click.echo(
            f"Importación parcial: se guardaron las filas válidas y se omitieron "
            f"{_miles(resultado.rechazadas)} fila(s) con errores.",
            err=True,
        )
        click.get_current_context().exit(1)
    click.echo("Importación completada.")


def registrar(app: Flask) -> None:
    app.cli.add_command(importar)
