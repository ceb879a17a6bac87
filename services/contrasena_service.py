"""Hash y verificación de contraseñas con argon2id."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Hash de referencia para gastar el mismo tiempo cuando el usuario no existe.
_HASH_SEÑUELO = _hasher.hash("contrasena-senuelo-para-tiempo-constante")
LONGITUD_MINIMA = 10


def generar_hash(contrasena: str) -> str:
    return _hasher.hash(contrasena)


def verificar(hash_guardado: str | None, contrasena: str) -> bool:
    """True si la contraseña corresponde; con hash ausente verifica el señuelo y devuelve False."""
    try:
        return _hasher.verify(hash_guardado or _HASH_SEÑUELO, contrasena) and bool(hash_guardado)
    except (VerificationError, InvalidHashError):
        return False


def validar_fortaleza(contrasena: str) -> str | None:
    """Motivo en español si la contraseña es débil; None si sirve."""
    if len(contrasena) < LONGITUD_MINIMA:
        return f"La contraseña debe tener al menos {LONGITUD_MINIMA} caracteres."
    if contrasena.isdigit() or contrasena.isalpha():
        return "La contraseña debe combinar letras con números o símbolos."
    return None
