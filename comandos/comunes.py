"""Lo que comparten los comandos de todos los módulos: errores de dominio como mensajes de la CLI
y el informe de una importación (errores por fila, conteos, código de salida)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click
from flask import current_app

from clients.base_datos_client import BaseDatosClient
from controllers.importacion_controller import ResultadoImportacion
from errores import ErrorSac

T = TypeVar("T")
ERRORES_MOSTRADOS = 50


def pasarela() -> BaseDatosClient:
    """La pasarela de datos de la app (dentro de un comando de Flask)."""
    cliente: BaseDatosClient = current_app.extensions["sac_db"]
    return cliente


@contextmanager
def errores_de_dominio(sufijo: str = "") -> Iterator[None]:
    """Un error de dominio (datos inválidos, conflicto...) sale como mensaje y código 1, sin traza."""
    try:
        yield
    except ErrorSac as error:
        raise click.ClickException(f"{error.mensaje}{sufijo}") from error


def ejecutar(funcion: Callable[[], T], sufijo: str = "") -> T:
    """Corre el caso de uso y convierte sus errores de dominio en errores de la CLI."""
    with errores_de_dominio(sufijo):
        return funcion()


def miles(numero: int) -> str:
    return f"{numero:,}".replace(",", ".")


def progreso(archivo: str, filas: int) -> None:
    """Avance de una importación larga, en la salida de error."""
    click.echo(f"{archivo}: {miles(filas)} filas procesadas", err=True)


def informar_importacion(resultado: ResultadoImportacion) -> None:
    """Imprime errores y conteos, y sale con 1 si no se confirmó o si se omitió alguna fila."""
    for error in resultado.errores[:ERRORES_MOSTRADOS]:
        click.echo(str(error), err=True)
    restantes = resultado.total_errores - min(len(resultado.errores), ERRORES_MOSTRADOS)
    if restantes > 0:
        click.echo(f"... y {miles(restantes)} errores más.", err=True)
    for resumen in resultado.archivos:
        click.echo(
            f"{resumen.archivo} ({resumen.entidad}): {miles(resumen.insertadas)} insertadas, "
            f"{miles(resumen.actualizadas)} actualizadas, {miles(resumen.sin_cambios)} sin "
            f"cambios, {miles(resumen.rechazadas)} rechazadas."
            + (
                f" {miles(resumen.marcados)} teléfono(s) o correo(s) mal formados se guardaron tal "
                "cual y quedan en Calidad de datos."
                if resumen.marcados
                else ""
            )
        )
    if not resultado.confirmada:
        click.echo(
            f"Importación cancelada: {miles(resultado.rechazadas)} fila(s) con errores; no se "
            "escribió nada. Corrija el archivo o use --parcial para guardar solo las válidas.",
            err=True,
        )
        click.get_current_context().exit(1)
    if resultado.rechazadas:
        click.echo(
            f"Importación parcial: se guardaron las filas válidas y se omitieron "
            f"{miles(resultado.rechazadas)} fila(s) con errores.",
            err=True,
        )
        click.get_current_context().exit(1)
    click.echo("Importación completada.")
