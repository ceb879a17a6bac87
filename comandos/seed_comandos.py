"""`flask --app app seed`: datos de demostración deterministas relativos al día de hoy (Bogotá)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from clients.base_datos_client import BaseDatosClient
from comandos.comunes import errores_de_dominio, pasarela
from controllers import demo_controller
from controllers.catalogo import demo_controller as demo_catalogo
from controllers.cuponeras import demo_controller as demo_cuponeras
from controllers.entregas import demo_controller as entregas_demo
from controllers.importacion_controller import ResumenArchivo
from services.tiempo_service import ahora_utc

AYUDA = """Siembra datos de demostración colombianos (clientes, compras, usuarios y catálogo).

\b
Los datos dependen del día de Bogotá en que se ejecuta: el mismo día produce
los mismos datos, y el mes anterior siempre tiene clientes que califican para
el reporte de fidelización, otros justo en el umbral o por debajo, compras
anuladas y devueltas, y un cliente de cada tipo de documento.

\b
Catálogo (M7): ~60 productos en 6 categorías, establecimientos de cada tipo
en varias ciudades (seis en la ruta del usuario vendedor) y un portafolio
vigente por tipo, más uno anterior de tienda como historia.

\b
Cuponeras (M6): contratos de cinco clientes fijos, cada uno con dos facturas
pagadas, una vencida y una pendiente; un beneficio disponible; el usuario del
portal cliente@demo.co (verificado) y la cuenta de recaudo.

\b
Repetirlo no duplica nada: actualiza los mismos clientes, facturas, productos
y establecimientos. Los usuarios de demostración (agente, supervisor, admin,
catalogo, vendedor, monitor, cliente@demo.co, recaudo) solo se crean si faltan.
En APP_ENV=production se niega salvo con --forzar.
"""


# La siembra de cada módulo, después de la del SAC (usa sus clientes y el mismo instante); cada
# una es idempotente y devuelve las líneas que informa.
SIEMBRAS_MODULOS: tuple[Callable[[BaseDatosClient, datetime], list[str]], ...] = (
    demo_catalogo.sembrar,
    entregas_demo.sembrar,  # M8: usuario monitor y dispositivo de demostración
    demo_cuponeras.sembrar,  # M6: contratos, facturas, beneficio, usuarios cliente@demo.co y recaudo
)


def _resumen(resumen: ResumenArchivo | None) -> str:
    if resumen is None:
        return ""
    return (
        f"{resumen.entidad}: {resumen.insertadas} nuevas, {resumen.actualizadas} actualizadas, "
        f"{resumen.sin_cambios} sin cambios."
    )


@click.command("seed", help=AYUDA, short_help="Siembra datos de demostración.")
@click.option(
    "--clientes",
    "cantidad",
    type=click.IntRange(0, 1_000_000),
    default=200,
    show_default=True,
    help="Clientes generados además de los fijos de la demostración.",
)
@click.option("--si-vacia", is_flag=True, help="No hace nada si ya hay clientes en la base.")
@click.option("--forzar", is_flag=True, help="Permite sembrar en APP_ENV=production.")
@with_appcontext
def seed(cantidad: int, si_vacia: bool, forzar: bool) -> None:
    instante = ahora_utc()
    with errores_de_dominio():
        resultado = demo_controller.sembrar(
            pasarela(),
            cantidad,
            si_vacia=si_vacia,
            entorno=current_app.config["APP_ENV"],
            forzar=forzar,
            ahora=instante,
        )
    if resultado.omitida:
        click.echo("La base ya tiene clientes: no se sembró nada (--si-vacia).")
        return
    click.echo(_resumen(resultado.clientes))
    click.echo(_resumen(resultado.compras))
    click.echo(f"Clientes fijos de la demostración: {resultado.clientes_fijos}.")
    for usuario, rol, creado in resultado.usuarios:
        click.echo(f"Usuario {usuario} ({rol}): {'creado' if creado else 'ya existía'}.")
    for sembrar_modulo in SIEMBRAS_MODULOS:
        with errores_de_dominio():
            for linea in sembrar_modulo(pasarela(), instante):
                click.echo(linea)


def registrar(app: Flask) -> None:
    app.cli.add_command(seed)
