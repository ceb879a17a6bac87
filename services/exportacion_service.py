"""Exportación de la ficha de un cliente en CSV (UTF-8 con BOM), XLSX y TXT, a salvo de fórmulas."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import IO, Any

from xlsxwriter import Workbook

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
    filas: int  # compras que lleva (el encabezado X-Total-Filas de la descarga)


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


@dataclass(frozen=True)
class LibroXlsx:
    """Un libro de xlsxwriter en memoria constante con los formatos comunes (negrita, COP, fecha).

    Cada hoja se escribe fila por fila y en orden: xlsxwriter descarta en silencio lo que se
    escriba en una fila ya dejada atrás. (xlsxwriter no trae tipos: libro, hojas y formatos son Any.)
    """

    libro: Any
    negrita: Any
    cop: Any
    fecha: Any

    def hoja(self, nombre: str, anchos: Sequence[float], filas_fijas: int = 0) -> Any:
        """Hoja con anchos de columna y, si se piden, las primeras `filas_fijas` filas fijas."""
        hoja = self.libro.add_worksheet(nombre)
        for columna, ancho in enumerate(anchos):
            hoja.set_column(columna, columna, ancho)
        if filas_fijas:
            hoja.freeze_panes(filas_fijas, 0)
        return hoja

    def formato(self, propiedades: dict[str, Any]) -> Any:
        return self.libro.add_format(propiedades)

    def celda(self, hoja: Any, fila: int, columna: int, valor: Any, formato: Any = None) -> None:
        """Un valor con su tipo de Excel: el texto siempre como texto (nunca fórmula) y neutralizado,
        los números (también `Decimal`) como número, los instantes en hora de Bogotá sin zona
        (con el formato de fecha si no se da otro); `None` y el texto vacío dejan la celda vacía."""
        if valor is None or valor == "":
            return
        if isinstance(valor, str):
            hoja.write_string(fila, columna, neutralizar(valor), formato)
        elif isinstance(valor, datetime):
            hoja.write_datetime(
                fila, columna, a_bogota(valor).replace(tzinfo=None), formato or self.fecha
            )
        elif isinstance(valor, int | float | Decimal) and not isinstance(valor, bool):
            hoja.write_number(fila, columna, float(valor), formato)
        else:
            hoja.write_string(fila, columna, neutralizar(str(valor)), formato)


# Quien abre el libro: recibe el destino y las opciones de xlsxwriter y devuelve el `Workbook` y
# la función que lo cierra (empaqueta el .xlsx en el destino).
AbrirLibro = Callable[[str | IO[bytes], dict[str, Any]], tuple[Any, Callable[[], None]]]


def _workbook(destino: str | IO[bytes], opciones: dict[str, Any]) -> tuple[Any, Callable[[], None]]:
    libro = Workbook(destino, opciones)
    return libro, libro.close


@contextmanager
def libro_xlsx(destino: str | IO[bytes], abrir: AbrirLibro = _workbook) -> Iterator[LibroXlsx]:
    """Libro .xlsx de xlsxwriter en memoria constante hacia una ruta o un archivo binario.

    Las filas van a archivos temporales propios (no a la memoria) y el libro se empaqueta en
    `destino` al salir del bloque sin error. Si hay error no se escribe nada y los temporales se
    borran igual. `abrir` permite que otro escritor cree el `Workbook` (el reporte usa el
    `ExcelWriter` de pandas con xlsxwriter como motor) con las mismas opciones.
    """
    with tempfile.TemporaryDirectory(prefix="sac-xlsx-") as carpeta:
        libro, cerrar = abrir(
            destino,
            {
                "constant_memory": True,
                "in_memory": False,  # en memoria, xlsxwriter apaga la memoria constante
                "tmpdir": carpeta,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        try:
            yield LibroXlsx(
                libro,
                negrita=libro.add_format({"bold": True}),
                cop=libro.add_format({"num_format": FORMATO_COP}),
                fecha=libro.add_format({"num_format": FORMATO_FECHA}),
            )
        except BaseException:
            for hoja in libro.worksheets():
                hoja._opt_close()  # cierra el temporal de filas; la carpeta se borra al salir
            raise
        cerrar()


ETIQUETA_CONTEO_COMPRAS = "Compras"


def a_xlsx(cliente: dict[str, Any], compras: list[dict[str, Any]]) -> bytes:
    """Hojas «Cliente» (campo y valor) y «Compras» (una fila por compra), encabezados fijos."""
    salida = io.BytesIO()
    with libro_xlsx(salida) as libro:
        hoja = libro.hoja("Cliente", (24, 24), filas_fijas=1)
        hoja.write_string(0, 0, "Campo", libro.negrita)
        hoja.write_string(0, 1, "Valor", libro.negrita)
        for fila, (campo, etiqueta) in enumerate(CAMPOS_CLIENTE, start=1):
            libro.celda(hoja, fila, 0, etiqueta)
            libro.celda(hoja, fila, 1, cliente[campo])
        # Cuántas filas trae la hoja «Compras» (nada se corta en silencio).
        libro.celda(hoja, len(CAMPOS_CLIENTE) + 1, 0, ETIQUETA_CONTEO_COMPRAS)
        libro.celda(hoja, len(CAMPOS_CLIENTE) + 1, 1, len(compras))
        hoja = libro.hoja("Compras", (24,) * len(CAMPOS_COMPRA), filas_fijas=1)
        for columna, (_, etiqueta) in enumerate(CAMPOS_COMPRA):
            hoja.write_string(0, columna, etiqueta, libro.negrita)
        formatos = [
            {"fecha": libro.fecha, "total": libro.cop}.get(campo) for campo, _ in CAMPOS_COMPRA
        ]
        for fila, compra in enumerate(compras, start=1):
            for columna, (campo, _) in enumerate(CAMPOS_COMPRA):
                libro.celda(hoja, fila, columna, compra[campo], formatos[columna])
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
        filas=len(compras),
    )
