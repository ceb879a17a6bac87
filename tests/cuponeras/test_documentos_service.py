"""Documentos de M6: PDF de la factura, cupón imprimible y código de barras GS1-128 en SVG.

Los PDF se abren con pypdf y se busca su texto; el SVG se lee como XML y sus barras se decodifican
aquí, símbolo por símbolo, con la tabla de Code 128 (un decodificador propio de la prueba)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from barcode.charsets import code128
from barcode.codex import Gs1_128
from pypdf import PdfReader

from services.cuponeras import documentos_service as docs
from services.cuponeras.documentos_service import (
    DatosContrato,
    DatosCupon,
    DatosFactura,
    LineaCupon,
    Titular,
)

CADENA = "(415)7709998000013(8020)1234567890128(3900)0000150000(96)20261215"
GS = "<GS>"
TITULAR = Titular("María Ñáñez Pérez", "CC", "52123456")
CONTRATO = DatosContrato("100200300", "energia", "Calle 10 # 20-30", "Bogotá")


def _texto_pdf(contenido: bytes) -> str:
    assert contenido.startswith(b"%PDF-")
    lector = PdfReader(io.BytesIO(contenido))
    return "\n".join(pagina.extract_text() for pagina in lector.pages)


def _cupon(**cambios) -> DatosCupon:
    datos = {
        "numero": "1234567890128",
        "contrato": CONTRATO,
        "titular": TITULAR,
        "facturas": [
            LineaCupon("FE-2026-0010", "2026-10", 98_500),
            LineaCupon("FE-2026-0011", "2026-11", 61_500),
        ],
        "valor": 150_000,
        "descuento": 10_000,
        "fecha_emision": date(2026, 11, 29),
        "fecha_limite": date(2026, 12, 15),
        "estado": "emitido",
        "codigo_barras": CADENA,
    }
    datos.update(cambios)
    return DatosCupon(**datos)


def _decodificar_code128(modulos: str) -> str:
    """Texto que codifican las barras (FNC1 como <GS>); verifica el símbolo de control."""
    assert modulos.endswith(code128.STOP + "11")
    cuerpo = modulos[: -len(code128.STOP) - 2]
    assert len(cuerpo) % 11 == 0
    patrones = {patron: valor for valor, patron in enumerate(code128.CODES)}
    valores = [patrones[cuerpo[i : i + 11]] for i in range(0, len(cuerpo), 11)]
    *datos, control = valores
    assert control == (datos[0] + sum(i * v for i, v in enumerate(datos[1:], start=1))) % 103
    juego = {103: "A", 104: "B", 105: "C"}[datos[0]]
    texto = ""
    for valor in datos[1:]:
        if valor == 102:
            texto += GS
        elif juego == "C" and valor < 100:
            texto += f"{valor:02d}"
        elif juego == "C":
            juego = {100: "B", 101: "A"}[valor]
        elif valor == 99:
            juego = "C"
        elif juego == "B" and valor < 95:
            texto += chr(valor + 32)
        elif juego == "B" and valor == 101:
            juego = "A"
        elif juego == "A" and valor < 64:
            texto += chr(valor + 32)
        elif juego == "A" and valor == 100:
            juego = "B"
        else:
            raise AssertionError(f"valor {valor} inesperado en el juego {juego}")
    return texto


def _modulos_del_svg(svg: bytes) -> tuple[str, str]:
    """(módulos de las barras, texto legible) leídos del SVG como XML."""
    raiz = ET.fromstring(svg)  # noqa: S314  (el SVG lo genera la prueba, no es de afuera)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert raiz.tag == "{http://www.w3.org/2000/svg}svg"
    barras = [r for r in raiz.iterfind(".//svg:rect", ns) if "fill:black" in r.get("style", "")]

    def medida(rect: ET.Element, atributo: str) -> float:
        return float(rect.get(atributo, "").removesuffix("mm"))

    ancho = min(medida(r, "width") for r in barras)
    inicio = medida(barras[0], "x")
    modulos = ""
    for barra in barras:
        desde = round((medida(barra, "x") - inicio) / ancho)
        modulos += "0" * (desde - len(modulos)) + "1" * round(medida(barra, "width") / ancho)
    textos = [t.text for t in raiz.iterfind(".//svg:text", ns)]
    return modulos, textos[0] or ""


def test_la_cadena_gs1_separa_con_fnc1_los_elementos_de_longitud_variable() -> None:
    assert docs.datos_gs1(CADENA) == (
        "4157709998000013"
        "80201234567890128" + docs.FNC1 + "39000000150000" + docs.FNC1 + "9620261215"
    )


@pytest.mark.parametrize("mala", ["", "415770999", "(415)77(8020", "x(415)1", "(415)1 (96)2"])
def test_una_cadena_sin_la_forma_gs1_se_rechaza(mala: str) -> None:
    with pytest.raises(ValueError):
        docs.datos_gs1(mala)


def test_el_svg_es_xml_valido_y_sus_barras_codifican_la_cadena_gs1_128() -> None:
    svg = docs.codigo_barras_svg(CADENA)
    modulos, legible = _modulos_del_svg(svg)
    assert legible == CADENA
    esperado = GS + docs.datos_gs1(CADENA).replace(docs.FNC1, GS)
    assert _decodificar_code128(modulos) == esperado
    assert modulos == docs.modulos_code128(CADENA)  # el PDF dibuja estas mismas barras


def test_python_barcode_recibe_los_datos_gs1_de_la_cadena(monkeypatch) -> None:
    recibidos: list[str] = []
    original = Gs1_128.__init__

    def espiar(self, code, writer=None):
        recibidos.append(code)
        original(self, code, writer)

    monkeypatch.setattr(Gs1_128, "__init__", espiar)
    docs.codigo_barras_svg(CADENA)
    assert recibidos == [docs.datos_gs1(CADENA)]


def test_otro_valor_produce_otras_barras() -> None:
    otra = CADENA.replace("0000150000", "0000150001")
    assert docs.modulos_code128(otra) != docs.modulos_code128(CADENA)
    assert "39000000150001" in _decodificar_code128(docs.modulos_code128(otra))


def test_el_pdf_de_la_factura_trae_titular_contrato_periodo_fechas_y_valores() -> None:
    factura = DatosFactura(
        "FE-2026-0011",
        "2026-11",
        date(2026, 11, 1),
        date(2026, 11, 20),
        1_234_567,
        234_567,
        "vencida",
        CONTRATO,
        TITULAR,
    )
    texto = _texto_pdf(docs.factura_pdf(factura))
    for clave in (
        "Factura FE-2026-0011",
        "María Ñáñez Pérez",
        "CC 52123456",
        "100200300",
        "Energía",
        "Calle 10 # 20-30, Bogotá",
        "2026-11",
        "01/11/2026",
        "20/11/2026",
        "$ 1.234.567",
        "$ 234.567",
        "Vencida",
    ):
        assert clave in texto, clave


def test_el_pdf_de_la_factura_es_el_mismo_para_los_mismos_datos() -> None:
    factura = DatosFactura(
        "FE-1", "2026-11", date(2026, 11, 1), date(2026, 11, 20), 1, 1, "pagada", CONTRATO, TITULAR
    )
    assert docs.factura_pdf(factura) == docs.factura_pdf(factura)


def test_el_cupon_imprimible_trae_facturas_valor_descuento_fecha_limite_y_la_cadena() -> None:
    contenido = docs.cupon_pdf(_cupon())
    texto = _texto_pdf(contenido)
    for clave in (
        "Cupón de pago 1234567890128",
        "María Ñáñez Pérez",
        "FE-2026-0010",
        "FE-2026-0011",
        "$ 98.500",
        "$ 160.000",  # subtotal
        "$ 10.000",  # descuento
        "$ 150.000",
        "15/12/2026",
        "Emitido",
        CADENA,
    ):
        assert clave in texto, clave
    # Las barras van dibujadas como rectángulos rellenos: uno por barra del símbolo.
    barras = len(re.findall(r"1+", docs.modulos_code128(CADENA)))
    contenido_pagina = PdfReader(io.BytesIO(contenido)).pages[0].get_contents().get_data()
    assert contenido_pagina.count(b" re f") >= barras


def test_un_cupon_con_otra_cadena_dibuja_otras_barras() -> None:
    uno = docs.cupon_pdf(_cupon())
    otro = docs.cupon_pdf(_cupon(codigo_barras=CADENA.replace("20261215", "20261216")))
    assert uno != otro
