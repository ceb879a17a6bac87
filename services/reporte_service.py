"""Reporte de fidelización: agregación en SQL, forma y libro Excel con pandas + openpyxl."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import IO, Any

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Cliente, Compra, TipoDocumento
from models.base import Dinero
from services.exportacion_service import FORMATO_COP, neutralizar, pesos
from services.tiempo_service import Mes, a_bogota

COLUMNAS = {
    "tipo_documento": "Tipo de documento",
    "numero_documento": "Número de documento",
    "nombre": "Nombre",
    "apellido": "Apellido",
    "correo": "Correo",
    "telefono": "Teléfono",
    "numero_compras": "Número de compras del mes",
    "monto_total": "Monto total del mes (COP)",
    "fecha_ultima_compra": "Fecha de la última compra del mes",
}
HOJA_CLIENTES = "Fidelización"
HOJA_RESUMEN = "Resumen"
FILA_ENCABEZADO = 6  # filas 1-4: título y metadatos; 5: aviso si no hay clientes
SIN_CLIENTES = "Ningún cliente superó el umbral en el periodo."
FORMATO_FECHA = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class FilaFidelizacion:
    tipo_documento: str
    numero_documento: str
    nombre: str
    apellido: str
    correo: str | None
    telefono: str | None
    numero_compras: int
    monto_total: Decimal
    fecha_ultima_compra: datetime


def consultar_fidelizacion(sesion: Session, mes: Mes, umbral: Decimal) -> list[FilaFidelizacion]:
    """Una sola consulta agregada: clientes con compras pagadas del mes por encima del umbral."""
    inicio, fin = mes.rango_utc()
    # Redondeo en SQL: en motores sin decimal nativo la suma no acumula error binario.
    monto = func.round(func.sum(Compra.total), 2, type_=Dinero())
    por_cliente = (
        select(
            Compra.cliente_id.label("cliente_id"),
            func.count().label("numero_compras"),
            monto.label("monto_total"),
            func.max(Compra.fecha).label("fecha_ultima_compra"),
        )
        .where(Compra.estado == "pagada", Compra.fecha >= inicio, Compra.fecha < fin)
        .group_by(Compra.cliente_id)
        .having(monto > umbral)
        .subquery()
    )
    consulta = (
        select(
            TipoDocumento.codigo,
            Cliente.numero_documento,
            Cliente.nombre,
            Cliente.apellido,
            Cliente.correo,
            Cliente.telefono,
            por_cliente.c.numero_compras,
            por_cliente.c.monto_total,
            por_cliente.c.fecha_ultima_compra,
        )
        .join(Cliente, Cliente.id == por_cliente.c.cliente_id)
        .join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
        .order_by(por_cliente.c.monto_total.desc(), Cliente.id)
    )
    return [FilaFidelizacion(*fila) for fila in sesion.execute(consulta)]


def resumen(filas: list[FilaFidelizacion], mes: Mes, umbral: Decimal) -> dict[str, Any]:
    """Los datos del reporte como JSON para la vista previa."""
    return {
        "mes": str(mes),
        "umbral": umbral,
        "cantidad_clientes": len(filas),
        "monto_total": sum((f.monto_total for f in filas), Decimal("0.00")),
        "clientes": [
            {
                **{columna: getattr(fila, columna) for columna in COLUMNAS},
                "fecha_ultima_compra": a_bogota(fila.fecha_ultima_compra),
            }
            for fila in filas
        ],
    }


def _marco(filas: list[FilaFidelizacion]) -> pd.DataFrame:
    marco = pd.DataFrame(
        [
            {
                "tipo_documento": f.tipo_documento,
                "numero_documento": f.numero_documento,
                "nombre": neutralizar(f.nombre),
                "apellido": neutralizar(f.apellido),
                "correo": neutralizar(f.correo or ""),
                "telefono": neutralizar(f.telefono or ""),
                "numero_compras": f.numero_compras,
                "monto_total": f.monto_total,
                "fecha_ultima_compra": a_bogota(f.fecha_ultima_compra).replace(tzinfo=None),
            }
            for f in filas
        ],
        columns=list(COLUMNAS),
    )
    # Excel guarda números binarios: el monto ya viene redondeado al centavo desde SQL.
    marco["monto_total"] = marco["monto_total"].astype("float64")
    marco["numero_compras"] = marco["numero_compras"].astype("int64")
    return marco.rename(columns=COLUMNAS)


def _dar_formato(hoja: Worksheet, cantidad: int, titulo: list[str]) -> None:
    for indice, linea in enumerate(titulo, start=1):
        hoja.cell(indice, 1, linea).font = Font(bold=indice == 1, size=14 if indice == 1 else 11)
    ultima_columna = get_column_letter(len(COLUMNAS))
    ultima_fila = FILA_ENCABEZADO + max(cantidad, 1)
    relleno = PatternFill("solid", start_color="1F4E78")
    for celda in hoja[FILA_ENCABEZADO]:
        celda.font = Font(bold=True, color="FFFFFF")
        celda.fill = relleno
        celda.alignment = Alignment(wrap_text=True, vertical="center")
    for fila in hoja.iter_rows(min_row=FILA_ENCABEZADO + 1, max_row=FILA_ENCABEZADO + cantidad):
        fila[7].number_format = FORMATO_COP
        fila[8].number_format = FORMATO_FECHA
        for celda in fila[:6]:
            celda.data_type = "s"  # documentos y contactos siempre como texto
    hoja.freeze_panes = f"A{FILA_ENCABEZADO + 1}"
    hoja.auto_filter.ref = f"A{FILA_ENCABEZADO}:{ultima_columna}{ultima_fila}"
    for indice, ancho in enumerate((12, 20, 24, 24, 32, 18, 14, 22, 22), start=1):
        hoja.column_dimensions[get_column_letter(indice)].width = ancho


def escribir_excel(
    filas: list[FilaFidelizacion],
    mes: Mes,
    umbral: Decimal,
    generado_por: str,
    generado_en: datetime,
    destino: str | IO[bytes],
) -> None:
    """Libro con la hoja de clientes (título, encabezado fijo, filtros, formato COP) y un resumen."""
    cuando = a_bogota(generado_en).strftime("%Y-%m-%d %H:%M")
    titulo = [
        f"Reporte de fidelización — {mes.nombre_largo()}",
        f"Periodo: {mes} (calendario de Bogotá). Compras pagadas del mes.",
        f"Umbral: monto total estrictamente mayor que {pesos(umbral)}",
        f"Generado el {cuando} (hora de Bogotá) por {generado_por}",
    ]
    total = sum((f.monto_total for f in filas), Decimal("0.00"))
    filas_resumen = pd.DataFrame(
        {
            "Concepto": [
                "Periodo",
                "Umbral (COP)",
                "Clientes que califican",
                "Monto total de los clientes que califican (COP)",
                "Generado",
                "Generado por",
                "Observación",
            ],
            "Valor": [
                str(mes),
                float(umbral),
                len(filas),
                float(total),
                cuando,
                neutralizar(generado_por),
                SIN_CLIENTES if not filas else "",
            ],
        }
    )
    with pd.ExcelWriter(destino, engine="openpyxl") as escritor:
        _marco(filas).to_excel(
            escritor, sheet_name=HOJA_CLIENTES, index=False, startrow=FILA_ENCABEZADO - 1
        )
        filas_resumen.to_excel(escritor, sheet_name=HOJA_RESUMEN, index=False)
        hoja = escritor.sheets[HOJA_CLIENTES]
        _dar_formato(hoja, len(filas), titulo)
        if not filas:
            hoja.cell(FILA_ENCABEZADO - 1, 1, SIN_CLIENTES).font = Font(bold=True, italic=True)
        hoja_resumen = escritor.sheets[HOJA_RESUMEN]
        hoja_resumen.column_dimensions["A"].width = 48
        hoja_resumen.column_dimensions["B"].width = 30
        for celda in ("B3", "B5"):
            hoja_resumen[celda].number_format = FORMATO_COP
        for celda in hoja_resumen[1]:
            celda.font = Font(bold=True)
