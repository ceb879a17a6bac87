"""Lectura de CSV/XLSX y validación de filas de importación, sin base de datos."""

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import Workbook

from services import importacion_service as validacion
from services.documento_service import digito_verificacion_nit
from services.importacion_service import (
    FilaInvalida,
    interpretar_fecha,
    interpretar_total,
    normalizar_telefono,
    validar_cliente,
    validar_compra,
)
from services.lectura_archivos_service import ArchivoInvalido, leer_tabla

AHORA = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
CLIENTE = {
    "tipo_documento": "CC",
    "numero_documento": "1.020.304.050",
    "nombre": " María José ",
    "apellido": "Peña Muñoz",
    "correo": "Maria.Pena@Example.COM",
    "telefono": "300 123 4567",
}
COMPRA = {
    "tipo_documento": "cc",
    "numero_documento": "1020304050",
    "numero_factura": " fv-000123 ",
    "fecha": "2026-10-31T23:30:00",
    "total": "1234567.89",
    "estado": "Pagada",
}


def _leer(nombre: str, contenido: bytes) -> list[tuple[int, dict[str, str]]]:
    tabla = leer_tabla(nombre, io.BytesIO(contenido), validacion.COLUMNAS_CLIENTES, ("ciudad",))
    return list(tabla.filas)


def _motivos(error: pytest.ExceptionInfo[FilaInvalida]) -> dict[str, str]:
    return dict(error.value.errores)


def test_validar_cliente_normaliza_documento_correo_y_telefono() -> None:
    datos = validar_cliente(CLIENTE)
    assert datos["tipo"] == "CC" and datos["numero_documento"] == "1020304050"
    assert datos["nombre"] == "María José"
    assert datos["correo"] == "maria.pena@example.com"
    assert datos["telefono"] == "+573001234567"


def test_validar_cliente_acepta_nit_con_dv_y_lo_guarda_sin_el() -> None:
    dv = digito_verificacion_nit("900123456")
    datos = validar_cliente(
        CLIENTE | {"tipo_documento": "NIT", "numero_documento": f"900.123.456-{dv}"}
        | {"nombre": "Comercializadora Andina S.A.S.", "apellido": ""}
    )  # fmt: skip
    assert datos["numero_documento"] == "900123456"


def test_validar_cliente_rechaza_nit_con_dv_equivocado() -> None:
    dv = (digito_verificacion_nit("900123456") + 1) % 10
    with pytest.raises(FilaInvalida) as error:
        validar_cliente(
            CLIENTE
            | {"tipo_documento": "NIT", "numero_documento": f"900123456-{dv}", "apellido": ""}
        )
    assert "dígito de verificación" in _motivos(error)["numero_documento"]


def test_validar_cliente_exige_apellido_vacio_para_nit_y_lleno_para_personas() -> None:
    with pytest.raises(FilaInvalida) as empresa:
        validar_cliente(CLIENTE | {"tipo_documento": "NIT", "numero_documento": "900123456"})
    assert "apellido" in _motivos(empresa)
    with pytest.raises(FilaInvalida) as persona:
        validar_cliente(CLIENTE | {"apellido": "  "})
    assert _motivos(persona)["apellido"] == "El apellido es obligatorio para una persona."


def test_validar_cliente_informa_todos_los_campos_malos_de_la_fila() -> None:
    with pytest.raises(FilaInvalida) as error:
        validar_cliente(
            CLIENTE | {"nombre": "", "apellido": "", "correo": "x" * 255, "telefono": "1" * 21}
        )
    assert set(_motivos(error)) == {"nombre", "apellido", "correo", "telefono"}


def test_un_telefono_o_correo_mal_formado_se_guarda_tal_cual_y_se_marca() -> None:
    datos = validar_cliente(CLIENTE | {"correo": " sin-arroba ", "telefono": "12ab"})
    assert (datos["correo"], datos["telefono"]) == ("sin-arroba", "12ab")
    assert datos["marcas"] == ["correo", "telefono"]
    assert validar_cliente(CLIENTE)["marcas"] == []


def test_validar_cliente_guarda_textos_con_forma_de_formula_sin_cambios() -> None:
    nombre = '=HYPERLINK("https://example.com","Ver")'
    datos = validar_cliente(CLIENTE | {"nombre": nombre, "apellido": "'; DROP TABLE clientes;--"})
    assert datos["nombre"] == nombre
    assert datos["apellido"] == "'; DROP TABLE clientes;--"


def test_validar_cliente_limita_el_largo_del_nombre() -> None:
    with pytest.raises(FilaInvalida) as error:
        validar_cliente(CLIENTE | {"nombre": "A" * 151})
    assert "150" in _motivos(error)["nombre"]


@pytest.mark.parametrize(
    ("entrada", "esperado"),
    [
        ("3001234567", "+573001234567"),
        ("(601) 234-5678", "+576012345678"),
        ("57 300 123 4567", "+573001234567"),
        ("+1 415 555 2671", "+14155552671"),
        ("0034 912 345 678", "+34912345678"),
        ("", None),
    ],
)
def test_normalizar_telefono_deja_el_numero_en_e164(entrada: str, esperado: str | None) -> None:
    assert normalizar_telefono(entrada) == esperado


@pytest.mark.parametrize("entrada", ["2345678", "12345", "+12345", "300-ABC-4567"])
def test_normalizar_telefono_rechaza_numeros_que_no_reconoce(entrada: str) -> None:
    with pytest.raises(ValueError):
        normalizar_telefono(entrada)


def test_interpretar_fecha_sin_desfase_es_hora_de_bogota() -> None:
    instante = interpretar_fecha("2026-10-31T23:30:00", AHORA)
    assert instante == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
    assert interpretar_fecha("2026-11-01T04:30:00Z", AHORA) == instante


def test_interpretar_fecha_solo_dia_es_la_medianoche_de_bogota() -> None:
    assert interpretar_fecha("2026-10-31", AHORA) == datetime(2026, 10, 31, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("entrada", "parte_del_mensaje"),
    [
        ("31/10/2026", "ISO 8601"),
        ("", "obligatoria"),
        ((AHORA + timedelta(days=1)).isoformat(), "futuro"),
        ("1999-12-31T10:00:00", "año 2000"),
    ],
)
def test_interpretar_fecha_rechaza_formatos_y_fechas_imposibles(
    entrada: str, parte_del_mensaje: str
) -> None:
    with pytest.raises(ValueError, match=parte_del_mensaje):
        interpretar_fecha(entrada, AHORA)


def test_interpretar_total_es_decimal_exacto() -> None:
    assert interpretar_total(" 1234567.89 ") == Decimal("1234567.89")
    assert interpretar_total("1234567") == Decimal("1234567")
    assert interpretar_total("99999999999999.99") == validacion.TOTAL_MAXIMO


@pytest.mark.parametrize(
    ("entrada", "parte_del_mensaje"),
    [
        ("-5.00", "negativo"),
        ("10.555", "máximo 2 decimales"),
        ("1.234.567,89", "sin separador de miles"),
        ("1234,5", "sin separador de miles"),
        ("100000000000000.00", "máximo admitido"),
        ("", "obligatorio"),
    ],
)
def test_interpretar_total_rechaza_negativos_decimales_de_mas_y_formato_con_coma(
    entrada: str, parte_del_mensaje: str
) -> None:
    with pytest.raises(ValueError, match=parte_del_mensaje):
        interpretar_total(entrada)


def test_validar_compra_normaliza_factura_estado_y_fecha() -> None:
    datos = validar_compra(COMPRA | {"canal": " WEB ", "tienda": ""}, AHORA)
    assert datos["numero_factura"] == "FV-000123"
    assert datos["estado"] == "pagada"
    assert datos["fecha"] == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
    assert datos["canal"] == "web" and datos["tienda"] is None


def test_validar_compra_rechaza_estado_desconocido() -> None:
    with pytest.raises(FilaInvalida) as error:
        validar_compra(COMPRA | {"estado": "pendiente"}, AHORA)
    assert "pagada, anulada o devuelta" in _motivos(error)["estado"]


def test_leer_csv_con_bom_y_punto_y_coma_ignora_mayusculas_en_el_encabezado() -> None:
    contenido = (
        "\ufeffTipo_Documento ; NUMERO_DOCUMENTO;nombre;apellido;correo;telefono;Ciudad\r\n"
        "CC;123456;Ñandú;Peña;;;Cúcuta\r\n"
        "\r\n"
        "CC;654321;Ana;Ruiz;;;\r\n"
    ).encode()
    filas = _leer("clientes.csv", contenido)
    assert [numero for numero, _ in filas] == [2, 4]
    assert filas[0][1]["nombre"] == "Ñandú" and filas[0][1]["ciudad"] == "Cúcuta"


def test_leer_tabla_nombra_las_columnas_que_faltan() -> None:
    with pytest.raises(ArchivoInvalido, match="faltan columnas obligatorias") as error:
        _leer("clientes.csv", b"tipo_documento,numero_documento,nombre\nCC,1,A\n")
    assert "apellido, correo, telefono" in str(error.value)


def test_leer_tabla_rechaza_extensiones_desconocidas() -> None:
    with pytest.raises(ArchivoInvalido, match=r"use un archivo \.csv o \.xlsx"):
        _leer("clientes.txt", b"x")


def test_leer_tabla_rechaza_binario_y_csv_que_no_esta_en_utf8() -> None:
    with pytest.raises(ArchivoInvalido, match="UTF-8"):
        _leer("clientes.csv", bytes(range(256)) * 4)
    encabezado = b"tipo_documento,numero_documento,nombre,apellido,correo,telefono\n"
    with pytest.raises(ArchivoInvalido, match="no está en UTF-8"):
        _leer("clientes.csv", encabezado + "CC,123456,Peña,Ñúñez,,\n".encode("latin-1"))
    buenas = b"CC,123456,Ana,Ruiz,,\n" * 1000
    with pytest.raises(ArchivoInvalido, match=r"no está en UTF-8 \(cerca de la fila \d+\)"):
        _leer("clientes.csv", encabezado + buenas + "CC,1,Peña,Ñ,,\n".encode("latin-1"))


def test_leer_tabla_rechaza_xlsx_danado_y_csv_vacio() -> None:
    with pytest.raises(ArchivoInvalido, match="dañado"):
        _leer("clientes.xlsx", b"PK\x03\x04 esto no es un zip completo")
    with pytest.raises(ArchivoInvalido, match="vacío"):
        _leer("clientes.csv", b"")


def test_leer_xlsx_convierte_numeros_y_fechas_de_excel_en_texto() -> None:
    libro = Workbook()
    hoja = libro.active
    assert hoja is not None
    hoja.append(["tipo_documento", "numero_documento", "nombre", "apellido", "correo", "telefono"])
    hoja.append(["CC", 1020304050, "Ana", "Ruiz", None, 3001234567.0])
    hoja.append([None, None, None, None, None, None])
    hoja.append(["CC", 123456, datetime(2026, 10, 31, 23, 30), "Ruiz", None, None])
    salida = io.BytesIO()
    libro.save(salida)
    filas = _leer("clientes.xlsx", salida.getvalue())
    assert filas[0] == (
        2,
        {"tipo_documento": "CC", "numero_documento": "1020304050", "nombre": "Ana",
         "apellido": "Ruiz", "correo": "", "telefono": "3001234567"},
    )  # fmt: skip
    assert filas[1][0] == 4 and filas[1][1]["nombre"] == "2026-10-31T23:30:00"


def test_leer_xlsx_lee_todas_las_filas_aunque_el_rango_declarado_este_mal() -> None:
    libro = Workbook()
    hoja = libro.active
    assert hoja is not None
    hoja.append(list(validacion.COLUMNAS_CLIENTES))
    for indice in range(5):
        hoja.append(["CC", str(1000 + indice), "Ana", "Ruiz", "", ""])
    original = io.BytesIO()
    libro.save(original)
    corregido = io.BytesIO()
    with zipfile.ZipFile(original) as entrada, zipfile.ZipFile(corregido, "w") as salida:
        for miembro in entrada.infolist():
            datos = entrada.read(miembro.filename)
            if miembro.filename == "xl/worksheets/sheet1.xml":
                datos = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:A1"/>', datos)
            salida.writestr(miembro, datos)
    assert len(_leer("clientes.xlsx", corregido.getvalue())) == 5
