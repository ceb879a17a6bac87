from datetime import UTC, datetime

import pytest

from services.tiempo_service import Mes, hoy_bogota, interpretar_instante, mes_actual


def test_el_mes_de_bogota_empieza_a_las_cinco_utc() -> None:
    inicio, fin = Mes(2026, 10).rango_utc()
    assert inicio == datetime(2026, 10, 1, 5, 0, tzinfo=UTC)
    assert fin == datetime(2026, 11, 1, 5, 0, tzinfo=UTC)


def test_diciembre_cierra_en_enero_del_anio_siguiente() -> None:
    assert Mes(2026, 12).siguiente() == Mes(2027, 1)
    assert Mes(2027, 1).anterior() == Mes(2026, 12)


def test_un_instante_del_31_a_las_2330_en_bogota_es_noviembre_en_utc_pero_octubre_en_bogota() -> (
    None
):
    instante = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
    assert hoy_bogota(instante).isoformat() == "2026-10-31"
    assert mes_actual(instante) == Mes(2026, 10)


def test_instante_sin_desfase_se_entiende_en_hora_de_bogota() -> None:
    assert interpretar_instante("2026-10-31T23:30:00") == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
    assert interpretar_instante("2026-10-31T23:30:00Z") == datetime(
        2026, 10, 31, 23, 30, tzinfo=UTC
    )


@pytest.mark.parametrize("texto", ["2026-13", "2026-1", "26-10", "octubre", "1999-12", ""])
def test_mes_invalido_lanza_error_en_espanol(texto: str) -> None:
    with pytest.raises(ValueError, match=r"mes|año"):
        Mes.desde_texto(texto)
