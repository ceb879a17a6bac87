"""Reglas puras de M6: dígito GS1, número de cupón, código de barras, descuento, fecha límite y
códigos de beneficio."""

from __future__ import annotations

from datetime import date

import pytest

from services.cuponeras import cupon_service
from services.gs1_service import digito_control_gs1, digito_control_valido, validar_gln


@pytest.mark.parametrize(
    ("digitos", "control"),
    [
        ("629104150021", 3),  # GTIN-13 del ejemplo de GS1
        ("400638133393", 1),
        ("770999900001", 7),
        ("000000000000", 0),  # suma 0: control 0, no 10
        ("000000000001", 7),  # el de la derecha pesa 3
        ("000000000010", 9),  # el siguiente pesa 1
    ],
)
def test_el_digito_de_control_gs1_pesa_3_y_1_desde_la_derecha(digitos: str, control: int) -> None:
    assert digito_control_gs1(digitos) == control


def test_un_digito_de_control_cambiado_o_con_letras_no_es_valido() -> None:
    assert digito_control_valido("6291041500213")
    assert not digito_control_valido("6291041500214")
    assert not digito_control_valido("62910415002A3")
    assert not digito_control_valido("3")
    with pytest.raises(ValueError, match="dígitos"):
        digito_control_gs1("12a")


def test_cada_numero_de_cupon_tiene_13_digitos_y_su_control_y_no_se_repite() -> None:
    numeros = {cupon_service.nuevo_numero_cupon() for _ in range(2000)}
    assert len(numeros) == 2000
    for numero in numeros:
        assert len(numero) == 13 and numero[0] != "0"
        assert cupon_service.numero_cupon_valido(numero)


@pytest.mark.parametrize(
    ("gln", "motivo"),
    [
        ("7709999000018", "dígito de control"),
        ("770999900001", "13 dígitos"),
        ("77099990000A7", "13"),
    ],
)
def test_un_gln_sin_13_digitos_o_con_mal_control_se_rechaza(gln: str, motivo: str) -> None:
    with pytest.raises(ValueError, match=motivo):
        validar_gln(gln)


def test_la_cadena_del_codigo_de_barras_sigue_la_convencion_de_recaudo() -> None:
    cadena = cupon_service.codigo_barras(
        "7709999000017", "6291041500213", 185_400, date(2026, 11, 30)
    )
    assert cadena == "(415)7709999000017(8020)6291041500213(3900)0000185400(96)20261130"


def test_el_codigo_de_barras_rechaza_un_valor_de_11_digitos_o_un_cupon_malo() -> None:
    with pytest.raises(ValueError, match="10 dígitos"):
        cupon_service.codigo_barras("7709999000017", "6291041500213", 10**10, date(2026, 1, 1))
    cupon_service.codigo_barras("7709999000017", "6291041500213", 10**10 - 1, date(2026, 1, 1))
    with pytest.raises(ValueError, match="cupón"):
        cupon_service.codigo_barras("7709999000017", "6291041500214", 1, date(2026, 1, 1))


@pytest.mark.parametrize(
    ("subtotal", "porcentaje", "tope", "esperado"),
    [
        (200_500, 10, 100_000, 20_050),
        (200_509, 10, 100_000, 20_050),  # 20.050,9 se redondea hacia abajo
        (19, 5, 50_000, 0),  # 0,95 pesos: nada
        (20, 5, 50_000, 1),
        (1_000_000, 10, 100_000, 100_000),  # justo el tope
        (1_000_010, 10, 100_000, 100_000),  # por encima del tope
        (999_999, 5, 50_000, 49_999),
    ],
)
def test_el_descuento_es_el_porcentaje_con_tope_redondeado_hacia_abajo(
    subtotal: int, porcentaje: int, tope: int, esperado: int
) -> None:
    assert cupon_service.descuento(subtotal, porcentaje, tope) == esperado


def test_la_fecha_limite_es_el_ultimo_vencimiento_o_hoy_mas_5_si_ya_paso() -> None:
    hoy = date(2026, 11, 29)
    assert cupon_service.fecha_limite(date(2026, 12, 10), hoy) == date(2026, 12, 10)
    assert cupon_service.fecha_limite(hoy, hoy) == hoy  # vence hoy: aún vale hoy
    assert cupon_service.fecha_limite(date(2026, 11, 28), hoy) == date(2026, 12, 4)


def test_el_beneficio_vence_60_dias_despues_de_otorgarse() -> None:
    assert cupon_service.vence_beneficio(date(2026, 11, 1)) == date(2026, 12, 31)


def test_los_codigos_de_beneficio_son_largos_sin_ambiguedades_y_no_se_repiten() -> None:
    codigos = {cupon_service.nuevo_codigo_beneficio() for _ in range(5000)}
    assert len(codigos) == 5000
    for codigo in codigos:
        assert len(codigo) >= 10
        assert not set(codigo) & set("01ILOU")
    assert cupon_service.normalizar_codigo_beneficio(" abcd-efgh 2345 ") == "ABCDEFGH2345"


def test_pesos_enteros_con_separador_de_miles_colombiano() -> None:
    assert cupon_service.pesos_enteros(1_234_567) == "$ 1.234.567"
    assert cupon_service.pesos_enteros(0) == "$ 0"
