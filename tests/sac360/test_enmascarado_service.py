"""Enmascarado de teléfono, correo y dirección (reglas de M10), con sus bordes."""

from __future__ import annotations

import pytest

from services import enmascarado_service as enmascarado


@pytest.mark.parametrize(
    ("telefono", "esperado"),
    [
        ("3112345678", "311*****78"),
        ("+57 311 234 5678", "311*****78"),
        ("(604) 444 5555", "604*****55"),
        ("+1 305 555 1234", "130******34"),
        ("123456", "123*56"),
        ("12345", "*****"),
        ("1234", "****"),
        ("1", "***"),
        ("sin número", "***"),
        (None, None),
    ],
)
def test_el_telefono_conserva_los_3_primeros_y_2_ultimos_digitos_y_los_cortos_se_ocultan_enteros(
    telefono: str | None, esperado: str | None
) -> None:
    assert enmascarado.telefono(telefono) == esperado


@pytest.mark.parametrize(
    ("correo", "esperado"),
    [
        ("maria.pena@correo.com.co", "ma***@correo.com.co"),
        ("abc@x.co", "ab***@x.co"),
        ("ab@x.co", "***@x.co"),
        ("a@x.co", "***@x.co"),
        ("@x.co", "***@x.co"),
        ("sin-arroba", "si***"),
        (None, None),
    ],
)
def test_el_correo_conserva_2_caracteres_del_usuario_y_el_dominio_y_un_usuario_corto_se_oculta(
    correo: str | None, esperado: str | None
) -> None:
    assert enmascarado.correo(correo) == esperado


@pytest.mark.parametrize(
    ("direccion", "esperado"),
    [
        ("Calle 45 # 12-30", "Calle ***"),
        ("Cra 7 #1", "Cra 7 ***"),
        ("Cra 7", "***"),
        ("Calle1", "***"),
        ("", "***"),
        (None, None),
    ],
)
def test_la_direccion_conserva_6_caracteres_y_una_de_6_o_menos_se_oculta_entera(
    direccion: str | None, esperado: str | None
) -> None:
    assert enmascarado.direccion(direccion) == esperado


def test_enmascarar_solo_toca_los_campos_de_contacto() -> None:
    datos = {"nombre": "María", "telefono": "3112345678", "correo": "maria@x.co", "direccion": None}
    assert enmascarado.enmascarar(datos) == {
        "nombre": "María",
        "telefono": "311*****78",
        "correo": "ma***@x.co",
        "direccion": None,
    }


def test_con_contacto_completo_los_datos_salen_tal_cual() -> None:
    datos = {"telefono": "3112345678"}
    assert enmascarado.segun_permiso(datos, True) is datos
