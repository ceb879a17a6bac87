"""Reporte de fidelización: agregación en SQL; pandas da forma al resultado y lo escribe.

El agregado del mes (una fila por cliente que califica) llega de la base; pandas lo ordena y calcula
las cifras de la hoja Resumen, y el libro sale por `pandas.ExcelWriter` con xlsxwriter como motor en
memoria constante, fila por fila. pandas (y numpy) pesan ~0,3 s y ~40 MB al importarse: se importan
solo dentro de `escribir_excel`, no al importar este módulo, para que un worker que nunca genera un
reporte no los cargue.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Subquery, and_, case, func, select
from sqlalchemy.orm import Session

from models import Cliente, Compra, TipoDocumento
from models.base import Dinero
from services.exportacion_service import LibroXlsx, libro_xlsx, neutralizar, pesos
from services.tiempo_service import Mes, a_bogota

if TYPE_CHECKING:
    import pandas as pd

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
CENTAVO = Decimal("0.01")


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


def pagada_en(mes: Mes) -> ColumnElement[bool]:
    """La regla de la fidelización: compra pagada con fecha en el mes calendario de Bogotá.

    La comparten el reporte, el resumen del cliente (M10) y la consulta por documento: sus cifras
    siempre concuerdan.
    """
    return pagada_entre(*mes.rango_utc())


def pagada_entre(inicio: Any, fin: Any) -> ColumnElement[bool]:
    """`pagada_en` con los límites del mes (instantes UTC, `inicio` incluido, `fin` excluido) dados
    como valores o como parámetros (`bindparam`) de una consulta armada una sola vez."""
    return and_(Compra.estado == "pagada", Compra.fecha >= inicio, Compra.fecha < fin)


def monto_pagado(valores: Any) -> ColumnElement[Decimal]:
    """Suma de montos redondeada en SQL: en motores sin decimal nativo no acumula error binario."""
    return func.round(func.sum(valores), 2, type_=Dinero())


@dataclass(frozen=True)
class TotalMes:
    mes: Mes
    total: Decimal
    compras: int


def totales_pagados_por_mes(
    conexion: Connection | Session, cliente_id: int, meses: list[Mes]
) -> list[TotalMes]:
    """Total y número de compras pagadas de un cliente en cada mes (en orden), en una consulta.

    Misma regla (`pagada_en`) y mismo redondeo (`monto_pagado`) que el reporte de fidelización.
    """
    columnas: list[ColumnElement[Any]] = []
    for mes in meses:
        regla = pagada_en(mes)
        columnas += [monto_pagado(case((regla, Compra.total))), func.count(case((regla, 1)))]
    fila = conexion.execute(
        select(*columnas).where(
            Compra.cliente_id == cliente_id,
            Compra.fecha >= min(meses, key=lambda m: (m.anio, m.mes)).inicio_utc(),
            Compra.fecha < max(meses, key=lambda m: (m.anio, m.mes)).siguiente().inicio_utc(),
        )
    ).one()
    return [
        TotalMes(mes, (fila[2 * i] or Decimal(0)).quantize(CENTAVO), int(fila[2 * i + 1]))
        for i, mes in enumerate(meses)
    ]


def clientes_fieles(mes: Mes, umbral: Decimal) -> Subquery:
    """La regla de fidelización, una sola para todo el que la use (este reporte, los beneficios
    `cliente_fiel` de M6 y, por sus piezas `pagada_en` y `monto_pagado`, el resumen del cliente de
    M10): por cliente, sus compras pagadas del mes calendario de Bogotá cuyo monto total supera
    estrictamente el umbral (`cliente_id`, `numero_compras`, `monto_total`,
    `fecha_ultima_compra`)."""
    monto = monto_pagado(Compra.total)
    return (
        select(
            Compra.cliente_id.label("cliente_id"),
            func.count().label("numero_compras"),
            monto.label("monto_total"),
            func.max(Compra.fecha).label("fecha_ultima_compra"),
        )
        .where(pagada_en(mes))
        .group_by(Compra.cliente_id)
        .having(monto > umbral)
        .subquery()
    )


def consultar_fidelizacion(sesion: Session, mes: Mes, umbral: Decimal) -> list[FilaFidelizacion]:
    """Una sola consulta agregada: clientes con compras pagadas del mes por encima del umbral."""
    por_cliente = clientes_fieles(mes, umbral)
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


def tabla_fidelizacion(filas: list[FilaFidelizacion]) -> pd.DataFrame:
    """El agregado del mes como DataFrame, ordenado por monto descendente.

    Las columnas del libro quedan como objetos de Python (textos, `None`, `Decimal`, instantes con
    zona), tal como llegan de la base: así cada celda se escribe igual que antes y un correo vacío
    no se vuelve `NaN`. Para las cifras, el monto va además en centavos enteros (`int64`): sumas y
    agrupaciones exactas al centavo, sin errores de coma flotante. El orden es estable: entre montos
    iguales se conserva el de la consulta (por id de cliente).
    """
    import pandas as pd

    tabla = pd.DataFrame(
        {columna: [getattr(fila, columna) for fila in filas] for columna in COLUMNAS},
        columns=list(COLUMNAS),
        dtype=object,
    )
    tabla["centavos"] = pd.Series(
        [int(monto * 100) for monto in tabla["monto_total"]], index=tabla.index, dtype="int64"
    )
    return tabla.sort_values("centavos", ascending=False, kind="stable", ignore_index=True)


def _pesos_exactos(centavos: Decimal) -> Decimal:
    """Centavos (quizá con medio centavo) a pesos redondeados al centavo, la mitad hacia arriba."""
    return (centavos / 100).quantize(CENTAVO, rounding=ROUND_HALF_UP)


def cifras_resumen(tabla: pd.DataFrame) -> dict[str, Any]:
    """Número de clientes, total, media y mediana por cliente y desglose por tipo de documento.

    Todo en `Decimal` exacto al centavo: el total es la suma entera de los centavos; la media, esa
    suma entre el número de clientes; la mediana de pandas sobre centavos enteros es un entero o un
    medio centavo (exacto en coma flotante hasta 2⁵³ centavos). Media y mediana se redondean al
    centavo con la mitad hacia arriba. Sin clientes, media y mediana no existen (`None`).
    """
    cantidad = len(tabla)
    total_centavos = int(tabla["centavos"].sum())
    por_tipo = tabla.groupby("tipo_documento", sort=True)["centavos"].agg(["size", "sum"])
    return {
        "cantidad_clientes": cantidad,
        "monto_total": _pesos_exactos(Decimal(total_centavos)),
        "monto_medio": (_pesos_exactos(Decimal(total_centavos) / cantidad) if cantidad else None),
        "monto_mediano": (
            _pesos_exactos(Decimal(float(tabla["centavos"].median()))) if cantidad else None
        ),
        "por_tipo_documento": {
            str(tipo): {
                "clientes": int(fila["size"]),
                "monto_total": _pesos_exactos(Decimal(int(fila["sum"]))),
            }
            for tipo, fila in por_tipo.iterrows()
        },
    }


def _escribir_clientes(libro: LibroXlsx, tabla: pd.DataFrame, titulo: list[str]) -> None:
    """Título, aviso, encabezado y filas, en orden (la hoja se escribe en flujo, fila por fila).

    Textos siempre como texto y neutralizados, monto decimal a número (ya redondeado al centavo
    desde SQL) y la fecha en hora de Bogotá sin zona (Excel no guarda zonas).
    """
    hoja = libro.hoja(HOJA_CLIENTES, ANCHOS, filas_fijas=FILA_ENCABEZADO)  # datos desde A7
    ultima_columna = len(COLUMNAS) - 1
    hoja.autofilter(
        FILA_ENCABEZADO - 1, 0, FILA_ENCABEZADO - 1 + max(len(tabla), 1), ultima_columna
    )
    hoja.write_string(0, 0, titulo[0], libro.formato({"bold": True, "font_size": 14}))
    for indice, linea in enumerate(titulo[1:], start=1):
        hoja.write_string(indice, 0, linea)
    if tabla.empty:
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
    filas = tabla[list(COLUMNAS)].itertuples(index=False, name=None)
    for indice, (*textos, compras, monto, ultima) in enumerate(filas, start=FILA_ENCABEZADO):
        for columna, valor in enumerate(textos):
            if valor:  # sin correo, teléfono o apellido la celda queda vacía
                texto(indice, columna, neutralizar(valor))
        numero(indice, 6, compras)
        numero(indice, 7, float(monto), cop)
        instante(indice, 8, a_bogota(ultima).replace(tzinfo=None), fecha)


def _excel_writer_pandas(
    destino: str | IO[bytes], opciones: dict[str, Any]
) -> tuple[Any, Callable[[], None]]:
    """`pandas.ExcelWriter` con xlsxwriter como motor y las opciones del libro (memoria constante)."""
    import pandas as pd

    escritor = pd.ExcelWriter(destino, engine="xlsxwriter", engine_kwargs={"options": opciones})
    return escritor.book, escritor.close


def escribir_excel(
    filas: list[FilaFidelizacion],
    mes: Mes,
    umbral: Decimal,
    generado_por: str,
    generado_en: datetime,
    destino: str | IO[bytes],
) -> None:
    """Libro con la hoja de clientes (título, encabezado fijo, filtros, formato COP) y un resumen.

    pandas ordena el agregado y calcula el resumen; el libro sale por `pandas.ExcelWriter` con
    xlsxwriter en memoria constante: cada fila se serializa al escribirla en un archivo temporal y
    el libro se empaqueta en `destino` (una ruta o un archivo binario, como un BytesIO) al final.
    Con una ruta, si algo falla a mitad no queda un archivo a medias.
    """
    if isinstance(destino, str):
        try:
            with open(destino, "wb") as archivo:
                escribir_excel(filas, mes, umbral, generado_por, generado_en, archivo)
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(destino)
            raise
        return
    cuando = a_bogota(generado_en).strftime("%Y-%m-%d %H:%M")
    titulo = [
        f"Reporte de fidelización — {mes.nombre_largo()}",
        f"Periodo: {mes} (calendario de Bogotá). Compras pagadas del mes.",
        f"Umbral: monto total estrictamente mayor que {pesos(umbral)}",
        f"Generado el {cuando} (hora de Bogotá) por {generado_por}",
    ]
    tabla = tabla_fidelizacion(filas)
    cifras = cifras_resumen(tabla)
    with libro_xlsx(destino, _excel_writer_pandas) as libro:
        _escribir_clientes(libro, tabla, titulo)
        hoja = libro.hoja(HOJA_RESUMEN, (48, 30))
        hoja.write_string(0, 0, "Concepto", libro.negrita)
        hoja.write_string(0, 1, "Valor", libro.negrita)
        conceptos = [
            ("Periodo", str(mes), None),
            ("Umbral (COP)", umbral, libro.cop),
            ("Clientes que califican", cifras["cantidad_clientes"], None),
            ("Monto total de los clientes que califican (COP)", cifras["monto_total"], libro.cop),
            ("Generado", cuando, None),
            ("Generado por", generado_por, None),
            ("Observación", SIN_CLIENTES if tabla.empty else "", None),
            # Las cifras agregadas con pandas van después: las filas de arriba no se mueven.
            ("Monto medio por cliente (COP)", cifras["monto_medio"], libro.cop),
            ("Monto mediano por cliente (COP)", cifras["monto_mediano"], libro.cop),
        ]
        for tipo, grupo in cifras["por_tipo_documento"].items():
            conceptos += [
                (f"Clientes con {tipo}", grupo["clientes"], None),
                (f"Monto total de los clientes con {tipo} (COP)", grupo["monto_total"], libro.cop),
            ]
        for fila, (concepto, valor, formato) in enumerate(conceptos, start=1):
            libro.celda(hoja, fila, 0, concepto)
            libro.celda(hoja, fila, 1, valor, formato)
