"""M10: toda lista y exportación dice cuántas filas tiene; nada se corta en silencio.

Los archivos llevan `X-Total-Filas` (y lo dicen dentro cuando el formato lo permite); las listas con
tope dicen su total y que se cortaron; las listas planas por contrato, el encabezado."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from openpyxl import load_workbook

from app import create_app
from services.exportacion_service import ETIQUETA_CONTEO_COMPRAS
from tests.fabricas import bogota, crear_cliente, crear_compra

EXPORTAR = "/api/clientes/exportar"
BUSCAR = "/api/clientes/buscar"
DOCUMENTO = {"tipo_documento": "CC", "numero_documento": "1020304050"}


def _con_compras(gateway, cuantas: int) -> int:
    cliente_id = crear_cliente(gateway)
    for dia in range(1, cuantas + 1):
        crear_compra(gateway, cliente_id, bogota(2026, 9, dia), "10000")
    return cliente_id


def _exportar(client: FlaskClient, cabeceras, formato: str):
    respuesta = client.get(
        EXPORTAR, query_string={**DOCUMENTO, "formato": formato}, headers=cabeceras["agente"]
    )
    assert respuesta.status_code == 200, respuesta.json
    return respuesta


@pytest.mark.parametrize("cuantas", [0, 3])
def test_la_exportacion_del_cliente_dice_cuantas_compras_lleva(
    client: FlaskClient, cabeceras, gateway, cuantas: int
) -> None:
    _con_compras(gateway, cuantas)

    csv_ = _exportar(client, cabeceras, "csv")
    assert csv_.headers["X-Total-Filas"] == str(cuantas)
    filas = list(csv.reader(io.StringIO(csv_.data.decode("utf-8-sig"))))
    # El CSV no cambia de forma (el conteo va solo en el encabezado HTTP): tras el encabezado de
    # las compras, una fila por compra.
    inicio = next(i for i, f in enumerate(filas) if f and f[0] == "Número de factura")
    assert len([f for f in filas[inicio + 1 :] if f]) == cuantas

    xlsx = _exportar(client, cabeceras, "xlsx")
    assert xlsx.headers["X-Total-Filas"] == str(cuantas)
    libro = load_workbook(io.BytesIO(xlsx.data))
    ficha = {f[0]: f[1] for f in libro["Cliente"].iter_rows(min_row=2, values_only=True)}
    assert ficha[ETIQUETA_CONTEO_COMPRAS] == cuantas
    assert libro["Compras"].max_row - 1 == cuantas

    txt = _exportar(client, cabeceras, "txt")
    assert txt.headers["X-Total-Filas"] == str(cuantas)
    assert f"COMPRAS ({cuantas})" in txt.data.decode("utf-8")


@pytest.mark.parametrize("califican", [0, 2])
def test_el_reporte_y_su_copia_del_historial_dicen_cuantos_clientes_califican(
    client: FlaskClient, cabeceras, gateway, califican: int
) -> None:
    for i in range(califican):
        uno = crear_cliente(gateway, numero=f"1111111{i}")
        crear_compra(gateway, uno, bogota(2026, 9, 10 + i), "6000000")
    supervisor = cabeceras["supervisor"]
    reporte = client.get(
        "/api/reportes/fidelizacion", query_string={"mes": "2026-09"}, headers=supervisor
    )
    assert reporte.status_code == 200
    assert reporte.headers["X-Total-Filas"] == str(califican)
    historial = client.get("/api/reportes/historial", headers=supervisor).json
    assert historial["total"] == 1
    item = historial["items"][0]
    assert item["filas"] == califican
    copia = client.get(f"/api/reportes/historial/{item['id']}/archivo", headers=supervisor)
    assert copia.status_code == 200
    assert copia.headers["X-Total-Filas"] == str(califican)
    assert copia.data == reporte.data


def test_la_cli_del_reporte_dice_cuantas_filas_escribio(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    uno = crear_cliente(gateway, numero="11111111")
    crear_compra(gateway, uno, bogota(2026, 9, 10), "6000000")
    salida = tmp_path / "reporte.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "1 cliente(s) califican" in resultado.output


def test_buscar_dice_cuantas_compras_tiene_el_cliente_y_si_las_recientes_se_cortaron(
    client: FlaskClient, cabeceras, gateway, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "COMPRAS_RECIENTES", 3)
    cliente_id = _con_compras(gateway, 3)
    completo = client.get(BUSCAR, query_string=DOCUMENTO, headers=cabeceras["agente"]).json
    assert (len(completo["compras"]), completo["compras_total"]) == (3, 3)
    assert completo["compras_truncado"] is False

    crear_compra(gateway, cliente_id, bogota(2026, 9, 20), "10000")
    crear_compra(gateway, cliente_id, bogota(2026, 9, 21), "10000")
    cortado = client.get(BUSCAR, query_string=DOCUMENTO, headers=cabeceras["agente"]).json
    assert (len(cortado["compras"]), cortado["compras_total"]) == (3, 5)
    assert cortado["compras_truncado"] is True


def test_buscar_a_un_cliente_sin_compras_dice_cero(client: FlaskClient, cabeceras, gateway) -> None:
    crear_cliente(gateway)
    cuerpo = client.get(BUSCAR, query_string=DOCUMENTO, headers=cabeceras["agente"]).json
    assert (cuerpo["compras"], cuerpo["compras_total"], cuerpo["compras_truncado"]) == (
        [],
        0,
        False,
    )


@pytest.mark.parametrize(
    ("ruta", "rol"),
    [
        ("/api/tipos-documento", "agente"),
        ("/api/usuarios", "admin"),
        ("/api/tipos-establecimiento", "catalogo"),
    ],
)
def test_las_listas_planas_dicen_su_conteo_en_el_encabezado(
    client: FlaskClient, cabeceras, ruta: str, rol: str
) -> None:
    respuesta = client.get(ruta, headers=cabeceras[rol])
    assert respuesta.status_code == 200
    assert isinstance(respuesta.json, list)
    assert len(respuesta.json) > 0
    assert respuesta.headers["X-Total-Filas"] == str(len(respuesta.json))


def test_la_ruta_del_vendedor_dice_cuantos_establecimientos_trae(
    client: FlaskClient, cabeceras
) -> None:
    respuesta = client.get("/api/vendedores/yo/ruta", headers=cabeceras["vendedor"])
    assert respuesta.status_code == 200
    assert respuesta.headers["X-Total-Filas"] == str(len(respuesta.json["establecimientos"]))


def test_cors_deja_leer_el_conteo_y_el_nombre_del_archivo(tmp_path: Path) -> None:
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "CORS_ORIGENES": "https://intranet.example",
        }
    )
    respuesta = app.test_client().get("/api/salud", headers={"Origin": "https://intranet.example"})
    expuestos = {
        h.strip().lower() for h in respuesta.headers["Access-Control-Expose-Headers"].split(",")
    }
    assert {"x-total-filas", "content-disposition"} <= expuestos
    app.extensions["sac_db"].dispose()


def test_el_openapi_documenta_el_encabezado_de_los_archivos(client: FlaskClient) -> None:
    documento = client.get("/api/openapi.json").json
    for ruta in (
        "/api/clientes/exportar",
        "/api/reportes/fidelizacion",
        "/api/reportes/historial/{historial_id}/archivo",
        "/api/tipos-documento",
    ):
        cabeceras = documento["paths"][ruta]["get"]["responses"]["200"]["headers"]
        assert "X-Total-Filas" in cabeceras, ruta
