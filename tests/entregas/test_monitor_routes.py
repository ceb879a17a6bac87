"""Métricas y recientes del monitor, contra un cálculo propio de lo enviado."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient

from tests.entregas.conftest import PRODUCTOS_SEED, REPARTIDORES_SEED, enviar, es_error, pedido

BOGOTA = timedelta(hours=-5)
BASE = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)  # 16:00 en Bogotá


def _dos(valor) -> str:
    return str(Decimal(valor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _esperado(enviados, desde: datetime, hasta: datetime) -> dict:
    """Cálculo independiente de las métricas de lo enviado (sin el código de la app)."""
    dentro = [e for e in enviados if desde <= e["instante"] < hasta]
    horas = (hasta - desde).total_seconds() / 3600
    por_repartidor: dict[int, list[Any]] = {i: [0, 0, Decimal(0)] for i in REPARTIDORES_SEED}
    por_producto = {i: [0, Decimal(0)] for i in PRODUCTOS_SEED}
    for e in dentro:
        total = sum(PRODUCTOS_SEED[p][1] for p in e["productos"])
        cuenta = por_repartidor[e["repartidor"]]
        cuenta[0] += 1
        cuenta[1] += len(e["productos"])
        cuenta[2] += total
        for p in e["productos"]:
            por_producto[p][0] += 1
            por_producto[p][1] += PRODUCTOS_SEED[p][1]
    entregas = len(dentro)
    unidades = sum(len(e["productos"]) for e in dentro)
    ingresos = sum((c[2] for c in por_repartidor.values()), Decimal(0))
    return {
        "totales": {
            "entregas": entregas,
            "unidades": unidades,
            "ingresos": _dos(ingresos),
            "unidades_por_entrega": _dos(Decimal(unidades) / entregas) if entregas else "0.00",
            "ticket_promedio": _dos(ingresos / entregas) if entregas else "0.00",
        },
        "por_repartidor": [
            {
                "id_repartidor": i,
                "nombre": REPARTIDORES_SEED[i],
                "entregas": c[0],
                "unidades": c[1],
                "ingresos": _dos(c[2]),
                "entregas_por_hora": _dos(Decimal(c[0]) / Decimal(str(horas))),
            }
            for i, c in sorted(por_repartidor.items(), key=lambda x: (-x[1][0], x[0]))
        ],
        "por_producto": [
            {
                "id_producto": i,
                "producto": PRODUCTOS_SEED[i][0],
                "unidades": c[0],
                "ingresos": _dos(c[1]),
            }
            for i, c in sorted(por_producto.items(), key=lambda x: (-x[1][0], x[0]))
        ],
    }


@pytest.fixture
def enviados(client: FlaskClient, clave: str) -> list[dict]:
    """40 pedidos al azar entre las 15:30 y las 19:10 de Bogotá, incluidos los bordes de hora."""
    azar = random.Random(20261123)
    instantes = [BASE + timedelta(minutes=azar.randint(-30, 190)) for _ in range(36)]
    instantes += [BASE, BASE + timedelta(hours=1), BASE - timedelta(microseconds=1)]
    instantes += [BASE + timedelta(hours=2, microseconds=1)]
    resultado = []
    for instante in instantes:
        repartidor = azar.choice([101, 102, 103, 104, 105, 106, 107, 108])  # 109 y 110 en cero
        productos = [azar.choice(list(PRODUCTOS_SEED)[:8]) for _ in range(azar.randint(1, 6))]
        texto = instante.astimezone().astimezone(UTC).replace(tzinfo=None) + BOGOTA
        datos = pedido(productos, repartidor, timestamp=texto.isoformat(sep=" "))
        assert enviar(client, datos, clave).status_code == 200
        resultado.append({"instante": instante, "repartidor": repartidor, "productos": productos})
    return resultado


def _metricas(client, cabeceras, desde: datetime, hasta: datetime):
    ruta = (
        f"/api/entregas/metricas?desde={quote(desde.isoformat())}&hasta={quote(hasta.isoformat())}"
    )
    respuesta = client.get(ruta, headers=cabeceras["monitor"])
    assert respuesta.status_code == 200, respuesta.json
    return respuesta.json


@pytest.mark.parametrize(
    ("inicio", "fin"),
    [
        (timedelta(0), timedelta(hours=1)),  # una hora exacta: [16:00, 17:00)
        (timedelta(minutes=-45), timedelta(hours=3, minutes=20)),  # toca cinco horas
        (timedelta(minutes=17), timedelta(minutes=43)),  # dentro de una hora
        (timedelta(hours=2, microseconds=1), timedelta(hours=2, minutes=1)),
        (timedelta(days=-1), timedelta(days=-1, hours=1)),  # ventana vacía: todo en cero
    ],
)
def test_las_metricas_coinciden_con_un_calculo_propio_en_varias_ventanas(
    client: FlaskClient, cabeceras, enviados, inicio, fin
) -> None:
    desde, hasta = BASE + inicio, BASE + fin
    datos = _metricas(client, cabeceras, desde, hasta)
    esperado = _esperado(enviados, desde, hasta)
    assert datos["totales"] == esperado["totales"]
    assert datos["por_repartidor"] == esperado["por_repartidor"]
    assert datos["por_producto"] == esperado["por_producto"]
    assert len(datos["por_repartidor"]) == 10
    assert len(datos["por_producto"]) == 10


def test_por_hora_lista_cada_hora_de_bogota_que_toca_la_ventana_con_ceros(
    client: FlaskClient, cabeceras, enviados
) -> None:
    desde, hasta = BASE - timedelta(minutes=45), BASE + timedelta(hours=3, minutes=20)
    datos = _metricas(client, cabeceras, desde, hasta)
    horas = [h["hora"] for h in datos["por_hora"]]
    assert horas == [
        "2026-11-23T15:00:00-05:00",
        "2026-11-23T16:00:00-05:00",
        "2026-11-23T17:00:00-05:00",
        "2026-11-23T18:00:00-05:00",
        "2026-11-23T19:00:00-05:00",
    ]
    conteo = Counter(
        (e["instante"] + BOGOTA).replace(minute=0, second=0, microsecond=0, tzinfo=None)
        for e in enviados
        if desde <= e["instante"] < hasta
    )
    for fila in datos["por_hora"]:
        hora = datetime.fromisoformat(fila["hora"]).replace(tzinfo=None)
        assert fila["entregas"] == conteo.get(hora, 0)
    vacia = _metricas(
        client,
        cabeceras,
        BASE - timedelta(days=1),
        BASE - timedelta(days=1) + timedelta(minutes=90),
    )
    assert [h["entregas"] for h in vacia["por_hora"]] == [0, 0]
    assert all(h["ingresos"] == "0.00" for h in vacia["por_hora"])
    assert vacia["latencia_registro_ms"] == {"p50": None, "p95": None, "max": None}


def test_todo_instante_de_las_metricas_lleva_desfase_y_la_latencia_es_coherente(
    client: FlaskClient, cabeceras, clave
) -> None:
    ahora = datetime.now(UTC)
    for segundos in (1, 2, 3, 4):
        datos = pedido(timestamp=(ahora - timedelta(seconds=segundos)).isoformat())
        assert enviar(client, datos, clave).status_code == 200
    respuesta = client.get("/api/entregas/metricas", headers=cabeceras["monitor"]).json
    for campo in ("desde", "hasta", "generado_en"):
        assert respuesta[campo].endswith("-05:00")
    assert datetime.fromisoformat(respuesta["hasta"]) - datetime.fromisoformat(
        respuesta["desde"]
    ) == timedelta(minutes=60)
    assert respuesta["totales"]["entregas"] == 4
    latencia = respuesta["latencia_registro_ms"]
    assert 1000 <= latencia["p50"] <= latencia["p95"] <= latencia["max"] < 60_000
    assert respuesta["por_repartidor"][0]["entregas_por_hora"] == "4.00"


@pytest.mark.parametrize(
    ("consulta", "campo"),
    [
        ("desde=ayer", "desde"),
        ("hasta=2026-13-01T00:00:00", "hasta"),
        ("desde=2026-11-23T18:00:00-05:00&hasta=2026-11-23T17:00:00-05:00", "desde"),
        ("desde=2026-01-01T00:00:00-05:00&hasta=2026-03-01T00:00:00-05:00", "desde"),
    ],
)
def test_una_ventana_invalida_responde_422(client: FlaskClient, cabeceras, consulta, campo) -> None:
    respuesta = client.get(f"/api/entregas/metricas?{consulta}", headers=cabeceras["monitor"])
    error = es_error(respuesta, 422, "datos_invalidos")
    assert campo in error["details"]["campos"]


def test_recientes_devuelve_los_ultimos_primero_con_sus_lineas(
    client: FlaskClient, cabeceras, clave
) -> None:
    enviados = [pedido(["pk0010", "pk0010", "pk0001"]), pedido(["pk0004"], 101), pedido()]
    for datos in enviados:
        assert enviar(client, datos, clave).status_code == 200
    respuesta = client.get("/api/entregas/recientes?limite=2", headers=cabeceras["monitor"])
    assert respuesta.status_code == 200
    entregas = respuesta.json["entregas"]
    assert [e["pedido_id"] for e in entregas] == [
        enviados[2]["pedido_id"],
        enviados[1]["pedido_id"],
    ]
    completo = client.get("/api/entregas/recientes", headers=cabeceras["supervisor"]).json
    # Es una parte: dice de cuántos (nada se corta en silencio).
    assert (respuesta.json["total"], respuesta.json["truncado"]) == (3, True)
    assert (completo["total"], completo["truncado"]) == (3, False)
    primero = completo["entregas"][-1]
    assert primero["repartidor"] == {"id_repartidor": 106, "nombre": "Pedro Gómez"}
    assert primero["lineas"] == [
        {"id_producto": "pk0001", "producto": "Moneda", "cantidad": 1, "precio": "1.00"},
        {
            "id_producto": "pk0010",
            "producto": "Clip sujetapapeles",
            "cantidad": 2,
            "precio": "0.20",
        },
    ]
    assert primero["unidades"] == 3
    assert primero["total"] == "1.40"
    assert primero["entregado_en"] == "2026-11-23T17:03:04.322968-05:00"
    assert primero["registrado_en"].endswith("-05:00")


@pytest.mark.parametrize("limite", ["0", "101", "-1", "muchos"])
def test_recientes_con_un_limite_fuera_de_rango_responde_422(
    client: FlaskClient, cabeceras, limite
) -> None:
    respuesta = client.get(f"/api/entregas/recientes?limite={limite}", headers=cabeceras["monitor"])
    assert "limite" in es_error(respuesta, 422, "datos_invalidos")["details"]["campos"]


@pytest.mark.parametrize("ruta", ["metricas", "recientes", "eventos"])
def test_el_monitor_exige_sesion_y_el_permiso_entregas_monitorear(
    client: FlaskClient, cabeceras, ruta
) -> None:
    es_error(client.get(f"/api/entregas/{ruta}"), 401, "no_autenticado")
    for rol in ("agente", "vendedor", "catalogo", "recaudo"):
        es_error(client.get(f"/api/entregas/{ruta}", headers=cabeceras[rol]), 403, "prohibido")
    if ruta != "eventos":
        for rol in ("monitor", "supervisor", "admin"):
            assert client.get(f"/api/entregas/{ruta}", headers=cabeceras[rol]).status_code == 200
