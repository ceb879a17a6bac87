"""Las cuentas del benchmark de M8 (`bench/entregas.py`): ritmos, pedidos por fase, tasa lograda,
percentiles del POST al evento y metas."""

from __future__ import annotations

import pytest

from bench import entregas


def test_los_ritmos_son_multiplos_de_un_pedido_cada_cinco_segundos() -> None:
    assert [entregas.ritmo(m) for m in entregas.MULTIPLOS] == pytest.approx([0.2, 1.2, 2.4])


def test_cada_fase_envia_lo_de_su_duracion_y_nunca_menos_del_minimo() -> None:
    assert entregas.cantidad_pedidos(2.4, 30) == 72
    assert entregas.cantidad_pedidos(1.2, 30) == 36
    assert entregas.cantidad_pedidos(0.2, 30) == entregas.PEDIDOS_MINIMOS


def test_la_tasa_lograda_cuenta_desde_el_primer_envio_hasta_la_ultima_respuesta() -> None:
    inicios = [10.0, 11.0, 12.0, 13.0]
    finales = [10.5, 11.5, 12.5, 14.0]
    assert entregas.tasa_lograda(inicios, finales) == 1.0  # 4 pedidos en 4 s


def test_la_latencia_del_evento_va_del_post_a_la_llegada_y_cuenta_los_perdidos() -> None:
    envios = {f"p{n}": float(n) for n in range(100)}
    # El evento de p{n} llega (n + 1) ms después de su POST; p99 nunca llega.
    llegadas = {f"p{n}": n + (n + 1) / 1000 for n in range(99)}
    medida = entregas.latencias_evento(envios, llegadas)
    assert medida["eventos"] == 99
    assert medida["perdidos"] == 1
    assert medida["p50_ms"] == pytest.approx(50.0)
    assert medida["max_ms"] == pytest.approx(99.0)
    # Percentil 99 inclusivo de 1..99 ms: 98,02 ms.
    assert medida["p99_ms"] == pytest.approx(98.02)


def _motor(p99_2s: float, perdidos: int, razon: float, sin_abrir: int) -> dict[str, object]:
    fase = {"evento": {"p99_ms": p99_2s, "perdidos": perdidos}, "errores": {}}
    return {
        "ritmos": {"12x": fase},
        "eventos_12x": {"Redis": {"evento": {"p99_ms": 30.0, "perdidos": 0}, "errores": {}}},
        "consulta": {"razon": razon, "monitores_sin_abrir": sin_abrir},
    }


def test_las_metas_exigen_p99_de_un_segundo_sin_perdidos_y_90_por_ciento_con_monitores() -> None:
    filas = entregas.metas({"motores": {"sqlite": _motor(1500.0, 0, 0.95, 0)}})
    assert [fila["cumple"] for fila in filas] == [False, True, True]
    assert filas[0]["razon"] == 1.5
    filas = entregas.metas({"motores": {"sqlite": _motor(800.0, 1, 0.95, 3)}})
    assert [fila["cumple"] for fila in filas] == [False, True, False]
