"""`flask importar`: archivos CSV y XLSX, códigos de salida, errores por fila y progreso."""

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskCliRunner
from openpyxl import Workbook
from sqlalchemy import func, select

from controllers import importacion_controller
from models import Cliente, Compra

ENCABEZADO_CLIENTES = ["tipo_documento", "numero_documento", "nombre", "apellido", "correo",
                       "telefono"]  # fmt: skip
ENCABEZADO_COMPRAS = ["tipo_documento", "numero_documento", "numero_factura", "fecha", "total",
                      "estado"]  # fmt: skip
CLIENTES = [
    ["CC", "1020304050", "María José", "Peña Muñoz", "maria@example.com", "3001234567"],
    ["NIT", "900123456-8", '=HYPERLINK("https://example.com","Ver")', "", "", ""],
]
COMPRAS = [
    ["CC", "1020304050", "FV-000001", "2026-10-31T23:30:00", "2150000.00", "pagada"],
    ["NIT", "900123456", "FV-000002", "2026-10-05T10:00:00", "8000000", "anulada"],
]


def _csv(ruta: Path, filas: list[list[str]], separador: str = ",", bom: bool = False) -> Path:
    with ruta.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as archivo:
        csv.writer(archivo, delimiter=separador).writerows(filas)
    return ruta


def _xlsx(ruta: Path, filas: list[list[Any]]) -> Path:
    libro = Workbook()
    hoja = libro.active
    assert hoja is not None
    for fila in filas:
        hoja.append(fila)
    libro.save(ruta)
    return ruta


def _conteos(gateway) -> tuple[int, int]:
    with gateway.session_scope() as sesion:
        clientes = sesion.scalar(select(func.count()).select_from(Cliente)) or 0
        return clientes, sesion.scalar(select(func.count()).select_from(Compra)) or 0


def _importar(runner: FlaskCliRunner, *argumentos: object):
    return runner.invoke(args=["importar", *map(str, argumentos)])


def test_importar_csv_bueno_escribe_y_resume_por_archivo(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES])
    compras = _csv(tmp_path / "compras.csv", [ENCABEZADO_COMPRAS, *COMPRAS])
    resultado = _importar(runner, "--clientes", clientes, "--compras", compras)
    assert resultado.exit_code == 0, resultado.output
    assert "clientes.csv (clientes): 2 insertadas, 0 actualizadas" in resultado.stdout
    assert "compras.csv (compras): 2 insertadas" in resultado.stdout
    assert "Importación completada." in resultado.stdout
    assert _conteos(gateway) == (2, 2)
    with gateway.session_scope() as sesion:
        nombre = sesion.scalar(
            select(Cliente.nombre).where(Cliente.numero_documento == "900123456")
        )
        fecha = sesion.scalar(select(Compra.fecha).where(Compra.numero_factura == "FV-000001"))
    assert nombre == '=HYPERLINK("https://example.com","Ver")'
    assert fecha == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)


def test_importar_xlsx_con_celdas_numericas_y_fechas_de_excel(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    clientes = _xlsx(
        tmp_path / "clientes.xlsx",
        [ENCABEZADO_CLIENTES, ["CC", 1020304050, "Ana", "Ruiz", None, 3001234567]],
    )
    compras = _xlsx(
        tmp_path / "compras.xlsx",
        [ENCABEZADO_COMPRAS,
         ["CC", 1020304050, "fv-7", datetime(2026, 10, 31, 23, 30), 1234.5, "PAGADA"]],
    )  # fmt: skip
    resultado = _importar(runner, "--clientes", clientes, "--compras", compras)
    assert resultado.exit_code == 0, resultado.output
    with gateway.session_scope() as sesion:
        compra = sesion.scalars(select(Compra)).one()
    assert compra.numero_factura == "FV-7" and str(compra.total) == "1234.50"
    assert compra.fecha == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)


def test_importar_csv_con_bom_y_punto_y_coma(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES], ";", bom=True)
    resultado = _importar(runner, "--clientes", clientes)
    assert resultado.exit_code == 0, resultado.output
    assert _conteos(gateway) == (2, 0)


def test_importar_con_una_fila_mala_no_escribe_nada(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    malas = [*COMPRAS, *COMPRAS[:1] * 3, ["CC", "1020304050", "FV-9", "2026-10-01", "-5", "pagada"]]
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES])
    compras = _csv(tmp_path / "compras.csv", [ENCABEZADO_COMPRAS, *malas])
    resultado = _importar(runner, "--clientes", clientes, "--compras", compras)
    assert resultado.exit_code == 1
    assert "compras.csv, fila 7, total: El total no puede ser negativo." in resultado.stderr
    assert "no se escribió nada" in resultado.stderr
    assert "Traceback" not in resultado.output
    assert _conteos(gateway) == (0, 0)


@pytest.mark.parametrize(
    ("total", "mensaje"),
    [
        ("10.555", "fila 2, total: El total admite como máximo 2 decimales"),
        ("1.234.567,89", "fila 2, total: Formato de total no válido"),
    ],
)
def test_importar_rechaza_totales_con_mas_decimales_o_con_coma(
    runner: FlaskCliRunner, gateway, tmp_path: Path, total: str, mensaje: str
) -> None:
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES])
    fila = ["CC", "1020304050", "FV-1", "2026-10-01", total, "pagada"]
    compras = _csv(tmp_path / "compras.csv", [ENCABEZADO_COMPRAS, fila])
    resultado = _importar(runner, "--clientes", clientes, "--compras", compras)
    assert resultado.exit_code == 1
    assert mensaje in resultado.stderr
    assert _conteos(gateway) == (0, 0)


def test_importar_parcial_escribe_las_filas_buenas_y_sale_con_1(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    mala = ["NIT", "900123456-1", "Empresa", "", "", ""]
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES, mala])
    resultado = _importar(runner, "--clientes", clientes, "--parcial")
    assert resultado.exit_code == 1
    assert "clientes.csv, fila 4, numero_documento: El dígito de verificación" in resultado.stderr
    assert "2 insertadas" in resultado.stdout and "1 rechazadas" in resultado.stdout
    assert "Importación parcial" in resultado.stderr
    assert _conteos(gateway) == (2, 0)


def test_reimportar_el_mismo_archivo_no_cambia_nada(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES])
    assert _importar(runner, "--clientes", clientes).exit_code == 0
    resultado = _importar(runner, "--clientes", clientes)
    assert resultado.exit_code == 0
    assert "0 insertadas, 0 actualizadas, 2 sin cambios" in resultado.stdout
    assert _conteos(gateway) == (2, 0)


def test_importar_sin_archivos_es_un_error_de_uso(runner: FlaskCliRunner) -> None:
    resultado = _importar(runner)
    assert resultado.exit_code == 2
    assert "Indique al menos un archivo con --clientes o --compras." in resultado.output


def test_importar_con_columnas_faltantes_las_nombra(runner: FlaskCliRunner, tmp_path: Path) -> None:
    clientes = _csv(tmp_path / "clientes.csv", [["tipo_documento", "numero_documento", "nombre"]])
    resultado = _importar(runner, "--clientes", clientes)
    assert resultado.exit_code == 1
    assert "faltan columnas obligatorias" in resultado.stderr
    assert "apellido, correo, telefono" in resultado.stderr


@pytest.mark.parametrize(
    ("nombre", "contenido", "mensaje"),
    [
        ("clientes.xlsx", b"PK\x03\x04 esto no es un libro", "no es un libro de Excel .xlsx"),
        ("clientes.csv", bytes(range(256)) * 64, "no está en UTF-8"),
        ("clientes.pdf", b"%PDF-1.7", "formato no admitido"),
    ],
)
def test_importar_archivo_danado_o_binario_falla_sin_traceback(
    runner: FlaskCliRunner, gateway, tmp_path: Path, nombre: str, contenido: bytes, mensaje: str
) -> None:
    ruta = tmp_path / nombre
    ruta.write_bytes(contenido)
    resultado = _importar(runner, "--clientes", ruta)
    assert resultado.exit_code == 1
    assert mensaje in resultado.stderr and "No se escribió nada." in resultado.stderr
    assert "Traceback" not in resultado.output
    assert _conteos(gateway) == (0, 0)


def test_importar_muestra_como_maximo_50_errores_y_cuenta_el_resto(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    malas = [["CC", str(10_000 + i), "Ana", "", "", ""] for i in range(60)]
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *malas])
    resultado = _importar(runner, "--clientes", clientes)
    assert resultado.exit_code == 1
    assert resultado.stderr.count("apellido: El apellido es obligatorio") == 50
    assert "... y 10 errores más." in resultado.stderr


def test_importar_informa_el_progreso_en_stderr(
    runner: FlaskCliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importacion_controller, "INTERVALO_PROGRESO", 1)
    clientes = _csv(tmp_path / "clientes.csv", [ENCABEZADO_CLIENTES, *CLIENTES])
    resultado = _importar(runner, "--clientes", clientes)
    assert "clientes.csv: 2 filas procesadas" in resultado.stderr
    assert "filas procesadas" not in resultado.stdout
