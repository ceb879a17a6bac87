"""Exportación de la ficha de un cliente en CSV (UTF-8 con BOM), XLSX y TXT, a salvo de fórmulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from services.tiempo_service import a_bogota, hoy_bogota

FORMATOS = ("csv", "xlsx", "txt")
PREFIJOS_FORMULA = ("=", "+", "-", "@", "\t", "\r")
FORMATO_COP = '"$" #,##0.00'
FORMATO_FECHA = "yyyy-mm-dd hh:mm"

CAMPOS_CLIENTE = (
    ("tipo_documento", "Tipo de documento"),
    ("numero_documento", "Número de documento"),
    ("nombre", "Nombre"),
    ("apellido", "Apellido"),
    ("correo", "Correo"),
    ("telefono", "Teléfono"),
    ("ciudad", "Ciudad"),
    ("direccion", "Dirección"),
    ("fecha_registro", "Fecha de registro"),
)
CAMPOS_COMPRA = (
    ("numero_factura", "Número de factura"),
    ("fecha", "Fecha"),
    ("total", "Total (COP)"),
    ("estado", "Estado"),
    ("canal", "Canal"),
    ("tienda", "Tienda"),
)
TIPOS_MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class ArchivoExportado:
    nombre: str
    tipo_mime: str
    contenido: bytes


def neutralizar(valor: str) -> str:
    """Antepone un apóstrofo a un texto que una hoja de cálculo ejecutaría como fórmula."""
    return "'" + valor if valor.startswith(PREFIJOS_FORMULA) else valor


def texto(valor: Any) -> str:
    """Representación legible y segura de un valor para CSV y TXT."""
    if valor is None:
        return ""
    if isinstance(valor, datetime):
        return a_bogota(valor).strftime("%Y-%m-%d %H:%M")
    if isinstance(valor, Decimal):
        return f"{valor:.2f}"
    return neutralizar(str(valor))


def pesos(valor: Decimal) -> str:
    """Formato colombiano: $ 1.234.567,89."""
    entero, decimales = f"{valor:,.2f}".split(".")
    return f"$ {entero.replace(',', '.')},{decimales}"


def nombre_archivo(cliente: dict[str, Any], formato: str) -> str:
    return (
        f"cliente_{cliente['tipo_documento']}_{cliente['numero_documento']}_"
        f"{hoy_bogota().isoformat()}.{formato}"
    )


def a_csv(cliente: dict[str, Any], compras: list[dict[str, Any]]) -> bytes:
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow([etiqueta for _, etiqueta in CAMPOS_CLIENTE])
    escritor.writerow([texto(cliente[campo]) for campo, _ in CAMPOS_CLIENTE])
    escritor.writerow([])
    escritor.writerow([etiqueta for _, etiqueta in CAMPOS_COMPRA])
    for compra in compras:
        escritor.writerow([texto(compra[campo]) for campo, _ in CAMPOS_COMPRA])
    return salida.getvalue().encode("utf-8-sig")


def _celda_xlsx(valor: Any) -> Any:
    if isinstance(valor, datetime):
        return a_bogota(valor).replace(tzinfo=None)
    if isinstance(valor, str):
        return neutralizar(valor)
    return valor


def a_xlsx(cliente: dict[str, Any], compras: list[dict[str, Any]]) -> bytes:
    libro = Workbook()
    hoja_cliente = libro.active
    assert hoja_cliente is not None
    hoja_cliente.title = "Cliente"
    hoja_cliente.append(["Campo", "Valor"])
    for campo, etiqueta in CAMPOS_CLIENTE:
        hoja_cliente.append([etiqueta, _celda_xlsx(cliente[campo])])
        if isinstance(cliente[campo], datetime):
            hoja_cliente.cell(hoja_cliente.max_row, 2).number_format = FORMATO_FECHA
    hoja_compras = libro.create_sheet("Compras")
    hoja_compras.append([etiqueta for _, etiqueta in CAMPOS_COMPRA])
    for compra in compras:
        hoja_compras.append([_celda_xlsx(compra[campo]) for campo, _ in CAMPOS_COMPRA])
    for fila in hoja_compras.iter_rows(min_row=2, min_col=2, max_col=3):
        fila[0].number_format = FORMATO_FECHA
        fila[1].number_format = FORMATO_COP
    for hoja in (hoja_cliente, hoja_compras):
        for celda in hoja[1]:
            celda.font = Font(bold=True)
        hoja.freeze_panes = "A2"
        for indice in range(1, hoja.max_column + 1):
            hoja.column_dimensions[get_column_letter(indice)].width = 24
        for fila in hoja.iter_rows():
            for celda in fila:
                if isinstance(celda.value, str):
                    celda.data_type = "s"  # nunca una fórmula
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def a_txt(cliente: dict[str, Any], compras: list[dict[str, Any]]) -> bytes:
    ancho = max(len(etiqueta) for _, etiqueta in CAMPOS_CLIENTE)
    lineas = ["FICHA DE CLIENTE - SAC Ríos del Desierto", "=" * 60]
    lineas += [
        f"{etiqueta:<{ancho}} : {texto(cliente[campo])}" for campo, etiqueta in CAMPOS_CLIENTE
    ]
    lineas += ["", f"COMPRAS ({len(compras)})", "=" * 60]
    filas = [
        [
            texto(c["numero_factura"]),
            texto(c["fecha"]),
            pesos(c["total"]),
            texto(c["estado"]),
            texto(c["canal"]),
            texto(c["tienda"]),
        ]
        for c in compras
    ]
    encabezado = [etiqueta for _, etiqueta in CAMPOS_COMPRA]
    anchos = [max(len(f[i]) for f in [encabezado, *filas]) for i in range(len(encabezado))]
    a_la_derecha = {2}  # el total se alinea a la derecha
    for fila in [encabezado, ["-" * a for a in anchos], *filas]:
        celdas = (
            v.rjust(anchos[i]) if i in a_la_derecha else v.ljust(anchos[i])
            for i, v in enumerate(fila)
        )
        lineas.append("  ".join(celdas).rstrip())
    if not compras:
        lineas.append("(El cliente no tiene compras registradas.)")
    return ("\r\n".join(lineas) + "\r\n").encode("utf-8")


ESCRITORES: dict[str, Callable[[dict[str, Any], list[dict[str, Any]]], bytes]] = {
    "csv": a_csv,
    "xlsx": a_xlsx,
    "txt": a_txt,
}


def exportar(
    cliente: dict[str, Any], compras: list[dict[str, Any]], formato: str
) -> ArchivoExportado:
    """Genera el archivo del formato pedido (csv, xlsx o txt)."""
    return ArchivoExportado(
        nombre=nombre_archivo(cliente, formato),
        tipo_mime=TIPOS_MIME[formato],
        contenido=ESCRITORES[formato](cliente, compras),
    )
