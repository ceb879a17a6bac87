"""M8 Entregas: comandos de la CLI (`flask --app app entregas ...`): dispositivos y simulador."""

from __future__ import annotations

import os

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from comandos.comunes import errores_de_dominio, pasarela
from controllers.auditoria_controller import ContextoAuditoria
from controllers.entregas import demo_controller, dispositivo_controller, simulador_controller

# Errores del simulador que se imprimen; del resto se dice cuántos quedaron sin mostrar.
ERRORES_MOSTRADOS = 20

entregas = AppGroup("entregas", help="M8 Entregas: claves de dispositivos y simulador de pedidos.")
dispositivo = AppGroup(
    "dispositivo", help="Dispositivos autorizados a registrar entregas (clave X-Api-Key)."
)
entregas.add_command(dispositivo)


def _contexto() -> ContextoAuditoria:
    return ContextoAuditoria(None, "cli", current_app.config["SECRET_KEY"])


@dispositivo.command("crear")
@click.option("--nombre", required=True, help="Nombre único del dispositivo (1 a 60 caracteres).")
@click.option(
    "--firmar",
    is_flag=True,
    help="Además de la clave, cada petición debe llevar X-Firma (HMAC-SHA256 del cuerpo).",
)
def crear(nombre: str, firmar: bool) -> None:
    """Crea un dispositivo e imprime su clave UNA sola vez (última línea de la salida).

    \b
    La clave no se guarda en claro (solo su huella SHA-256; con --firmar, además
    cifrada con SECRET_KEY para poder verificar la firma): si se pierde, revoque
    el dispositivo y cree otro.
    """
    with errores_de_dominio():
        clave = dispositivo_controller.crear(
            pasarela(), nombre, firmar, current_app.config["SECRET_KEY"], _contexto()
        )
    click.echo(
        f"Dispositivo {nombre.strip()} creado{' (debe firmar con X-Firma)' if firmar else ''}."
    )
    click.echo("Guarde esta clave ahora: no se vuelve a mostrar. Envíela en la cabecera X-Api-Key.")
    click.echo(clave)


@dispositivo.command("listar")
def listar() -> None:
    """Lista los dispositivos (nunca muestra claves); los revocados quedan marcados."""
    with errores_de_dominio():
        dispositivos = dispositivo_controller.listar(pasarela())
    if not dispositivos:
        click.echo("No hay dispositivos. Cree uno con: flask --app app entregas dispositivo crear")
        return
    click.echo(f"{len(dispositivos)} dispositivo(s):")
    for d in dispositivos:
        estado = f"REVOCADO el {d.revocado_en:%Y-%m-%d %H:%M}" if d.revocado_en else "activo"
        marcas = ", ".join(m for m, si in (("firma", d.firmar), ("demostración", d.demo)) if si)
        click.echo(
            f"{d.nombre}\t{estado}\tcreado {d.creado_en:%Y-%m-%d %H:%M}"
            + (f"\t{marcas}" if marcas else "")
        )


@dispositivo.command("revocar")
@click.argument("nombre")
def revocar(nombre: str) -> None:
    """Revoca el dispositivo NOMBRE: su clave deja de servir de inmediato (401)."""
    with errores_de_dominio():
        revocado = dispositivo_controller.revocar(pasarela(), nombre, _contexto())
    click.echo(
        f"Dispositivo {nombre} revocado."
        if revocado
        else f"El dispositivo {nombre} ya estaba revocado."
    )


@entregas.command("simular")
@click.option(
    "--url",
    default=lambda: f"http://127.0.0.1:{os.environ.get('PORT', '5000')}/registrar_pedido_entregado",
    show_default="http://127.0.0.1:$PORT/registrar_pedido_entregado",
    help="Dirección de la ingesta.",
)
@click.option(
    "--clave",
    envvar="ENTREGAS_CLAVE",
    default=None,
    help="Clave del dispositivo (o ENTREGAS_CLAVE); en desarrollo, la del dispositivo demo.",
)
@click.option(
    "--por-segundo",
    type=click.FloatRange(0.01, 1000),
    default=0.2,
    show_default=True,
    help="Pedidos por segundo (el script del cliente: uno cada 5 s = 0.2).",
)
@click.option(
    "--duracion",
    type=click.FloatRange(0, 86_400),
    default=60,
    show_default=True,
    help="Segundos de simulación.",
)
@click.option("--firmar", is_flag=True, help="Firma cada petición (dispositivos con --firmar).")
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 120),
    default=5,
    show_default=True,
    help="Segundos de espera por respuesta.",
)
@click.option(
    "--reintentos",
    type=click.IntRange(0, 10),
    default=3,
    show_default=True,
    help="Reintentos por pedido (mismo pedido_id).",
)
@click.option("--semilla", type=int, default=None, help="Semilla del azar (pedidos repetibles).")
@click.option("--silencioso", is_flag=True, help="Solo el resumen, sin una línea por pedido.")
def simular(
    url: str,
    clave: str | None,
    por_segundo: float,
    duracion: float,
    firmar: bool,
    timeout: float,
    reintentos: int,
    semilla: int | None,
    silencioso: bool,
) -> None:
    """Envía pedidos como el script del cliente (con su error de catálogo corregido).

    \b
    Cada pedido se reintenta con el mismo pedido_id si no hay respuesta, hay un
    error 5xx o un 429 (respeta Retry-After). Al final imprime un resumen; sale
    con 1 si algún pedido se rechazó o no se pudo registrar.
    """
    if not clave:
        if current_app.config["APP_ENV"] == "production":
            raise click.UsageError(
                "Indique --clave (o ENTREGAS_CLAVE) con la clave del dispositivo."
            )
        clave = demo_controller.CLAVE_DEMO
    opciones = simulador_controller.OpcionesSimulacion(
        url, clave, por_segundo, duracion, firmar, timeout, reintentos, semilla
    )
    with errores_de_dominio():
        resumen = simulador_controller.simular(
            pasarela(), opciones, al_enviar=None if silencioso else click.echo
        )
    for error in resumen.errores[:ERRORES_MOSTRADOS]:
        click.echo(error, err=True)
    if len(resumen.errores) > ERRORES_MOSTRADOS:
        click.echo(f"... y {len(resumen.errores) - ERRORES_MOSTRADOS} errores más.", err=True)
    p50, p95, maximo = resumen.latencia()
    click.echo(
        f"Pedidos: {resumen.pedidos}; registrados: {resumen.registrados}; duplicados: "
        f"{resumen.duplicados}; rechazados: {resumen.rechazados}; sin registrar: "
        f"{resumen.fallidos}; reintentos: {resumen.reintentos}."
    )
    click.echo(
        f"Unidades: {resumen.unidades}; total: {resumen.total} (moneda del seed 002). "
        f"Latencia ms p50/p95/máx: {p50}/{p95}/{maximo}."
    )
    if resumen.rechazados or resumen.fallidos:
        click.get_current_context().exit(1)


def registrar(app: Flask) -> None:
    """Agrega los comandos del módulo a la app."""
    app.cli.add_command(entregas)
