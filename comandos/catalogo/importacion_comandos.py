"""`flask --app app catalogo importar`: carga productos y establecimientos desde CSV o XLSX."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from comandos.comunes import ejecutar, informar_importacion, pasarela, progreso
from controllers.catalogo import importacion_controller

catalogo = AppGroup("catalogo", help="Catálogo (M7): productos, establecimientos y portafolios.")

AYUDA = """Importa productos y establecimientos desde archivos CSV o XLSX.

\b
Columnas (la fila 1 es el encabezado; mayúsculas y espacios no importan):
  productos:        codigo, nombre, categoria, precio, iva
                    (opcionales: marca, presentacion)
  establecimientos: nombre, tipo, ciudad, departamento, direccion
                    (opcionales: nit, telefono, latitud, longitud, vendedor)

\b
Reglas (las mismas de la API):
  - codigo: 3 a 30 de A-Z, 0-9 y guion; se guarda en mayúsculas (Ñ y tildes
    se rechazan). precio en pesos, mayor que 0, con punto decimal (4500.50).
    iva: 0, 5 o 19.
  - tipo: TIENDA, MINIMERCADO, SUPERMERCADO, PANADERIA o DROGUERIA.
  - nit con o sin dígito de verificación (si viene, debe cumplir la regla DIAN).
  - latitud y longitud juntas, en grados decimales con punto y dentro de
    Colombia (latitud -4.3 a 13.5; longitud -82.0 a -66.8).
  - vendedor: el usuario (login) de un vendedor activo.
  - Se actualiza por codigo (productos) y por nit o, sin nit, por nombre +
    ciudad + direccion (establecimientos): reimportar no cambia nada.
  - Primero los productos y luego los establecimientos, en UNA transacción.

\b
Resultado:
  - Sin --parcial, si alguna fila tiene errores no se escribe nada, se listan
    los errores (archivo, fila, campo y motivo) y el código de salida es 1.
  - Con --parcial se guardan las filas válidas y el código de salida es 1 si
    se omitió alguna.
"""


@catalogo.command(
    "importar", help=AYUDA, short_help="Importa productos y establecimientos (CSV o XLSX)."
)
@click.option(
    "--productos",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archivo .csv o .xlsx de productos.",
)
@click.option(
    "--establecimientos",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archivo .csv o .xlsx de establecimientos.",
)
@click.option(
    "--parcial",
    is_flag=True,
    help="Guarda las filas válidas y omite las que tienen errores (sale con 1 si omitió alguna).",
)
def importar(productos: Path | None, establecimientos: Path | None, parcial: bool) -> None:
    if productos is None and establecimientos is None:
        raise click.UsageError("Indique al menos un archivo con --productos o --establecimientos.")
    resultado = ejecutar(
        lambda: importacion_controller.importar(
            pasarela(), productos, establecimientos, parcial, progreso
        ),
        " No se escribió nada.",
    )
    informar_importacion(resultado)
