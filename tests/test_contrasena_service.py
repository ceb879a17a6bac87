"""Contraseñas: argon2id, longitud mínima sin reglas de composición, rechazo de las comunes."""

import pytest

from services import contrasena_service


def test_el_hash_es_argon2id_y_verifica() -> None:
    hash_guardado = contrasena_service.generar_hash("una frase larga de paso")
    assert hash_guardado.startswith("$argon2id$")
    assert contrasena_service.verificar(hash_guardado, "una frase larga de paso")
    assert not contrasena_service.verificar(hash_guardado, "otra frase larga de paso")


def test_sin_hash_nunca_verifica() -> None:
    assert not contrasena_service.verificar(None, "cualquier-cosa")


@pytest.mark.parametrize(
    "contrasena", ["abcdefgh", "solamenteletras", "frase con espacios", "ñandú-2026"]
)
def test_acepta_contrasenas_largas_sin_exigir_composicion(contrasena: str) -> None:
    assert contrasena_service.validar_fortaleza(contrasena) is None


@pytest.mark.parametrize(
    "contrasena", ["corta", "12345678", "Password123", "aaaaaaaaaa", "x" * 129]
)
def test_rechaza_cortas_comunes_repetidas_y_enormes(contrasena: str) -> None:
    assert contrasena_service.validar_fortaleza(contrasena)


def test_rechaza_la_contrasena_igual_al_usuario() -> None:
    assert contrasena_service.validar_fortaleza("ana.gomez", "ana.gomez")
