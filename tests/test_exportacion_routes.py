"""Exportación de la ficha de un cliente en CSV, XLSX y TXT, a salvo de fórmulas."""

import csv
import io
from datetime import datetime

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook

from services.exportacion_service import FORMATO_COP, FORMATO_FECHA, neutralizar
from services.tiempo_service import hoy_bogota
from tests.fabricas import bogota, crear_cliente, crear_compra

EXPORTAR = "/api/clientes/exportar"


def _exportar(client: FlaskClient, cabeceras, formato: str, numero: str = "1020304050"):
    return client.get(
        EXPORTAR,
        query_string={"tipo_documento": "CC", "numero_documento": numero, "formato": formato},
        headers=cabeceras["agente"],
    )


@pytest.fixture
def cliente_peligroso(gateway) -> int:
    cliente_id = crear_cliente(
        gateway,
        nombre='=HYPERLINK("http://malo","clic")',
        apellido="Muñoz Peña",
        correo="@correo@example.com",
        telefono="+573001234567",
    )
    crear_compra(gateway, cliente_id, bogota(2026, 10, 31, 23, 30), "1234567.89", factura="FV-1")
    crear_compra(gateway, cliente_id, bogota(2026, 9, 1), "50000", estado="anulada", factura="-FV2")
    return cliente_id


@pytest.mark.parametrize("valor", ["=1+1", "+57300", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_neutralizar_antepone_apostrofo_a_lo_que_seria_formula(valor: str) -> None:
    assert neutralizar(valor) == "'" + valor


def test_neutralizar_deja_igual_el_texto_normal() -> None:
    assert neutralizar("María Ñáñez") == "María Ñáñez"


def test_exportar_csv_con_bom_nombre_de_archivo_y_texto_neutralizado(
    client: FlaskClient, cabeceras, cliente_peligroso
) -> None:
    respuesta = _exportar(client, cabeceras, "csv")
    assert respuesta.status_code == 200
    assert respuesta.mimetype == "text/csv"
    nombre = f"cliente_CC_1020304050_{hoy_bogota().isoformat()}.csv"
    assert respuesta.headers["Content-Disposition"] == f"attachment; filename={nombre}"
    contenido = respuesta.data
    assert contenido.startswith(b"\xef\xbb\xbf")
    filas = list(csv.reader(io.StringIO(contenido.decode("utf-8-sig"))))
    assert filas[0][:3] == ["Tipo de documento", "Número de documento", "Nombre"]
    assert filas[1][2] == '\'=HYPERLINK("http://malo","clic")'
    assert filas[1][3] == "Muñoz Peña"
    assert filas[1][4] == "'@correo@example.com"
    assert filas[1][5] == "'+573001234567"
    compras = filas[filas.index([]) + 1 :]
    assert compras[0][0] == "Número de factura"
    assert compras[1][:4] == ["FV-1", "2026-10-31 23:30", "1234567.89", "pagada"]
    assert compras[2][0] == "'-FV2"
    for fila in filas:
        for celda in fila:
            assert not celda.startswith(("=", "+", "-", "@", "\t", "\r")), celda


def test_exportar_xlsx_con_hojas_cliente_y_compras_sin_formulas(
    client: FlaskClient, cabeceras, cliente_peligroso
) -> None:
    respuesta = _exportar(client, cabeceras, "xlsx")
    assert respuesta.status_code == 200
    assert respuesta.headers["Content-Disposition"].endswith(".xlsx")
    libro = load_workbook(io.BytesIO(respuesta.data))
    assert libro.sheetnames == ["Cliente", "Compras"]
    cliente = {fila[0]: fila[1] for fila in libro["Cliente"].iter_rows(min_row=2, values_only=True)}
    assert cliente["Nombre"] == '\'=HYPERLINK("http://malo","clic")'
    assert cliente["Apellido"] == "Muñoz Peña"
    compras = list(libro["Compras"].iter_rows(values_only=True))
    assert compras[0][0] == "Número de factura"
    assert compras[1][0] == "FV-1"
    assert compras[1][2] == pytest.approx(1234567.89)
    assert isinstance(compras[1][2], float)
    for hoja in libro.worksheets:
        assert hoja.freeze_panes == "A2"
        assert all(celda.font.b for celda in hoja[1])
        for dimension in list(hoja.column_dimensions.values()):
            assert dimension.width == pytest.approx(24, abs=1)
        for fila in hoja.iter_rows():
            for celda in fila:
                assert celda.data_type != "f"
                if isinstance(celda.value, str):
                    assert celda.data_type == "s"
                    assert not celda.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    hoja_cliente = libro["Cliente"]
    nombre = next(fila[1] for fila in hoja_cliente.iter_rows() if fila[0].value == "Nombre")
    assert nombre.data_type == "s"
    registro = next(f[1] for f in hoja_cliente.iter_rows() if f[0].value == "Fecha de registro")
    assert isinstance(registro.value, datetime) and registro.number_format == FORMATO_FECHA
    assert cliente["Correo"] == "'@correo@example.com"
    assert cliente["Teléfono"] == "'+573001234567"
    hoja_compras = libro["Compras"]
    assert len(compras) == 3
    assert compras[1][1] == datetime(2026, 10, 31, 23, 30)  # hora de Bogotá, sin zona
    assert hoja_compras["B2"].number_format == FORMATO_FECHA
    assert hoja_compras["C2"].number_format == FORMATO_COP
    assert compras[1][3:] == ("pagada", "tienda", "Tienda Centro")
    assert compras[2][0] == "'-FV2"
    assert hoja_compras["A3"].data_type == "s"


def test_exportar_txt_legible_con_el_nombre_y_las_compras(
    client: FlaskClient, cabeceras, cliente_peligroso
) -> None:
    respuesta = _exportar(client, cabeceras, "txt")
    assert respuesta.status_code == 200
    assert respuesta.mimetype == "text/plain"
    texto = respuesta.data.decode("utf-8")
    assert "Muñoz Peña" in texto
    assert "'=HYPERLINK" in texto
    assert "$ 1.234.567,89" in texto
    assert "COMPRAS (2)" in texto


def test_exportar_acepta_excel_como_sinonimo_de_xlsx(
    client: FlaskClient, cabeceras, cliente_peligroso
) -> None:
    respuesta = _exportar(client, cabeceras, "Excel")
    assert respuesta.status_code == 200
    assert respuesta.headers["Content-Disposition"].endswith(".xlsx")


def test_exportar_con_formato_desconocido_responde_422(client: FlaskClient, cabeceras) -> None:
    respuesta = _exportar(client, cabeceras, "pdf")
    assert respuesta.status_code == 422
    assert "formato" in respuesta.json["error"]["details"]["campos"]


def test_exportar_cliente_inexistente_responde_404(client: FlaskClient, cabeceras) -> None:
    respuesta = _exportar(client, cabeceras, "csv", numero="55555555")
    assert respuesta.status_code == 404
    assert respuesta.json["error"]["code"] == "no_encontrado"


def test_exportar_documento_invalido_responde_422(client: FlaskClient, cabeceras) -> None:
    respuesta = _exportar(client, cabeceras, "csv", numero="1")
    assert respuesta.status_code == 422
