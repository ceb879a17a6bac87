"""Reporte de fidelización: mes de Bogotá, umbral estricto, solo pagadas; libro contra SQL plano."""

import io
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import text

from services.exportacion_service import FORMATO_COP, FORMATO_FECHA
from services.reporte_service import (
    ANCHOS,
    COLUMNAS,
    FILA_ENCABEZADO,
    HOJA_CLIENTES,
    HOJA_RESUMEN,
    SIN_CLIENTES,
    FilaFidelizacion,
    escribir_excel,
)
from services.tiempo_service import ZONA_BOGOTA, Mes, mes_actual
from tests.fabricas import bogota, crear_cliente, crear_compra

REPORTE = "/api/reportes/fidelizacion"
RESUMEN = "/api/reportes/fidelizacion/resumen"

# Suma plana, independiente del código: límites de septiembre de 2026 en Bogotá escritos en UTC.
SQL_PLANO = """
SELECT t.codigo, c.numero_documento, c.nombre, c.apellido, c.correo, c.telefono,
       COUNT(*) AS compras, SUM(p.total) AS monto, MAX(p.fecha) AS ultima
FROM compras p
JOIN clientes c ON c.id = p.cliente_id
JOIN tipos_documento t ON t.id = c.tipo_documento_id
WHERE p.estado = 'pagada' AND p.fecha >= '2026-09-01 05:00:00' AND p.fecha < '2026-10-01 05:00:00'
GROUP BY t.codigo, c.numero_documento, c.nombre, c.apellido, c.correo, c.telefono
HAVING SUM(p.total) > 5000000
ORDER BY monto DESC
"""


@pytest.fixture
def datos_septiembre(gateway) -> dict[str, int]:
    """Casos de borde del mes de septiembre de 2026 (hora de Bogotá)."""
    ids = {}
    ids["alto"] = crear_cliente(gateway, numero="11111111", nombre="Ángela", apellido="Núñez")
    crear_compra(gateway, ids["alto"], bogota(2026, 9, 10), "4000000")
    crear_compra(gateway, ids["alto"], bogota(2026, 9, 30, 23, 30), "3000000.25")  # cuenta
    crear_compra(gateway, ids["alto"], bogota(2026, 10, 1, 0, 10), "9000000")  # es octubre
    ids["limite"] = crear_cliente(gateway, numero="22222222", nombre="Justo", apellido="Límite")
    crear_compra(gateway, ids["limite"], bogota(2026, 9, 5), "2500000.10")
    crear_compra(gateway, ids["limite"], bogota(2026, 9, 6), "2499999.90")  # 5.000.000,00 exacto
    ids["debajo"] = crear_cliente(gateway, numero="33333333", nombre="Casi", apellido="Llega")
    crear_compra(gateway, ids["debajo"], bogota(2026, 9, 7), "4999999.99")
    ids["anulado"] = crear_cliente(gateway, numero="44444444", nombre="Ana", apellido="Anulada")
    crear_compra(gateway, ids["anulado"], bogota(2026, 9, 8), "1000000")
    crear_compra(gateway, ids["anulado"], bogota(2026, 9, 9), "8000000", estado="anulada")
    crear_compra(gateway, ids["anulado"], bogota(2026, 9, 10), "8000000", estado="devuelta")
    ids["borde_inicio"] = crear_cliente(gateway, numero="55555555", nombre="=Fórmula", apellido="Ñ")
    crear_compra(gateway, ids["borde_inicio"], bogota(2026, 9, 1, 0, 10), "5000000.01")
    crear_compra(gateway, ids["borde_inicio"], bogota(2026, 8, 31, 23, 30), "9000000")  # agosto
    ids["nit"] = crear_cliente(
        gateway, tipo="NIT", numero="900123456", nombre="Comercial Andina S.A.S.", apellido=""
    )
    crear_compra(gateway, ids["nit"], bogota(2026, 9, 15), "12500000")
    return ids


@pytest.mark.parametrize("ruta", [REPORTE, RESUMEN])
def test_reporte_sin_token_responde_401(client: FlaskClient, ruta: str) -> None:
    assert client.get(ruta).status_code == 401


@pytest.mark.parametrize("ruta", [REPORTE, RESUMEN])
def test_reporte_con_rol_agente_responde_403(client: FlaskClient, cabeceras, ruta: str) -> None:
    respuesta = client.get(ruta, headers=cabeceras["agente"])
    assert respuesta.status_code == 403
    assert respuesta.json["error"]["code"] == "prohibido"


@pytest.mark.parametrize("rol", ["supervisor", "admin"])
def test_supervisor_y_admin_descargan_el_reporte(client: FlaskClient, cabeceras, rol) -> None:
    assert client.get(REPORTE, headers=cabeceras[rol]).status_code == 200


def test_resumen_aplica_mes_de_bogota_umbral_estricto_y_solo_pagadas(
    client: FlaskClient, cabeceras, datos_septiembre
) -> None:
    respuesta = client.get(
        RESUMEN, query_string={"mes": "2026-09"}, headers=cabeceras["supervisor"]
    )
    assert respuesta.status_code == 200
    datos = respuesta.json
    assert datos["mes"] == "2026-09"
    assert datos["umbral"] == 5000000
    documentos = [c["numero_documento"] for c in datos["clientes"]]
    assert documentos == ["900123456", "11111111", "55555555"]
    assert datos["cantidad_clientes"] == 3
    assert datos["monto_total"] == pytest.approx(12500000 + 7000000.25 + 5000000.01)
    alto = datos["clientes"][1]
    assert alto["monto_total"] == 7000000.25
    assert alto["numero_compras"] == 2
    assert alto["fecha_ultima_compra"] == "2026-09-30T23:30:00-05:00"


def test_resumen_con_otro_umbral(client: FlaskClient, cabeceras, datos_septiembre) -> None:
    respuesta = client.get(
        RESUMEN,
        query_string={"mes": "2026-09", "umbral": "4999999.98"},
        headers=cabeceras["supervisor"],
    )
    documentos = [c["numero_documento"] for c in respuesta.json["clientes"]]
    assert "33333333" in documentos and "22222222" in documentos
    assert "44444444" not in documentos


def test_el_mes_por_defecto_es_el_anterior_en_bogota(
    client: FlaskClient, cabeceras, gateway
) -> None:
    anterior = mes_actual().anterior()
    cliente_id = crear_cliente(gateway)
    crear_compra(gateway, cliente_id, bogota(anterior.anio, anterior.mes, 15), "6000000")
    respuesta = client.get(RESUMEN, headers=cabeceras["supervisor"])
    assert respuesta.json["mes"] == str(anterior)
    assert respuesta.json["cantidad_clientes"] == 1
    descarga = client.get(REPORTE, headers=cabeceras["supervisor"])
    assert (
        descarga.headers["Content-Disposition"]
        == f"attachment; filename=fidelizacion_{anterior}.xlsx"
    )


@pytest.mark.parametrize(
    ("consulta", "campo"),
    [
        ({"mes": "2026-13"}, "mes"),
        ({"mes": "10-2026"}, "mes"),
        ({"mes": "2026-1"}, "mes"),
        ({"mes": "abcdefghij"}, "mes"),
        ({"mes": "2999-01"}, "mes"),
        ({"umbral": "-1"}, "umbral"),
        ({"umbral": "cinco millones"}, "umbral"),
        ({"umbral": "5000000.001"}, "umbral"),
        ({"umbral": "NaN"}, "umbral"),
        ({"umbral": "1e400"}, "umbral"),
    ],
)
@pytest.mark.parametrize("ruta", [REPORTE, RESUMEN])
def test_mes_o_umbral_invalidos_responden_422(
    client: FlaskClient, cabeceras, ruta: str, consulta: dict, campo: str
) -> None:
    respuesta = client.get(ruta, query_string=consulta, headers=cabeceras["supervisor"])
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "datos_invalidos"
    assert campo in respuesta.json["error"]["details"]["campos"]


def test_el_libro_coincide_celda_a_celda_con_una_consulta_sql_plana(
    client: FlaskClient, cabeceras, gateway, datos_septiembre
) -> None:
    respuesta = client.get(
        REPORTE, query_string={"mes": "2026-09"}, headers=cabeceras["supervisor"]
    )
    assert respuesta.status_code == 200
    assert respuesta.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    libro = load_workbook(io.BytesIO(respuesta.data))
    assert libro.sheetnames == [HOJA_CLIENTES, HOJA_RESUMEN]
    hoja = libro[HOJA_CLIENTES]
    filas = list(hoja.iter_rows(min_row=FILA_ENCABEZADO + 1, values_only=True))
    with gateway.engine.connect() as conexion:
        esperadas = conexion.execute(text(SQL_PLANO)).all()
    assert len(filas) == len(esperadas) == 3
    for fila, esperada in zip(filas, esperadas, strict=True):
        codigo, numero, nombre, apellido, correo, telefono, compras, monto, ultima = esperada
        assert fila[0] == codigo
        assert fila[1] == numero
        assert fila[2] == ("'" + nombre if nombre.startswith("=") else nombre)
        assert fila[3] == apellido or (fila[3] is None and apellido == "")
        assert fila[4] == correo
        assert fila[5] == "'" + telefono
        assert fila[6] == compras
        assert Decimal(str(fila[7])).quantize(Decimal("0.01")) == Decimal(str(monto)).quantize(
            Decimal("0.01")
        )
        assert isinstance(fila[7], float | int)
        ultima = ultima if isinstance(ultima, datetime) else datetime.fromisoformat(ultima)
        ultima_utc = ultima.replace(tzinfo=UTC)
        assert fila[8] == ultima_utc.astimezone(ZONA_BOGOTA).replace(tzinfo=None)


def test_el_libro_tiene_titulo_encabezado_fijo_filtros_y_formato_cop(
    client: FlaskClient, cabeceras, datos_septiembre
) -> None:
    respuesta = client.get(
        REPORTE, query_string={"mes": "2026-09"}, headers=cabeceras["supervisor"]
    )
    hoja = load_workbook(io.BytesIO(respuesta.data))[HOJA_CLIENTES]
    assert "septiembre de 2026" in hoja["A1"].value
    assert "2026-09" in hoja["A2"].value
    assert "$ 5.000.000,00" in hoja["A3"].value
    assert "Saúl Supervisor" in hoja["A4"].value
    encabezado = [c.value for c in hoja[FILA_ENCABEZADO]]
    assert encabezado[:2] == ["Tipo de documento", "Número de documento"]
    assert len(encabezado) == 9
    assert hoja.freeze_panes == f"A{FILA_ENCABEZADO + 1}"
    assert hoja.auto_filter.ref.startswith(f"A{FILA_ENCABEZADO}:I")
    assert "$" in hoja.cell(FILA_ENCABEZADO + 1, 8).number_format
    assert hoja.cell(FILA_ENCABEZADO + 1, 9).is_date
    assert hoja.cell(FILA_ENCABEZADO + 2, 9).value == datetime(2026, 9, 30, 23, 30)


def test_un_mes_sin_clientes_que_califiquen_es_un_reporte_valido(
    client: FlaskClient, cabeceras
) -> None:
    respuesta = client.get(
        REPORTE, query_string={"mes": "2020-01"}, headers=cabeceras["supervisor"]
    )
    assert respuesta.status_code == 200
    libro = load_workbook(io.BytesIO(respuesta.data))
    hoja = libro[HOJA_CLIENTES]
    assert hoja.cell(FILA_ENCABEZADO - 1, 1).value == SIN_CLIENTES
    assert hoja.cell(FILA_ENCABEZADO + 1, 1).value is None
    aviso = hoja.cell(FILA_ENCABEZADO - 1, 1)
    assert aviso.font.b and aviso.font.i
    assert hoja.auto_filter.ref == f"A{FILA_ENCABEZADO}:I{FILA_ENCABEZADO + 1}"
    assert hoja.freeze_panes == f"A{FILA_ENCABEZADO + 1}"
    resumen = {fila[0]: fila[1] for fila in libro[HOJA_RESUMEN].iter_rows(values_only=True)}
    assert resumen["Clientes que califican"] == 0
    assert resumen["Monto total de los clientes que califican (COP)"] == 0
    assert resumen["Observación"] == SIN_CLIENTES
    vista = client.get(RESUMEN, query_string={"mes": "2020-01"}, headers=cabeceras["supervisor"])
    assert vista.json["cantidad_clientes"] == 0 and vista.json["clientes"] == []


def _anchos(hoja) -> list[float]:
    """Ancho de cada columna (un grupo <col min max> cubre columnas contiguas de igual ancho)."""
    anchos = {}
    for dimension in list(hoja.column_dimensions.values()):
        for columna in range(dimension.min, dimension.max + 1):
            anchos[columna] = dimension.width
    return [anchos[columna] for columna in sorted(anchos)]


def test_el_libro_guarda_textos_como_texto_con_estilos_y_resumen(
    client: FlaskClient, cabeceras, datos_septiembre
) -> None:
    respuesta = client.get(
        REPORTE, query_string={"mes": "2026-09"}, headers=cabeceras["supervisor"]
    )
    libro = load_workbook(io.BytesIO(respuesta.data))
    hoja = libro[HOJA_CLIENTES]
    assert hoja["A1"].font.b and hoja["A1"].font.sz == 14
    assert not hoja["A2"].font.b
    assert hoja.cell(FILA_ENCABEZADO - 1, 1).value is None  # el aviso solo si no hay clientes
    assert hoja.auto_filter.ref == f"A{FILA_ENCABEZADO}:I{FILA_ENCABEZADO + 3}"
    for columna in range(1, len(COLUMNAS) + 1):
        celda = hoja.cell(FILA_ENCABEZADO, columna)
        assert celda.font.b and celda.font.color.rgb.endswith("FFFFFF")
        assert celda.fill.fill_type == "solid" and celda.fill.fgColor.rgb.endswith("1F4E78")
        assert celda.alignment.wrap_text and celda.alignment.vertical == "center"
    assert _anchos(hoja) == pytest.approx(ANCHOS, abs=1)
    # El cliente "=Fórmula" queda como texto neutralizado, nunca como fórmula.
    nombre = hoja.cell(FILA_ENCABEZADO + 3, 3)
    assert nombre.value == "'=Fórmula"
    assert nombre.data_type == "s"
    for celda in hoja[FILA_ENCABEZADO + 1][:6]:  # NIT sin apellido: esa celda queda vacía
        assert celda.data_type == "s" or (celda.column == 4 and celda.value is None)
    assert hoja.cell(FILA_ENCABEZADO + 3, 6).value == "'+573001234567"
    assert hoja.cell(FILA_ENCABEZADO + 3, 6).data_type == "s"
    monto, fecha = hoja.cell(FILA_ENCABEZADO + 1, 8), hoja.cell(FILA_ENCABEZADO + 1, 9)
    assert monto.data_type == "n" and monto.number_format == FORMATO_COP
    assert fecha.number_format == FORMATO_FECHA and isinstance(fecha.value, datetime)
    assert hoja.cell(FILA_ENCABEZADO + 1, 7).value == 1
    for hoja_libro in libro.worksheets:
        for fila in hoja_libro.iter_rows():
            for celda in fila:
                assert celda.data_type != "f"
    resumen = libro[HOJA_RESUMEN]
    assert [c.value for c in resumen[1]] == ["Concepto", "Valor"]
    assert all(c.font.b for c in resumen[1])
    assert _anchos(resumen) == pytest.approx([48, 30], abs=1)
    valores = {fila[0].value: fila[1] for fila in resumen.iter_rows(min_row=2)}
    assert valores["Periodo"].value == "2026-09"
    assert valores["Umbral (COP)"].value == 5000000
    assert valores["Umbral (COP)"].number_format == FORMATO_COP
    assert valores["Clientes que califican"].value == 3
    total = valores["Monto total de los clientes que califican (COP)"]
    assert total.value == pytest.approx(12500000 + 7000000.25 + 5000000.01)
    assert total.number_format == FORMATO_COP
    assert valores["Generado por"].value == "Saúl Supervisor"
    assert valores["Observación"].value is None


def _fila(nombre: str = "Ana", correo: str | None = None) -> FilaFidelizacion:
    return FilaFidelizacion(
        "CC",
        "123",
        nombre,
        "",
        correo,
        "=1+1",
        2,
        Decimal("6000000.50"),
        datetime(2026, 9, 1, 5, tzinfo=UTC),
    )


def test_escribir_excel_acepta_una_ruta_y_neutraliza_quien_lo_genera(tmp_path) -> None:
    destino = tmp_path / "reporte.xlsx"
    escribir_excel(
        [_fila("@nombre")],
        Mes(2026, 9),
        Decimal("5000000"),
        "=malo",
        datetime.now(UTC),
        str(destino),
    )
    libro = load_workbook(destino)
    hoja = libro[HOJA_CLIENTES]
    fila = [c.value for c in hoja[FILA_ENCABEZADO + 1]]
    assert fila == [
        "CC",
        "123",
        "'@nombre",
        None,
        None,
        "'=1+1",
        2,
        6000000.5,
        datetime(2026, 9, 1),
    ]
    generado_por = {f[0]: f[1] for f in libro[HOJA_RESUMEN].iter_rows(values_only=True)}
    assert generado_por["Generado por"] == "'=malo"


def test_un_error_a_mitad_del_libro_no_deja_temporales(tmp_path, monkeypatch) -> None:
    carpeta = tmp_path / "tmp"
    carpeta.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(carpeta))
    rota = FilaFidelizacion("CC", "9", "B", "C", None, None, 1, None, None)  # sin monto ni fecha
    salida = io.BytesIO()
    with pytest.raises(TypeError):
        escribir_excel(
            [_fila(), rota], Mes(2026, 9), Decimal("5000000"), "x", datetime.now(UTC), salida
        )
    assert list(carpeta.iterdir()) == []
    assert salida.getvalue() == b""


def _resumen_libro(contenido: bytes | str) -> dict:
    fuente = io.BytesIO(contenido) if isinstance(contenido, bytes) else contenido
    hoja = load_workbook(fuente)[HOJA_RESUMEN]
    return {fila[0].value: fila[1] for fila in hoja.iter_rows(min_row=2)}


def _exacto(celda) -> Decimal:
    """El número que quedó en la celda, leído como decimal: debe ser exacto al centavo."""
    assert isinstance(celda.value, float | int)
    return Decimal(repr(celda.value))


def test_el_resumen_suma_media_mediana_y_desglose_por_tipo_exactos_en_pesos(
    client: FlaskClient, cabeceras, datos_septiembre
) -> None:
    respuesta = client.get(
        REPORTE, query_string={"mes": "2026-09"}, headers=cabeceras["supervisor"]
    )
    valores = _resumen_libro(respuesta.data)
    # Califican 12.500.000,00 (NIT), 7.000.000,25 y 5.000.000,01 (CC).
    assert valores["Clientes que califican"].value == 3
    total = valores["Monto total de los clientes que califican (COP)"]
    assert _exacto(total) == Decimal("24500000.26")
    media = valores["Monto medio por cliente (COP)"]
    assert _exacto(media) == Decimal("8166666.75")  # 24.500.000,26 / 3 = 8.166.666,7533…
    assert media.number_format == FORMATO_COP
    mediana = valores["Monto mediano por cliente (COP)"]
    assert _exacto(mediana) == Decimal("7000000.25")
    assert mediana.number_format == FORMATO_COP
    assert valores["Clientes con CC"].value == 2
    assert _exacto(valores["Monto total de los clientes con CC (COP)"]) == Decimal("12000000.26")
    assert valores["Clientes con NIT"].value == 1
    assert _exacto(valores["Monto total de los clientes con NIT (COP)"]) == Decimal("12500000.00")
    assert valores["Monto total de los clientes con NIT (COP)"].number_format == FORMATO_COP
    assert "Clientes con CE" not in valores  # solo los tipos que tienen clientes que califican
    # Las filas que el resumen ya tenía siguen en su lugar; las cifras nuevas van después.
    conceptos = list(valores)
    assert conceptos[:7] == [
        "Periodo",
        "Umbral (COP)",
        "Clientes que califican",
        "Monto total de los clientes que califican (COP)",
        "Generado",
        "Generado por",
        "Observación",
    ]
    assert conceptos[7:9] == ["Monto medio por cliente (COP)", "Monto mediano por cliente (COP)"]


def _libro_de(*calificadas: tuple[str, str, str]) -> bytes:
    """El libro de clientes dados como (tipo, número, monto), en el orden de la consulta."""
    filas = [
        FilaFidelizacion(
            tipo, numero, "N", "A", None, None, 1, Decimal(monto), datetime(2026, 9, 2, tzinfo=UTC)
        )
        for tipo, numero, monto in calificadas
    ]
    salida = io.BytesIO()
    escribir_excel(filas, Mes(2026, 9), Decimal("5000000"), "x", datetime.now(UTC), salida)
    return salida.getvalue()


def test_media_y_mediana_redondean_al_centavo_la_mitad_hacia_arriba_sin_coma_flotante() -> None:
    # Montos cuya suma en coma flotante no es exacta (0,1 + 0,2 ≠ 0,3) y cuya mediana cae en
    # medio centavo: 5.000.000,015 → 5.000.000,02 (float redondearía a ,01).
    filas = [
        ("CC", "1", "5000000.20"),
        ("CE", "2", "5000000.02"),
        ("CC", "3", "5000000.01"),
        ("PA", "4", "5000000.10"),
    ]
    valores = _resumen_libro(_libro_de(*filas))
    assert _exacto(valores["Monto total de los clientes que califican (COP)"]) == Decimal(
        "20000000.33"
    )
    assert _exacto(valores["Monto medio por cliente (COP)"]) == Decimal("5000000.08")  # ,0825
    assert _exacto(valores["Monto mediano por cliente (COP)"]) == Decimal("5000000.06")  # ,06
    assert _exacto(valores["Monto total de los clientes con CC (COP)"]) == Decimal("10000000.21")
    assert [c for c in valores if str(c).startswith("Clientes con")] == [
        "Clientes con CC",
        "Clientes con CE",
        "Clientes con PA",
    ]
    mediana = _resumen_libro(_libro_de(*filas[1:3]))["Monto mediano por cliente (COP)"]
    assert _exacto(mediana) == Decimal("5000000.02")  # (…,02 + …,01) / 2 = …,015 → …,02


def test_montos_iguales_conservan_el_orden_de_la_consulta_y_el_mayor_va_primero() -> None:
    libro = _libro_de(
        ("CC", "30", "6000000.00"),
        ("CC", "10", "6000000.00"),
        ("CC", "20", "9000000.00"),
        ("CC", "40", "6000000.00"),
    )
    hoja = load_workbook(io.BytesIO(libro))[HOJA_CLIENTES]
    numeros = [f[1] for f in hoja.iter_rows(min_row=FILA_ENCABEZADO + 1, values_only=True)]
    assert numeros == ["20", "30", "10", "40"]


def test_sin_clientes_el_resumen_no_inventa_media_ni_mediana() -> None:
    valores = _resumen_libro(_libro_de())
    assert valores["Clientes que califican"].value == 0
    assert valores["Monto medio por cliente (COP)"].value is None
    assert valores["Monto mediano por cliente (COP)"].value is None
    assert not [c for c in valores if str(c).startswith("Clientes con")]


def test_un_error_al_escribir_a_una_ruta_no_deja_un_archivo_a_medias(tmp_path) -> None:
    destino = tmp_path / "reporte.xlsx"
    sin_fecha = FilaFidelizacion("CC", "9", "B", "C", None, None, 1, Decimal("6000000"), None)
    with pytest.raises(AttributeError):  # la fila falla al escribirse, con el libro a medias
        escribir_excel(
            [_fila(), sin_fecha],
            Mes(2026, 9),
            Decimal("5000000"),
            "x",
            datetime.now(UTC),
            str(destino),
        )
    assert list(tmp_path.iterdir()) == []


def test_crear_la_app_no_importa_pandas_y_generar_el_reporte_si(tmp_path) -> None:
    """Un worker que nunca genera un reporte no carga pandas (~40 MB); el reporte sí lo usa."""
    codigo = """
import io, sys
from datetime import UTC, datetime
from decimal import Decimal
from app import create_app
create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": sys.argv[1]})
import comandos, controllers.reporte_controller, routes.reporte_routes, services.reporte_service
print(any(m.split(".")[0] in ("pandas", "numpy") for m in sys.modules))
from services.reporte_service import escribir_excel
from services.tiempo_service import Mes
escribir_excel([], Mes(2026, 9), Decimal(1), "x", datetime.now(UTC), io.BytesIO())
print("pandas" in sys.modules)
"""
    salida = subprocess.run(
        [sys.executable, "-c", codigo, f"sqlite:///{tmp_path / 'sac.db'}"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert salida.stdout.split() == ["False", "True"]
