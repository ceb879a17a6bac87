"""Reporte de fidelización: agregación en SQL y libro Excel en flujo con xlsxwriter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Cliente, Compra, TipoDocumento
from models.base import Dinero
from services.exportacion_service import LibroXlsx, libro_xlsx, neutralizar, pesos
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


def _escribir_clientes(libro: LibroXlsx, filas: list[FilaFidelizacion], titulo: list[str]) -> None:
    """Título, aviso, encabezado y filas, en orden (la hoja se escribe en flujo, fila por fila).

    Textos siempre como texto y neutralizados, monto decimal a número (ya redondeado al centavo
    desde SQL) y la fecha en hora de Bogotá sin zona (Excel no guarda zonas).
    """
    hoja = libro.hoja(HOJA_CLIENTES, ANCHOS, filas_fijas=FILA_ENCABEZADO)  # datos desde A7
    ultima_columna = len(COLUMNAS) - 1
    hoja.autofilter(
        FILA_ENCABEZADO - 1, 0, FILA_ENCABEZADO - 1 + max(len(filas), 1), ultima_columna
    )
    hoja.write_string(0, 0, titulo[0], libro.formato({"bold": True, "font_size": 14}))
    for indice, linea in enumerate(titulo[1:], start=1):
        hoja.write_string(indice, 0, linea)
    if not filas:
        aviso = libro.formato({"bold": True, "italic": True})
        hoja.write_string(FILA_ENCABEZADO - 2, 0, SIN_CLIENTES, aviso)
    encabezado = libro.formato(
        {
            "bold": True,
            "font_color": "#FFFFFF",
            "bg_color": "#1F4E78",
            "pattern": 1,
            "text_wrap": True,
            "valign": "vcenter",
        }
    )
    for columna, etiqueta in enumerate(COLUMNAS.values()):
        hoja.write_string(FILA_ENCABEZADO - 1, columna, etiqueta, encabezado)
    texto, numero, instante = hoja.write_string, hoja.write_number, hoja.write_datetime
    cop, fecha = libro.cop, libro.fecha
    for indice, fila in enumerate(filas, start=FILA_ENCABEZADO):
        textos = (
            fila.tipo_documento,
            fila.numero_documento,
            fila.nombre,
            fila.apellido,
            fila.correo,
            fila.telefono,
        )
        for columna, valor in enumerate(textos):
            if valor:  # sin correo, teléfono o apellido la celda queda vacía
                texto(indice, columna, neutralizar(valor))
        numero(indice, 6, fila.numero_compras)
        numero(indice, 7, float(fila.monto_total), cop)
        instante(indice, 8, a_bogota(fila.fecha_ultima_compra).replace(tzinfo=None), fecha)


def escribir_excel(
    filas: list[FilaFidelizacion],
    mes: Mes,
    umbral: Decimal,
    generado_por: str,
    generado_en: datetime,
    destino: str | IO[bytes],
) -> None:
    """Libro con la hoja de clientes (título, encabezado fijo, filtros, formato COP) y un resumen.

    xlsxwriter en memoria constante: cada fila se serializa al escribirla en un archivo temporal y
    el libro se empaqueta en `destino` (una ruta o un archivo binario, como un BytesIO) al final.
    """
    cuando = a_bogota(generado_en).strftime("%Y-%m-%d %H:%M")
    titulo = [
        f"Reporte de fidelización — {mes.nombre_largo()}",
        f"Periodo: {mes} (calendario de Bogotá). Compras pagadas del mes.",
        f"Umbral: monto total estrictamente mayor que {pesos(umbral)}",
        f"Generado el {cuando} (hora de Bogotá) por {generado_por}",
    ]
    total = sum((f.monto_total for f in filas), Decimal("0.00"))
    with libro_xlsx(destino) as libro:
        _escribir_clientes(libro, filas, titulo)
        hoja = libro.hoja(HOJA_RESUMEN, (48, 30))
        hoja.write_string(0, 0, "Concepto", libro.negrita)
        hoja.write_string(0, 1, "Valor", libro.negrita)
        for fila, (concepto, valor, formato) in enumerate(
            (
                ("Periodo", str(mes), None),
                ("Umbral (COP)", umbral, libro.cop),
                ("Clientes que califican", len(filas), None),
                ("Monto total de los clientes que califican (COP)", total, libro.cop),
                ("Generado", cuando, None),
                ("Generado por", generado_por, None),
                ("Observación", SIN_CLIENTES if not filas else "", None),
            ),
            start=1,
        ):
            libro.celda(hoja, fila, 0, concepto)
            libro.celda(hoja, fila, 1, valor, formato)
