"""Lectura en flujo de archivos CSV (UTF-8, `,` o `;`) y XLSX: encabezado y filas como texto."""

from __future__ import annotations

import csv
import io
import itertools
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePath
from typing import IO, Any

EXTENSIONES = (".csv", ".xlsx")
_LARGO_MAXIMO_ENCABEZADO = 64 * 1024
_AYUDA_CSV = "Guárdelo como «CSV UTF-8» o como libro de Excel .xlsx."

Fila = tuple[int, dict[str, str]]


class ArchivoInvalido(ValueError):
    """El archivo no se puede leer como tabla (formato, codificación, columnas)."""


@dataclass
class Tabla:
    """Columnas presentes (requeridas y opcionales) y filas (número de fila, valores) en flujo."""

    columnas: tuple[str, ...]
    filas: Iterator[Fila]


def leer_tabla(
    nombre: str, flujo: IO[bytes], requeridas: Iterable[str], opcionales: Iterable[str] = ()
) -> Tabla:
    """Lee el encabezado (fila 1) y valida las columnas; las filas se leen al iterar.

    La fila 1 es el encabezado; las filas vacías se saltan pero cuentan para la numeración.
    """
    extension = PurePath(nombre).suffix.lower()
    if extension not in EXTENSIONES:
        raise ArchivoInvalido(f"{nombre}: formato no admitido; use un archivo .csv o .xlsx.")
    if extension == ".csv":
        encabezado, celdas = _abrir_csv(nombre, flujo)
    else:
        encabezado, celdas = _abrir_xlsx(nombre, flujo)
    indices = _indices(nombre, encabezado, tuple(requeridas), tuple(opcionales))
    return Tabla(tuple(indices), _filas(celdas, indices))


def _indices(
    nombre: str, encabezado: list[str], requeridas: tuple[str, ...], opcionales: tuple[str, ...]
) -> dict[str, int]:
    normalizado = [celda.strip().lower() for celda in encabezado]
    faltan = [columna for columna in requeridas if columna not in normalizado]
    if faltan:
        raise ArchivoInvalido(
            f"{nombre}: faltan columnas obligatorias en el encabezado (fila 1): "
            + ", ".join(faltan)
            + ". Se esperan: "
            + ", ".join(requeridas)
            + "."
        )
    indices: dict[str, int] = {}
    for columna in (*requeridas, *opcionales):
        if normalizado.count(columna) > 1:
            raise ArchivoInvalido(f"{nombre}: la columna {columna} aparece más de una vez.")
        if columna in normalizado:
            indices[columna] = normalizado.index(columna)
    return indices


def _filas(celdas: Iterator[tuple[int, list[str]]], indices: dict[str, int]) -> Iterator[Fila]:
    for numero, fila in celdas:
        if not any(valor.strip() for valor in fila):
            continue
        largo = len(fila)
        yield numero, {col: fila[i] if i < largo else "" for col, i in indices.items()}


class _Prestado(io.RawIOBase):
    """Lee de un flujo ajeno sin cerrarlo nunca: lo cierra quien lo abrió."""

    def __init__(self, flujo: IO[bytes]) -> None:
        self._flujo = flujo

    def readable(self) -> bool:
        return True

    def readinto(self, destino: Any) -> int:
        datos = self._flujo.read(len(destino))
        destino[: len(datos)] = datos
        return len(datos)


def _abrir_csv(nombre: str, flujo: IO[bytes]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    prestado = io.BufferedReader(_Prestado(flujo))
    texto = io.TextIOWrapper(prestado, encoding="utf-8-sig", newline="")
    try:
        primera = texto.readline(_LARGO_MAXIMO_ENCABEZADO)
    except UnicodeDecodeError as error:
        raise ArchivoInvalido(
            f"{nombre}: el archivo no está en UTF-8 (¿otra codificación, o un archivo binario "
            f"o de Excel con extensión .csv?). {_AYUDA_CSV}"
        ) from error
    if not primera.strip():
        raise ArchivoInvalido(f"{nombre}: el archivo está vacío o no tiene fila de encabezado.")
    if "\x00" in primera or (len(primera) >= _LARGO_MAXIMO_ENCABEZADO and "\n" not in primera):
        raise ArchivoInvalido(f"{nombre}: no parece un CSV de texto. {_AYUDA_CSV}")
    delimitador = ";" if primera.count(";") > primera.count(",") else ","
    lector = csv.reader(itertools.chain([primera], texto), delimiter=delimitador)
    try:
        encabezado = next(lector)
    except csv.Error as error:
        raise ArchivoInvalido(f"{nombre}: el encabezado no se puede leer como CSV.") from error
    return encabezado, _registros_csv(nombre, lector)


def _registros_csv(nombre: str, lector: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    numero = 1
    try:
        for numero, fila in enumerate(lector, start=2):
            yield numero, fila
    except UnicodeDecodeError as error:
        raise ArchivoInvalido(
            f"{nombre}: el archivo no está en UTF-8 (cerca de la fila {numero + 1}). {_AYUDA_CSV}"
        ) from error
    except csv.Error as error:
        raise ArchivoInvalido(
            f"{nombre}: CSV mal formado cerca de la fila {numero + 1} ({error})."
        ) from error


def _abrir_xlsx(nombre: str, flujo: IO[bytes]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    # openpyxl se importa aquí: solo lo necesita quien carga un .xlsx, y cuesta ~0,2 s al arrancar
    # cada proceso (servidor y cada comando de la CLI).
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # Avisos de estilos o extensiones desconocidas no impiden leer los datos.
            warnings.simplefilter("ignore")
            libro = load_workbook(flujo, read_only=True, data_only=True)
        hoja = libro.worksheets[0]
        # Algunos programas escriben mal el rango de la hoja: se leen todas las filas.
        hoja.reset_dimensions()
        filas = hoja.iter_rows(min_row=1, values_only=True)
        primera = next(filas, None)
    except Exception as error:
        raise ArchivoInvalido(
            f"{nombre}: no es un libro de Excel .xlsx válido o está dañado."
        ) from error
    if primera is None or not any(_texto(valor).strip() for valor in primera):
        libro.close()
        raise ArchivoInvalido(f"{nombre}: la primera hoja está vacía o no tiene encabezado.")
    return [_texto(valor) for valor in primera], _registros_xlsx(nombre, libro, filas)


def _registros_xlsx(
    nombre: str, libro: Any, filas: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[int, list[str]]]:
    numero = 1
    try:
        for numero, fila in enumerate(filas, start=2):
            yield numero, [_texto(valor) for valor in fila]
    except Exception as error:
        raise ArchivoInvalido(
            f"{nombre}: el libro está dañado cerca de la fila {numero + 1}."
        ) from error
    finally:
        libro.close()


def _texto(valor: Any) -> str:
    """Texto de una celda de Excel: enteros sin `.0`, fechas en ISO 8601."""
    if valor is None:
        return ""
    if isinstance(valor, str):
        return valor
    if isinstance(valor, bool):
        return "VERDADERO" if valor else "FALSO"
    if isinstance(valor, float):
        return str(int(valor)) if valor.is_integer() and abs(valor) < 1e15 else repr(valor)
    if isinstance(valor, datetime | date | time):
        return valor.isoformat()
    return str(valor)
