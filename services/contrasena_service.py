"""Hash y verificación de contraseñas con argon2id."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
LONGITUD_MINIMA = 8
LONGITUD_MAXIMA = 128
# Contraseñas de las listas más comunes (y sus variantes en español): nunca se aceptan.
COMUNES = frozenset(
    {
        "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000",
        "password", "password1", "password12", "password123", "passw0rd", "qwerty123",
        "qwertyui", "iloveyou", "abc12345", "admin123", "administrador", "contraseña",
        "contrasena", "contraseña1", "contrasena1", "contraseña123", "contrasena123",
        "colombia", "colombia1", "colombia123", "bogota123", "medellin123", "superman",
        "sacsacsac", "agente123", "supervisor", "supervisor1", "usuario1", "usuario123",
    }
)  # fmt: skip


@cache
def _hash_senuelo() -> str:
    """Hash de referencia para gastar el mismo tiempo cuando el usuario no existe. Se calcula al
    primer uso: calcularlo al importar costaba 64 MiB y ~0,1 s a cada proceso (workers, CLI)."""
    return _hasher.hash("contrasena-senuelo-para-tiempo-constante")


def generar_hash(contrasena: str) -> str:
    return _hasher.hash(contrasena)


def verificar(hash_guardado: str | None, contrasena: str) -> bool:
    """True si la contraseña corresponde; con hash ausente verifica el señuelo y devuelve False."""
    try:
        return _hasher.verify(hash_guardado or _hash_senuelo(), contrasena) and bool(hash_guardado)
    except (VerificationError, InvalidHashError):
        return False


def validar_fortaleza(contrasena: str, usuario: str = "") -> str | None:
    """Motivo en español si la contraseña no sirve; None si sirve.

    Sigue ASVS 5.0: longitud mínima y máxima, sin reglas de composición, y rechazo de las
    contraseñas comunes o iguales al nombre de usuario.
    """
    if len(contrasena) < LONGITUD_MINIMA:
        return f"La contraseña debe tener al menos {LONGITUD_MINIMA} caracteres."
    if len(contrasena) > LONGITUD_MAXIMA:
        return f"La contraseña admite como máximo {LONGITUD_MAXIMA} caracteres."
    if contrasena.lower() in COMUNES or len(set(contrasena)) == 1:
        return "Esa contraseña es demasiado común; elija otra."
    if usuario and contrasena.lower() == usuario.lower():
        return "La contraseña no puede ser igual al nombre de usuario."
    return None
