"""Reporte de fidelización: agregación en SQL, forma y libro Excel con pandas + openpyxl."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from operator import attrgetter
from typing import IO, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
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
ANCHOS = (12, 20, 24, 24, 32, 18, 14, 22, 22)


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
    """Las filas con la forma del libro: textos a salvo de fórmulas, monto decimal a número y la
    fecha en hora de Bogotá sin zona (Excel no guarda zonas). Vectorizado por columna."""
    valores = attrgetter(*COLUMNAS)
    marco = pd.DataFrame.from_records([valores(fila) for fila in filas], columns=list(COLUMNAS))
    for columna in ("nombre", "apellido", "correo", "telefono"):
        marco[columna] = marco[columna].fillna("").map(neutralizar)
    # Excel guarda números binarios: el monto ya viene redondeado al centavo desde SQL.
    marco["monto_total"] = marco["monto_total"].astype("float64")
    marco["numero_compras"] = marco["numero_compras"].astype("int64")
    marco["fecha_ultima_compra"] = [
        a_bogota(instante).replace(tzinfo=None) for instante in marco["fecha_ultima_compra"]
    ]
    return marco


def _celda(hoja: Any, valor: Any = None, **estilo: Any) -> Cell:
    celda = WriteOnlyCell(hoja, valor)
    for atributo, valor_estilo in estilo.items():
        setattr(celda, atributo, valor_estilo)
    return celda


def _escribir_clientes(hoja: Any, marco: pd.DataFrame, titulo: list[str]) -> None:
    """Título, aviso, encabezado y filas, en orden: la hoja se escribe en flujo (write-only).

    `hoja` es un WriteOnlyWorksheet (sus stubs no declaran column_dimensions ni auto_filter).
    """
    ultima_columna = get_column_letter(len(COLUMNAS))
    for indice, ancho in enumerate(ANCHOS, start=1):
        hoja.column_dimensions[get_column_letter(indice)].width = ancho
    hoja.freeze_panes = f"A{FILA_ENCABEZADO + 1}"
    hoja.auto_filter.ref = (
        f"A{FILA_ENCABEZADO}:{ultima_columna}{FILA_ENCABEZADO + max(len(marco), 1)}"
    )
    for indice, linea in enumerate(titulo, start=1):
        fuente = Font(bold=indice == 1, size=14 if indice == 1 else 11)
        hoja.append([_celda(hoja, linea, font=fuente)])
    aviso = [] if len(marco) else [_celda(hoja, SIN_CLIENTES, font=Font(bold=True, italic=True))]
    hoja.append(aviso)
    relleno = PatternFill("solid", start_color="1F4E78")
    hoja.append(
        [
            _celda(
                hoja,
                etiqueta,
                font=Font(bold=True, color="FFFFFF"),
                fill=relleno,
                alignment=Alignment(wrap_text=True, vertical="center"),
            )
            for etiqueta in COLUMNAS.values()
        ]
    )
    # Una celda con estilo por columna con formato, reutilizada en cada fila: el estilo se resuelve
    # una vez y cada fila se serializa al agregarla.
    monto = _celda(hoja, number_format=FORMATO_COP)
    fecha = _celda(hoja, number_format=FORMATO_FECHA)
    columnas = [marco[columna].tolist() for columna in COLUMNAS]
    for *textos, compras, total, ultima in zip(*columnas, strict=True):
        monto.value = total
        fecha.value = ultima
        hoja.append([*textos, compras, monto, fecha])


def escribir_excel(
    filas: list[FilaFidelizacion],
    mes: Mes,
    umbral: Decimal,
    generado_por: str,
    generado_en: datetime,
    destino: str | IO[bytes],
) -> None:
    """Libro con la hoja de clientes (título, encabezado fijo, filtros, formato COP) y un resumen.

    Libro de solo escritura de openpyxl: memoria constante y sin objetos de celda por fila.
    """
    cuando = a_bogota(generado_en).strftime("%Y-%m-%d %H:%M")
    titulo = [
        f"Reporte de fidelización — {mes.nombre_largo()}",
        f"Periodo: {mes} (calendario de Bogotá). Compras pagadas del mes.",
        f"Umbral: monto total estrictamente mayor que {pesos(umbral)}",
        f"Generado el {cuando} (hora de Bogotá) por {generado_por}",
    ]
    total = sum((f.monto_total for f in filas), Decimal("0.00"))
    libro = Workbook(write_only=True)
    _escribir_clientes(libro.create_sheet(HOJA_CLIENTES), _marco(filas), titulo)
    hoja_resumen = libro.create_sheet(HOJA_RESUMEN)
    hoja_resumen.column_dimensions["A"].width = 48
    hoja_resumen.column_dimensions["B"].width = 30
    negrita = Font(bold=True)
    hoja_resumen.append(
        [
            _celda(hoja_resumen, "Concepto", font=negrita),
            _celda(hoja_resumen, "Valor", font=negrita),
        ]
    )
    for concepto, valor in (
        ("Periodo", str(mes)),
        ("Umbral (COP)", _celda(hoja_resumen, float(umbral), number_format=FORMATO_COP)),
        ("Clientes que califican", len(filas)),
        (
            "Monto total de los clientes que califican (COP)",
            _celda(hoja_resumen, float(total), number_format=FORMATO_COP),
        ),
        ("Generado", cuando),
        ("Generado por", neutralizar(generado_por)),
        ("Observación", SIN_CLIENTES if not filas else ""),
    ):
        hoja_resumen.append([concepto, valor])
    libro.save(destino)
