"""`flask catalogo importar`: productos y establecimientos desde CSV/XLSX, errores con archivo y
fila, todo o nada, --parcial, idempotencia y una transacción para los dos archivos."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskCliRunner
from openpyxl import Workbook
from sqlalchemy import func, select

from models.catalogo import Establecimiento, Producto
from services.documento_service import digito_verificacion_nit

ENCABEZADO_PRODUCTOS = ["codigo", "nombre", "categoria", "marca", "presentacion", "precio", "iva"]
PRODUCTOS = [
    ["caf-500", "Café Sello Rojo", "Bebidas", "Sello Rojo", "500 g", "18900", "5"],
    ["ARR-1K", "Arroz Diana", "Despensa", "Diana", "1 kg", "4900.50", "0"],
]
ENCABEZADO_ESTABLECIMIENTOS = ["nombre", "tipo", "nit", "ciudad", "departamento", "direccion",
                               "telefono", "latitud", "longitud", "vendedor"]  # fmt: skip
NIT = "900123456"
ESTABLECIMIENTOS = [
    ["Tienda Doña Rosa", "tienda", "", "Bogotá", "Cundinamarca", "Calle 145 # 12-30",
     "3104567890", "4.728512", "-74.036870", "vendedor.prueba"],
    ["Droguería Santa Bárbara", "DROGUERIA", f"{NIT}-{digito_verificacion_nit(NIT)}", "Bogotá",
     "Cundinamarca", "Av 19 # 118-09", "", "", "", ""],
]  # fmt: skip


def _csv(ruta: Path, filas: list[list[str]]) -> Path:
    with ruta.open("w", encoding="utf-8", newline="") as archivo:
        csv.writer(archivo).writerows(filas)
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
        return (
            sesion.scalar(select(func.count()).select_from(Producto)) or 0,
            sesion.scalar(select(func.count()).select_from(Establecimiento)) or 0,
        )


def _importar(runner: FlaskCliRunner, *argumentos: object):
    return runner.invoke(args=["catalogo", "importar", *map(str, argumentos)])


@pytest.fixture
def archivos(tmp_path: Path) -> dict[str, Path]:
    return {
        "productos": _csv(tmp_path / "productos.csv", [ENCABEZADO_PRODUCTOS, *PRODUCTOS]),
        "establecimientos": _csv(
            tmp_path / "establecimientos.csv", [ENCABEZADO_ESTABLECIMIENTOS, *ESTABLECIMIENTOS]
        ),
    }


def test_importar_productos_y_establecimientos_buenos_escribe_y_resume(runner, gateway, archivos):
    resultado = _importar(
        runner,
        "--productos",
        archivos["productos"],
        "--establecimientos",
        archivos["establecimientos"],
    )
    assert resultado.exit_code == 0, resultado.output
    assert "productos.csv (productos): 2 insertadas, 0 actualizadas" in resultado.output
    assert "establecimientos.csv (establecimientos): 2 insertadas" in resultado.output
    assert "Importación completada." in resultado.output
    assert _conteos(gateway) == (2, 2)
    with gateway.session_scope() as sesion:
        cafe = sesion.scalars(select(Producto).where(Producto.codigo == "CAF-500")).one()
        assert (cafe.nombre_busqueda, cafe.activo, cafe.iva) == ("cafe sello rojo", True, 5)
        tienda = sesion.scalars(
            select(Establecimiento).where(Establecimiento.nombre == "Tienda Doña Rosa")
        ).one()
        assert tienda.telefono == "+573104567890"
        assert tienda.vendedor_id is not None
        drogueria = sesion.scalars(select(Establecimiento).where(Establecimiento.nit == NIT)).one()
        assert drogueria.latitud is None


def test_reimportar_los_mismos_archivos_no_cambia_nada(runner, gateway, archivos):
    argumentos = (
        "--productos",
        archivos["productos"],
        "--establecimientos",
        archivos["establecimientos"],
    )
    assert _importar(runner, *argumentos).exit_code == 0
    resultado = _importar(runner, *argumentos)
    assert resultado.exit_code == 0, resultado.output
    assert (
        "productos.csv (productos): 0 insertadas, 0 actualizadas, 2 sin cambios" in resultado.output
    )
    assert "(establecimientos): 0 insertadas, 0 actualizadas, 2 sin cambios" in resultado.output
    assert _conteos(gateway) == (2, 2)


def test_reimportar_con_cambios_actualiza_por_codigo_y_por_direccion(
    runner, gateway, tmp_path, archivos
):
    _importar(
        runner,
        "--productos",
        archivos["productos"],
        "--establecimientos",
        archivos["establecimientos"],
    )
    productos = _csv(
        tmp_path / "p2.csv",
        [
            ENCABEZADO_PRODUCTOS,
            ["CAF-500", "Café Sello Rojo", "Bebidas", "Sello Rojo", "500 g", "19900", "5"],
        ],
    )
    nuevo_nit = "830045672"
    establecimientos = _csv(
        tmp_path / "e2.csv",
        [
            ENCABEZADO_ESTABLECIMIENTOS,
            [*ESTABLECIMIENTOS[0][:2], nuevo_nit, *ESTABLECIMIENTOS[0][3:]],
        ],
    )
    resultado = _importar(runner, "--productos", productos, "--establecimientos", establecimientos)
    assert resultado.exit_code == 0, resultado.output
    assert "p2.csv (productos): 0 insertadas, 1 actualizadas" in resultado.output
    # La tienda no tenía NIT: con el mismo nombre y dirección lo adopta en vez de duplicarse.
    assert "e2.csv (establecimientos): 0 insertadas, 1 actualizadas" in resultado.output
    assert _conteos(gateway) == (2, 2)
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(Producto.precio).where(Producto.codigo == "CAF-500")) == 19900
        assert (
            sesion.scalar(select(Establecimiento.nombre).where(Establecimiento.nit == nuevo_nit))
            == "Tienda Doña Rosa"
        )


@pytest.mark.parametrize(
    ("fila", "campo"),
    [
        (["AÑO-1", "Producto", "Bebidas", "", "", "1000", "19"], "codigo"),
        (["OK-1", "P", "Bebidas", "", "", "1000", "19"], "nombre"),
        (["OK-1", "Producto", "Bebidas", "", "", "0", "19"], "precio"),
        (["OK-1", "Producto", "Bebidas", "", "", "1.000,50", "19"], "precio"),
        (["OK-1", "Producto", "Bebidas", "", "", "1000", "16"], "iva"),
        (["OK-1", "Producto", "", "", "", "1000", "19"], "categoria"),
    ],
)
def test_una_fila_mala_de_productos_no_escribe_nada_y_dice_archivo_fila_y_campo(
    runner, gateway, tmp_path, fila, campo
):
    archivo = _csv(tmp_path / "productos.csv", [ENCABEZADO_PRODUCTOS, *PRODUCTOS, fila])
    resultado = _importar(runner, "--productos", archivo)
    assert resultado.exit_code == 1
    assert f"productos.csv, fila 4, {campo}:" in resultado.output
    assert "no se escribió nada" in resultado.output
    assert _conteos(gateway) == (0, 0)


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({1: "BAR"}, "tipo"),
        ({2: f"{NIT}-{(digito_verificacion_nit(NIT) + 1) % 10}"}, "nit"),
        ({7: "40.4", 8: "-3.7"}, "latitud"),
        ({8: ""}, "longitud"),
        ({9: "agente.prueba"}, "vendedor"),
        ({9: "nadie"}, "vendedor"),
        ({6: "12"}, "telefono"),
        ({3: ""}, "ciudad"),
    ],
)
def test_una_fila_mala_de_establecimientos_revierte_tambien_los_productos(
    runner, gateway, tmp_path, archivos, cambios, campo
):
    fila = list(ESTABLECIMIENTOS[0])
    for posicion, valor in cambios.items():
        fila[posicion] = valor
    establecimientos = _csv(
        tmp_path / "malos.csv", [ENCABEZADO_ESTABLECIMIENTOS, ESTABLECIMIENTOS[1], fila]
    )
    resultado = _importar(
        runner, "--productos", archivos["productos"], "--establecimientos", establecimientos
    )
    assert resultado.exit_code == 1
    assert f"malos.csv, fila 3, {campo}:" in resultado.output
    assert _conteos(gateway) == (0, 0)


def test_con_parcial_se_guardan_las_filas_validas_y_sale_con_1(runner, gateway, tmp_path):
    archivo = _csv(
        tmp_path / "productos.csv",
        [ENCABEZADO_PRODUCTOS, *PRODUCTOS, ["MAL", "Producto", "Bebidas", "", "", "-1", "19"]],
    )
    resultado = _importar(runner, "--productos", archivo, "--parcial")
    assert resultado.exit_code == 1
    assert "productos.csv, fila 4, precio:" in resultado.output
    assert "Importación parcial" in resultado.output
    assert _conteos(gateway) == (2, 0)


def test_importar_productos_desde_xlsx_con_numeros(runner, gateway, tmp_path):
    archivo = _xlsx(
        tmp_path / "productos.xlsx",
        [ENCABEZADO_PRODUCTOS, ["LEC-1L", "Leche entera", "Lácteos", None, "1 L", 4300, 0]],
    )
    resultado = _importar(runner, "--productos", archivo)
    assert resultado.exit_code == 0, resultado.output
    with gateway.session_scope() as sesion:
        leche = sesion.scalars(select(Producto)).one()
        assert (leche.precio, leche.iva, leche.marca) == (4300, 0, None)


def test_falta_una_columna_obligatoria_no_escribe_nada(runner, gateway, tmp_path):
    archivo = _csv(tmp_path / "productos.csv", [["codigo", "nombre"], ["A-1", "Producto"]])
    resultado = _importar(runner, "--productos", archivo)
    assert resultado.exit_code == 1
    assert "categoria" in resultado.output
    assert "No se escribió nada" in resultado.output
    assert _conteos(gateway) == (0, 0)


def test_sin_archivos_es_un_error_de_uso(runner):
    resultado = _importar(runner)
    assert resultado.exit_code == 2
    assert "--productos o --establecimientos" in resultado.output


def test_archivo_inexistente_responde_con_mensaje_claro(runner, tmp_path):
    resultado = _importar(runner, "--productos", tmp_path / "no.csv")
    assert resultado.exit_code == 1
    assert "no existe" in resultado.output
