"""Documentos de M6: el PDF de una factura, el cupón de pago imprimible (PDF) y la imagen Code 128
(SVG) de su código de barras GS1-128.

Servicio puro: recibe datos planos (las dataclasses de abajo) y devuelve bytes; no lee la base ni
la configuración. Un solo codificador de barras (python-barcode, GS1-128 con FNC1) sirve al SVG y
al PDF: las dos imágenes son las mismas barras.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from barcode.codex import Gs1_128
from barcode.writer import SVGWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from services.cuponeras.cupon_service import pesos_enteros as pesos

EMPRESA = "Ríos del Desierto S.A.S. E.S.P."
# Caracter FNC1 de python-barcode: separa un elemento de longitud variable del siguiente.
FNC1 = Gs1_128.FNC1_CHAR
# Identificadores de aplicación GS1 cuya longitud está predefinida por sus dos primeros dígitos
# (Especificaciones generales GS1, figura 5.10.1-2): tras ellos no va separador FNC1.
_PREFIJOS_LONGITUD_FIJA = frozenset(
    {"00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
     "31", "32", "33", "34", "35", "36", "41"}
)  # fmt: skip
# Un elemento: (AI) y su valor en ASCII imprimible sin espacios ni paréntesis.
_ELEMENTO = re.compile(r"\((\d{2,4})\)([!-'*-~]+)")
SERVICIOS = {"energia": "Energía", "agua": "Agua", "gas": "Gas", "internet": "Internet"}
ESTADOS = {
    "pendiente": "Pendiente",
    "pagada": "Pagada",
    "vencida": "Vencida",
    "anulada": "Anulada",
    "emitido": "Emitido",
    "pagado": "Pagado",
    "vencido": "Vencido",
    "anulado": "Anulado",
}


@dataclass(frozen=True)
class Titular:
    nombre: str
    tipo_documento: str
    numero_documento: str


@dataclass(frozen=True)
class DatosContrato:
    numero_contrato: str
    servicio: str
    direccion: str
    ciudad: str


@dataclass(frozen=True)
class DatosFactura:
    numero_factura: str
    periodo: str
    fecha_emision: date
    fecha_vencimiento: date
    valor: int
    saldo: int
    estado: str
    contrato: DatosContrato
    titular: Titular


@dataclass(frozen=True)
class LineaCupon:
    numero_factura: str
    periodo: str
    saldo: int


@dataclass(frozen=True)
class DatosCupon:
    numero: str
    contrato: DatosContrato
    titular: Titular
    facturas: Sequence[LineaCupon]
    valor: int
    descuento: int
    fecha_emision: date
    fecha_limite: date
    estado: str
    codigo_barras: str  # la cadena legible GS1-128: (415)…(8020)…(3900)…(96)…


def _fecha(valor: date) -> str:
    return valor.strftime("%d/%m/%Y")


# --- Código de barras ------------------------------------------------------------------------


def datos_gs1(cadena: str) -> str:
    """Los datos que codifica el símbolo GS1-128 de la cadena legible `(AI)valor(AI)valor…`: sin
    paréntesis, con FNC1 tras cada elemento de longitud variable que no es el último (el FNC1
    inicial lo agrega `Gs1_128`). `ValueError` si la cadena no tiene esa forma."""
    elementos = _ELEMENTO.findall(cadena)
    if not elementos or "".join(f"({ai}){v}" for ai, v in elementos) != cadena:
        raise ValueError("La cadena del código de barras no tiene la forma (AI)valor(AI)valor.")
    partes = []
    for indice, (ai, valor) in enumerate(elementos):
        partes.append(ai + valor)
        ultimo = indice == len(elementos) - 1
        if not ultimo and ai[:2] not in _PREFIJOS_LONGITUD_FIJA:
            partes.append(FNC1)
    return "".join(partes)


def modulos_code128(cadena: str) -> str:
    """Las barras del símbolo como texto de módulos ("1" barra, "0" espacio), sin zona de silencio."""
    return str(Gs1_128(datos_gs1(cadena)).build()[0])


def codigo_barras_svg(cadena: str) -> bytes:
    """Imagen SVG Code 128 (GS1-128) de la cadena, con la cadena legible debajo."""
    simbolo = Gs1_128(datos_gs1(cadena), writer=SVGWriter())
    salida = io.BytesIO()
    simbolo.write(
        salida,
        options={
            "module_width": 0.33,
            "module_height": 18.0,
            "quiet_zone": 6.5,
            "font_size": 8,
            "text_distance": 4.0,
            "compress": False,
        },
        text=cadena,
    )
    return salida.getvalue()


class _Barras(Flowable):  # type: ignore[misc]
    """Las barras del símbolo dibujadas en el PDF (las mismas de `modulos_code128`)."""

    def __init__(self, cadena: str, ancho_modulo: float = 0.3 * mm, alto: float = 16 * mm) -> None:
        super().__init__()
        self.modulos = modulos_code128(cadena)
        self.ancho_modulo = ancho_modulo
        self.alto = alto
        self.zona = 10 * ancho_modulo
        self.width = len(self.modulos) * ancho_modulo + 2 * self.zona
        self.height = alto

    def draw(self) -> None:
        lienzo = self.canv
        lienzo.setFillColor(colors.black)
        for inicio, fin in _tramos(self.modulos):
            lienzo.rect(
                self.zona + inicio * self.ancho_modulo,
                0,
                (fin - inicio) * self.ancho_modulo,
                self.alto,
                stroke=0,
                fill=1,
            )


def _tramos(modulos: str) -> list[tuple[int, int]]:
    """(inicio, fin) de cada barra (módulos "1" seguidos)."""
    return [(m.start(), m.end()) for m in re.finditer("1+", modulos)]


# --- PDF -------------------------------------------------------------------------------------


def _estilos() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "titulo": ParagraphStyle("titulo", parent=base["Title"], fontSize=16, spaceAfter=4),
        "subtitulo": ParagraphStyle("subtitulo", parent=base["Normal"], fontSize=9),
        "normal": ParagraphStyle("normal", parent=base["Normal"], fontSize=10, leading=13),
        "pie": ParagraphStyle("pie", parent=base["Normal"], fontSize=8, textColor=colors.grey),
        "legible": ParagraphStyle("legible", parent=base["Code"], fontSize=9, alignment=1),
    }


def _tabla(filas: list[list[str]], anchos: list[float], encabezado: bool = False) -> Table:
    tabla = Table(filas, colWidths=anchos, hAlign="LEFT")
    estilo = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if encabezado:
        estilo += [
            ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ]
    else:
        estilo.append(("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9))
    tabla.setStyle(TableStyle(estilo))
    return tabla


def _pdf(titulo: str, partes: list[Flowable]) -> bytes:
    salida = io.BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        title=titulo,
        author=EMPRESA,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        invariant=True,  # mismos datos, mismos bytes (sin fecha de creación ni id aleatorio)
    )
    documento.build(partes)
    return salida.getvalue()


def _encabezado(titulo: str, numero: str) -> list[Flowable]:
    estilos = _estilos()
    return [
        Paragraph(escape(EMPRESA), estilos["subtitulo"]),
        Paragraph(escape(f"{titulo} {numero}"), estilos["titulo"]),
    ]


def _datos_titular(contrato: DatosContrato, titular: Titular) -> Table:
    return _tabla(
        [
            ["Titular", titular.nombre],
            ["Documento", f"{titular.tipo_documento} {titular.numero_documento}"],
            ["Contrato", contrato.numero_contrato],
            ["Servicio", SERVICIOS.get(contrato.servicio, contrato.servicio)],
            ["Dirección", f"{contrato.direccion}, {contrato.ciudad}"],
        ],
        [40 * mm, 130 * mm],
    )


def factura_pdf(factura: DatosFactura) -> bytes:
    """El PDF de la factura: titular, contrato, periodo, fechas, valor, saldo y estado."""
    estilos = _estilos()
    partes: list[Flowable] = [
        *_encabezado("Factura", factura.numero_factura),
        _datos_titular(factura.contrato, factura.titular),
        Spacer(1, 6 * mm),
        _tabla(
            [
                ["Periodo", factura.periodo],
                ["Fecha de emisión", _fecha(factura.fecha_emision)],
                ["Fecha de vencimiento", _fecha(factura.fecha_vencimiento)],
                ["Valor", pesos(factura.valor)],
                ["Saldo", pesos(factura.saldo)],
                ["Estado", ESTADOS.get(factura.estado, factura.estado)],
            ],
            [40 * mm, 130 * mm],
        ),
        Spacer(1, 6 * mm),
        Paragraph(
            "Para pagar, genere un cupón de pago en el portal de clientes o llame al SAC. "
            "Valores en pesos colombianos (COP).",
            estilos["normal"],
        ),
    ]
    return _pdf(f"Factura {factura.numero_factura}", partes)


def cupon_pdf(cupon: DatosCupon) -> bytes:
    """El cupón de pago imprimible: titular, facturas que cubre, valor, fecha límite y el código de
    barras GS1-128 con su cadena legible."""
    estilos = _estilos()
    lineas = [["Factura", "Periodo", "Saldo"]] + [
        [linea.numero_factura, linea.periodo, pesos(linea.saldo)] for linea in cupon.facturas
    ]
    resumen = [
        ["Subtotal", pesos(cupon.valor + cupon.descuento)],
        ["Descuento", pesos(cupon.descuento)],
        ["Valor a pagar", pesos(cupon.valor)],
        ["Fecha límite de pago", _fecha(cupon.fecha_limite)],
        ["Fecha de emisión", _fecha(cupon.fecha_emision)],
        ["Estado", ESTADOS.get(cupon.estado, cupon.estado)],
    ]
    partes: list[Flowable] = [
        *_encabezado("Cupón de pago", cupon.numero),
        _datos_titular(cupon.contrato, cupon.titular),
        Spacer(1, 6 * mm),
        _tabla(lineas, [50 * mm, 40 * mm, 80 * mm], encabezado=True),
        Spacer(1, 4 * mm),
        _tabla(resumen, [50 * mm, 120 * mm]),
        Spacer(1, 8 * mm),
        _Barras(cupon.codigo_barras),
        Spacer(1, 2 * mm),
        Paragraph(escape(cupon.codigo_barras), estilos["legible"]),
        Spacer(1, 6 * mm),
        Paragraph(
            "Pague este cupón en bancos, corresponsales o en el portal hasta la fecha límite, "
            "por el valor exacto. Después de esa fecha el cupón vence y debe generar uno nuevo.",
            estilos["pie"],
        ),
    ]
    return _pdf(f"Cupón de pago {cupon.numero}", partes)
