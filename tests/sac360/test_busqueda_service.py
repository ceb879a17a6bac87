"""Qué escribió el agente: el modo de la búsqueda y la normalización, según «Which mode» de M10."""

from __future__ import annotations

import pytest

from errores import DatosInvalidos
from services import busqueda_service
from services.busqueda_service import interpretar


@pytest.mark.parametrize(
    ("texto", "nacional"),
    [
        ("+57 311 234 5678", "3112345678"),
        ("(604) 444 5555", "6044445555"),
        ("57 3112345678", "3112345678"),
        ("+573112345678", "3112345678"),
        ("+57 (604) 444-5555", "6044445555"),
    ],
)
def test_un_telefono_con_indicativo_o_parentesis_se_busca_por_su_numero_nacional(
    texto: str, nacional: str
) -> None:
    consulta = interpretar(texto)
    assert consulta.modo == "telefono"
    assert consulta.telefono == nacional
    assert consulta.documentos == ()


def test_un_telefono_extranjero_con_mas_conserva_todos_sus_digitos() -> None:
    consulta = interpretar("+1 305 555 1234")
    assert (consulta.modo, consulta.telefono) == ("telefono", "13055551234")


def test_solo_digitos_que_son_celular_colombiano_se_prueban_como_documento_y_como_telefono() -> (
    None
):
    consulta = interpretar("311-234-5678")
    assert consulta.modo == "documento"
    assert ("CC", "3112345678") in consulta.documentos
    assert consulta.telefono == "3112345678"


def test_solo_digitos_sin_tipo_se_prueban_en_cada_tipo_al_que_calzan() -> None:
    consulta = interpretar("1020304050")
    tipos = {codigo for codigo, _ in consulta.documentos}
    # 10 dígitos: cédula, cédula de extranjería, tarjeta de identidad y pasaporte; no NIT, porque
    # el último dígito (0) no es el de verificación de 102030405 (8).
    assert tipos == {"CC", "CE", "TI", "PA"}
    assert ("NIT", "102030405") in interpretar("1020304058").documentos
    assert consulta.telefono is None  # 102... no es celular ni fijo colombiano
    assert not consulta.tipo_indicado


def test_un_nit_con_puntos_y_digito_de_verificacion_correcto_se_busca_como_nit_sin_dv() -> None:
    consulta = interpretar("900.123.456-8")
    assert ("NIT", "900123456") in consulta.documentos
    assert consulta.modo == "documento"


def test_un_nit_con_tipo_y_digito_de_verificacion_errado_responde_422() -> None:
    with pytest.raises(DatosInvalidos) as error:
        interpretar("NIT 900.123.456-7")
    assert "verificación" in str(error.value.detalles)


def test_un_pasaporte_alfanumerico_sin_tipo_es_documento_pa() -> None:
    consulta = interpretar("AX1234567")
    assert consulta.modo == "documento"
    assert consulta.documentos == (("PA", "AX1234567"),)


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("CC 1020304050", ("CC", "1020304050")),
        ("cc1020304050", ("CC", "1020304050")),
        ("TI 1020304050", ("TI", "1020304050")),
        ("PA AX1234567", ("PA", "AX1234567")),
        ("NIT 900123456-8", ("NIT", "900123456")),
    ],
)
def test_un_documento_con_su_tipo_se_busca_solo_en_ese_tipo(
    texto: str, esperado: tuple[str, str]
) -> None:
    consulta = interpretar(texto)
    assert consulta.modo == "documento"
    assert consulta.documentos == (esperado,)
    assert consulta.tipo_indicado


def test_un_documento_con_tipo_que_no_cumple_su_regla_responde_422() -> None:
    with pytest.raises(DatosInvalidos):
        interpretar("CC 12")


def test_un_correo_se_busca_sin_mayusculas_ni_espacios() -> None:
    consulta = interpretar("  Maria.Pena@Correo.COM.co ")
    assert (consulta.modo, consulta.correo) == ("correo", "maria.pena@correo.com.co")


def test_un_nombre_se_normaliza_sin_tildes_ni_mayusculas() -> None:
    consulta = interpretar("María PEÑA")
    assert consulta.modo == "nombre"
    assert consulta.palabras == ("maria", "pena")


def test_un_nombre_que_empieza_como_un_codigo_de_tipo_sigue_siendo_nombre() -> None:
    assert interpretar("Pablo Ceballos").modo == "nombre"
    assert interpretar("Tiberio").modo == "nombre"


@pytest.mark.parametrize("texto", ["", "   ", "ma", "a b", "!!!"])
def test_una_busqueda_vacia_o_un_nombre_de_menos_de_3_caracteres_responde_422(texto: str) -> None:
    with pytest.raises(DatosInvalidos):
        interpretar(texto)


def test_un_numero_que_no_calza_en_ningun_tipo_ni_es_telefono_responde_422() -> None:
    with pytest.raises(DatosInvalidos):
        interpretar("12")


def test_las_palabras_de_un_nombre_quitan_tildes_enes_y_signos() -> None:
    assert busqueda_service.palabras("José-Luis O'Brien Ñúñez") == [
        "jose",
        "luis",
        "o",
        "brien",
        "nunez",
    ]


def test_la_clave_del_nombre_no_depende_del_orden_ni_de_las_repetidas() -> None:
    assert busqueda_service.clave_nombre(["pena", "maria", "pena"]) == " maria pena "


def test_las_filas_de_palabras_llevan_el_orden_y_la_clave_del_nombre() -> None:
    filas = busqueda_service.filas_palabras(7, "María José", "Peña Muñoz")
    assert [fila["palabra"] for fila in filas] == ["jose", "maria", "munoz", "pena"]
    assert [fila["previa"] for fila in filas] == ["", "jose", "maria", "munoz"]
    assert {fila["apellido"] for fila in filas} == {"pena munoz"}
    assert {fila["nombre"] for fila in filas} == {"maria jose"}
    assert {fila["clave"] for fila in filas} == {" jose maria munoz pena "}


def test_el_siguiente_prefijo_acota_el_rango_de_todas_las_palabras_que_empiezan_asi() -> None:
    assert busqueda_service.siguiente_prefijo("mar") == "mas"
    assert busqueda_service.siguiente_prefijo("mar") > "marz"
    assert busqueda_service.siguiente_prefijo("paz") == "pa{"
    assert busqueda_service.siguiente_prefijo("paz") > "pazzz"


def test_los_pares_de_un_cliente_combinan_los_prefijos_de_3_letras_de_palabras_distintas() -> None:
    filas = busqueda_service.filas_pares(7, "María Marta", "Gómez de la O")
    # «maria» y «marta» comparten «mar»; «de», «la» y «o» son cortas y no forman pares.
    assert [fila["par"] for fila in filas] == ["gom mar"]
    assert filas[0]["clave"] == " de gomez la maria marta o "
    assert busqueda_service.filas_pares(8, "Ana", "") == []
