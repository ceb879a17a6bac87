"""M6 Cuponeras: importar contratos y facturas, vencer cupones y otorgar beneficios (cron)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from comandos.comunes import ejecutar, informar_importacion, miles, pasarela, progreso
from controllers.cuponeras import (
    beneficio_controller,
    importacion_controller,
    vencimiento_controller,
)

contratos = AppGroup("contratos", help="Cuponeras (M6): contratos de servicio de los clientes.")
facturas = AppGroup("facturas", help="Cuponeras (M6): facturas mensuales de los contratos.")
cupones = AppGroup("cupones", help="Cuponeras (M6): vencimientos y beneficios (para cron).")

_REGLAS_ARCHIVO = """
\b
Resultado (como la importación del SAC):
  - CSV (UTF-8, coma o punto y coma) o XLSX; la fila 1 es el encabezado.
  - Sin --parcial, si alguna fila tiene errores no se escribe nada, se listan
    los errores (archivo, fila, campo y motivo) y el código de salida es 1.
  - Con --parcial se guardan las filas válidas (salida 1 si omitió alguna).
  - Reimportar el mismo archivo no cambia nada.
"""

AYUDA_CONTRATOS = (
    """Importa contratos desde un archivo CSV o XLSX.

\b
Columnas: numero_contrato, tipo_documento, numero_documento, servicio,
          direccion, ciudad, fecha_inicio (opcional: estado)
  - numero_contrato: 6 a 12 dígitos; se actualiza por número.
  - el titular (tipo_documento + numero_documento) debe existir en el SAC y
    no cambia al reimportar.
  - servicio: energia, agua, gas o internet; estado: activo (por defecto),
    suspendido o retirado; fecha_inicio: AAAA-MM-DD, no futura.
"""
    + _REGLAS_ARCHIVO
)

AYUDA_FACTURAS = (
    """Importa facturas desde un archivo CSV o XLSX.

\b
Columnas: numero_contrato, numero_factura, periodo, fecha_emision,
          fecha_vencimiento, valor
  - el contrato debe existir; una factura por contrato y periodo (AAAA-MM).
  - fechas AAAA-MM-DD (vencimiento no anterior a la emisión); valor en pesos
    enteros mayor que 0.
  - cada factura nueva queda pendiente (aunque ya haya vencido: solo
    `cupones vencer` la marca vencida), con su evento en el historial, una
    notificación al portal del titular y su correo en la bandeja.
  - una factura ya importada no se modifica: con otros datos es un error.
"""
    + _REGLAS_ARCHIVO
)

_ARCHIVO = click.Path(dir_okay=False, path_type=Path)
_PARCIAL = click.option(
    "--parcial",
    is_flag=True,
    help="Guarda las filas válidas y omite las que tienen errores (sale con 1 si omitió alguna).",
)


@contratos.command("importar", help=AYUDA_CONTRATOS, short_help="Importa contratos (CSV o XLSX).")
@click.argument("archivo", type=_ARCHIVO)
@_PARCIAL
def importar_contratos(archivo: Path, parcial: bool) -> None:
    resultado = ejecutar(
        lambda: importacion_controller.importar_contratos(pasarela(), archivo, parcial, progreso),
        " No se escribió nada.",
    )
    informar_importacion(resultado)


@facturas.command("importar", help=AYUDA_FACTURAS, short_help="Importa facturas (CSV o XLSX).")
@click.argument("archivo", type=_ARCHIVO)
@_PARCIAL
def importar_facturas(archivo: Path, parcial: bool) -> None:
    resultado = ejecutar(
        lambda: importacion_controller.importar_facturas(pasarela(), archivo, parcial, progreso),
        " No se escribió nada.",
    )
    informar_importacion(resultado)


@cupones.command("vencer")
@click.option(
    "--fecha",
    metavar="AAAA-MM-DD",
    help="El «hoy» de esta corrida (por defecto, hoy en Bogotá).",
)
def vencer(fecha: str | None) -> None:
    """Vence cupones, facturas y beneficios cuyo plazo pasó y avisa lo que vence en 3 días.

    Se puede correr dos veces: lo ya vencido o avisado no se repite.
    """
    resumen = ejecutar(
        lambda: vencimiento_controller.vencer(pasarela(), vencimiento_controller.fecha_de(fecha))
    )
    click.echo(
        f"Vencimientos al {resumen.fecha:%Y-%m-%d}: {miles(resumen.cupones)} cupones, "
        f"{miles(resumen.facturas)} facturas y {miles(resumen.beneficios)} beneficios vencidos; "
        f"{miles(resumen.avisos)} avisos de «por vencer»."
    )


@cupones.command("beneficios")
@click.option(
    "--mes",
    metavar="AAAA-MM",
    help="Mes evaluado, hasta el actual (por defecto, el mes anterior en Bogotá).",
)
def beneficios(mes: str | None) -> None:
    """Otorga los beneficios del mes: pago_oportuno (5 %, hasta $ 50.000) y cliente_fiel (10 %,
    hasta $ 100.000; la regla del reporte de fidelización). Uno por cliente, regla y mes: correrlo
    de nuevo no duplica nada."""
    umbral = current_app.config["UMBRAL_FIDELIZACION"]
    resumen = ejecutar(lambda: beneficio_controller.otorgar(pasarela(), mes, umbral))
    for regla, cantidad in resumen.otorgados.items():
        click.echo(
            f"{resumen.mes} {regla}: {miles(cantidad)} otorgados, "
            f"{miles(resumen.ya_otorgados[regla])} ya tenían el beneficio."
        )
