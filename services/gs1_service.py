"""Dígito de control GS1 mod-10 (GTIN, GLN, números de cupón de recaudo)."""

from __future__ import annotations

import re

_SOLO_DIGITOS = re.compile(r"^[0-9]+$")


def digito_control_gs1(digitos: str) -> int:
    """Dígito de control GS1 mod-10: pesos 3, 1, 3, 1… desde la derecha; (10 − suma mod 10) mod 10."""
    if not _SOLO_DIGITOS.match(digitos):
        raise ValueError("El número debe tener solo dígitos.")
    suma = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digitos)))
    return (10 - suma % 10) % 10


def con_digito_control(digitos: str) -> str:
    return digitos + str(digito_control_gs1(digitos))


def digito_control_valido(numero: str) -> bool:
    """¿El último dígito es el de control GS1 de los anteriores?"""
    if len(numero) < 2 or not _SOLO_DIGITOS.match(numero):
        return False
    return digito_control_gs1(numero[:-1]) == int(numero[-1])


def validar_gln(gln: str) -> str:
    """El GLN de recaudo: 13 dígitos con dígito de control GS1; ValueError si no sirve."""
    limpio = (gln or "").strip()
    if len(limpio) != 13 or not _SOLO_DIGITOS.match(limpio):
        raise ValueError("GLN_RECAUDO debe tener exactamente 13 dígitos.")
    if not digito_control_valido(limpio):
        raise ValueError("GLN_RECAUDO no tiene un dígito de control GS1 válido.")
    return limpio
