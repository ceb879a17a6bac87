"""`flask --app app importar`: carga clientes y compras de la empresa desde CSV o XLSX."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from comandos.comunes import ejecutar, informar_importacion, pasarela, progreso
from controllers import importacion_controller

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
    resultado = ejecutar(
        lambda: importacion_controller.importar(pasarela(), clientes, compras, parcial, progreso),
        " No se escribió nada.",
    )
    informar_importacion(resultado)


def registrar(app: Flask) -> None:
    app.cli.add_command(importar)
