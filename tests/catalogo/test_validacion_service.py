"""Reglas de los datos del catálogo: SKU, textos, precio, IVA, NIT, coordenadas y fechas."""

from datetime import date
from decimal import Decimal

import pytest

from services.catalogo import validacion_service as v
from services.documento_service import digito_verificacion_nit
from services.importacion_service import FilaInvalida


@pytest.mark.parametrize(
    ("entrada", "esperado"),
    [("abc", "ABC"), (" cafe-500g ", "CAFE-500G"), ("A" * 30, "A" * 30), ("123", "123")],
)
def test_codigo_valido_se_guarda_en_mayusculas(entrada, esperado) -> None:
    assert v.normalizar_codigo(entrada) == esperado


@pytest.mark.parametrize("entrada", ["AÑO-1", "CAFÉ", "ñu-001"])
def test_codigo_con_enie_o_tilde_se_rechaza_sin_transliterar(entrada) -> None:
    with pytest.raises(ValueError, match="sin tildes ni Ñ"):
        v.normalizar_codigo(entrada)


@pytest.mark.parametrize("entrada", ["AB", "A" * 31, "CAFE 500", "CAFE_500", "CAFE.5", ""])
def test_codigo_corto_largo_o_con_simbolos_se_rechaza(entrada) -> None:
    with pytest.raises(ValueError, match="código"):
        v.normalizar_codigo(entrada)


@pytest.mark.parametrize(
    ("entrada", "esperado"),
    [("4500", Decimal("4500")), ("4500.5", Decimal("4500.5")), (Decimal("0.01"), Decimal("0.01"))],
)
def test_precio_valido_es_decimal_exacto(entrada, esperado) -> None:
    assert v.interpretar_precio(entrada) == esperado


@pytest.mark.parametrize(
    ("entrada", "motivo"),
    [
        ("0", "mayor que cero"),
        ("-5", "mayor que cero"),
        ("4.500,00", "punto decimal"),
        ("12.345", "punto decimal"),
        ("abc", "punto decimal"),
        ("", "obligatorio"),
        ("100000000000000", "máximo"),
    ],
)
def test_precio_invalido_dice_por_que(entrada, motivo) -> None:
    with pytest.raises(ValueError, match=motivo):
        v.interpretar_precio(entrada)


@pytest.mark.parametrize(("entrada", "esperado"), [("0", 0), ("5", 5), (19, 19), ("19%", 19)])
def test_iva_acepta_las_tarifas_colombianas(entrada, esperado) -> None:
    assert v.interpretar_iva(entrada) == esperado


@pytest.mark.parametrize("entrada", ["16", "0.19", "", "diecinueve", "19.5", -5])
def test_iva_distinto_de_0_5_19_se_rechaza(entrada) -> None:
    with pytest.raises(ValueError, match="0, 5 o 19"):
        v.interpretar_iva(entrada)


def test_nit_usa_la_regla_del_nucleo_y_guarda_nueve_digitos() -> None:
    dv = digito_verificacion_nit("900123456")
    assert v.normalizar_nit(f"900.123.456-{dv}") == "900123456"
    assert v.normalizar_nit("900123456") == "900123456"
    assert v.normalizar_nit("") is None


def test_nit_con_digito_de_verificacion_errado_se_rechaza() -> None:
    dv = digito_verificacion_nit("900123456")
    with pytest.raises(ValueError, match="dígito de verificación"):
        v.normalizar_nit(f"900123456-{(dv + 1) % 10}")


@pytest.mark.parametrize(
    ("latitud", "longitud"), [("4.6097", "-74.0817"), ("13.5", "-82.0"), ("-4.3", "-66.8")]
)
def test_coordenadas_dentro_de_colombia_incluidos_los_bordes(latitud, longitud) -> None:
    assert v.interpretar_latitud(latitud) == Decimal(latitud)
    assert v.interpretar_longitud(longitud) == Decimal(longitud)


@pytest.mark.parametrize(
    ("funcion", "valor"),
    [
        (v.interpretar_latitud, "13.51"),
        (v.interpretar_latitud, "-4.31"),
        (v.interpretar_longitud, "-66.7"),
        (v.interpretar_longitud, "-82.01"),
        (v.interpretar_longitud, "74.08"),
    ],
)
def test_coordenadas_fuera_de_colombia_se_rechazan(funcion, valor) -> None:
    with pytest.raises(ValueError, match="fuera de Colombia"):
        funcion(valor)


def test_coordenada_con_coma_decimal_se_rechaza() -> None:
    with pytest.raises(ValueError, match="punto"):
        v.interpretar_latitud("4,6097")


def test_fecha_valida_y_sus_errores() -> None:
    assert v.interpretar_fecha("2026-02-28") == date(2026, 2, 28)
    with pytest.raises(ValueError, match="no existe"):
        v.interpretar_fecha("2026-02-30")
    with pytest.raises(ValueError, match="AAAA-MM-DD"):
        v.interpretar_fecha("28/02/2026")
    with pytest.raises(ValueError, match="2000"):
        v.interpretar_fecha("1999-12-31")


def test_sin_tildes_ignora_tildes_enie_y_mayusculas() -> None:
    assert v.sin_tildes("Café Águila ÑANDÚ") == "cafe aguila nandu"


def test_validar_producto_reune_todos_los_motivos() -> None:
    with pytest.raises(FilaInvalida) as error:
        v.validar_producto({"codigo": "Ñ", "nombre": "x", "precio": "0", "iva": "16"})
    assert [campo for campo, _ in error.value.errores] == ["codigo", "nombre", "precio", "iva"]


def test_validar_producto_normaliza_y_agrega_el_nombre_de_busqueda() -> None:
    datos = v.validar_producto(
        {"codigo": "caf-1", "nombre": "  Café   Sello Rojo ", "categoria": "Bebidas",
         "marca": "", "presentacion": "500 g", "precio": "18900", "iva": "5"}
    )  # fmt: skip
    assert datos == {
        "codigo": "CAF-1",
        "nombre": "Café Sello Rojo",
        "nombre_busqueda": "cafe sello rojo",
        "categoria": "Bebidas",
        "marca": None,
        "presentacion": "500 g",
        "precio": Decimal("18900"),
        "iva": 5,
    }


def test_establecimiento_con_una_sola_coordenada_se_rechaza() -> None:
    with pytest.raises(FilaInvalida) as error:
        v.validar_establecimiento({"latitud": "4.6", "longitud": ""})
    assert error.value.errores[0][0] == "longitud"


def test_cambio_parcial_de_latitud_usa_la_longitud_guardada() -> None:
    datos = v.validar_establecimiento({"latitud": "4.6"}, longitud_actual=Decimal("-74"))
    assert datos == {"latitud": Decimal("4.600000")}


def test_establecimiento_normaliza_telefono_tipo_y_vendedor() -> None:
    datos = v.validar_establecimiento(
        {"telefono": "300 123 4567", "tipo": "tienda", "vendedor": " Vendedor "}
    )
    assert datos == {"telefono": "+573001234567", "tipo": "TIENDA", "vendedor": "vendedor"}
