import pytest

from services.documento_service import (
    DocumentoInvalido,
    digito_verificacion_nit,
    normalizar_documento,
)


@pytest.mark.parametrize(
    ("base", "dv"),
    [("800197268", 4), ("860034313", 7), ("890900608", 9), ("900123456", 8)],
)
def test_digito_de_verificacion_nit_sigue_el_algoritmo_dian(base: str, dv: int) -> None:
    assert digito_verificacion_nit(base) == dv


@pytest.mark.parametrize(
    ("tipo", "numero", "esperado"),
    [
        ("CC", "1.020.304.050", ("CC", "1020304050")),
        ("cc", " 1020 304 050 ", ("CC", "1020304050")),
        ("CC", "123", ("CC", "123")),
        ("CE", "98-76-54", ("CE", "987654")),
        ("TI", "1098765432", ("TI", "1098765432")),
        ("TI", "10987654321", ("TI", "10987654321")),
        ("PA", "ab-12345", ("PA", "AB12345")),
        ("NIT", "900123456", ("NIT", "900123456")),
        ("NIT", "900.123.456-8", ("NIT", "900123456")),
        ("NIT", "9001234568", ("NIT", "900123456")),
    ],
)
def test_normaliza_documentos_validos(tipo: str, numero: str, esperado: tuple[str, str]) -> None:
    assert normalizar_documento(tipo, numero) == esperado


@pytest.mark.parametrize(
    ("tipo", "numero", "campo"),
    [
        ("XX", "123456", "tipo_documento"),
        ("", "123456", "tipo_documento"),
        ("CC", "", "numero_documento"),
        ("CC", "12", "numero_documento"),
        ("CC", "12345678901", "numero_documento"),
        ("CC", "12A456", "numero_documento"),
        ("CE", "12", "numero_documento"),
        ("TI", "123456789", "numero_documento"),
        ("TI", "123456789012", "numero_documento"),
        ("PA", "AB12", "numero_documento"),
        ("PA", "A" * 21, "numero_documento"),
        ("PA", "AB#123", "numero_documento"),
        ("NIT", "90012345", "numero_documento"),
        ("NIT", "900123456-7", "numero_documento"),
        ("NIT", "90012345678", "numero_documento"),
    ],
)
def test_rechaza_documentos_invalidos_con_el_campo(tipo: str, numero: str, campo: str) -> None:
    with pytest.raises(DocumentoInvalido) as error:
        normalizar_documento(tipo, numero)
    assert error.value.campo == campo
    assert error.value.motivo


def test_nit_con_dv_errado_explica_el_dv_esperado() -> None:
    with pytest.raises(DocumentoInvalido, match="debe ser 8"):
        normalizar_documento("NIT", "900123456-7")
