"""Normalización y validación de números de documento por tipo, con el dígito de verificación DIAN."""

from __future__ import annotations

import re

from errores import DatosInvalidos

PESOS_DIAN = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
_SEPARADORES = re.compile(r"[\s.\-]")
_SOLO_DIGITOS = re.compile(r"^\d+$")
_ALFANUMERICO = re.compile(r"^[A-Z0-9]+$")

TIPOS_DOCUMENTO = {
    "CC": ("Cédula de ciudadanía", "Documento de identidad de los ciudadanos colombianos."),
    "CE": ("Cédula de extranjería", "Documento de identidad de extranjeros residentes."),
    "NIT": ("NIT", "Número de identificación tributaria de empresas (DIAN)."),
    "PA": ("Pasaporte", "Pasaporte nacional o extranjero."),
    "TI": ("Tarjeta de identidad", "Documento de identidad de menores de edad."),
}


class DocumentoInvalido(ValueError):
    """El documento no cumple la regla de su tipo; `campo` dice qué dato falló."""

    def __init__(self, campo: str, motivo: str) -> None:
        super().__init__(motivo)
        self.campo = campo
        self.motivo = motivo


def digito_verificacion_nit(base: str) -> int:
    """Dígito de verificación DIAN: pesos 3, 7, 13… desde la derecha; r = suma mod 11."""
    suma = sum(int(d) * p for d, p in zip(reversed(base), PESOS_DIAN, strict=False))
    residuo = suma % 11
    return residuo if residuo in (0, 1) else 11 - residuo


def normalizar_tipo(tipo: str | None) -> str:
    """Código de tipo en mayúsculas; `DocumentoInvalido` si no es uno de los conocidos."""
    codigo = (tipo or "").strip().upper()
    if codigo not in TIPOS_DOCUMENTO:
        raise DocumentoInvalido(
            "tipo_documento",
            "Tipo de documento no válido. Use uno de: " + ", ".join(TIPOS_DOCUMENTO) + ".",
        )
    return codigo


def normalizar_documento(tipo: str | None, numero: str | None) -> tuple[str, str]:
    """Devuelve (código de tipo, número como se guarda) o lanza `DocumentoInvalido`.

    Quita espacios, puntos y guiones y pasa letras a mayúsculas; para NIT valida y retira el DV.
    """
    codigo = normalizar_tipo(tipo)
    limpio = _SEPARADORES.sub("", numero or "").upper()
    if not limpio:
        raise DocumentoInvalido("numero_documento", "El número de documento es obligatorio.")
    if codigo == "PA":
        if not _ALFANUMERICO.match(limpio) or not 5 <= len(limpio) <= 20:
            raise DocumentoInvalido(
                "numero_documento", "El pasaporte debe tener entre 5 y 20 letras o dígitos."
            )
        return codigo, limpio
    if not _SOLO_DIGITOS.match(limpio):
        raise DocumentoInvalido("numero_documento", "El número de documento solo admite dígitos.")
    if codigo in ("CC", "CE"):
        if not 3 <= len(limpio) <= 10:
            nombre = "La cédula" if codigo == "CC" else "La cédula de extranjería"
            raise DocumentoInvalido(
                "numero_documento", f"{nombre} debe tener entre 3 y 10 dígitos."
            )
        return codigo, limpio
    if codigo == "TI":
        if not 10 <= len(limpio) <= 11:
            raise DocumentoInvalido(
                "numero_documento", "La tarjeta de identidad debe tener 10 u 11 dígitos."
            )
        return codigo, limpio
    return codigo, _normalizar_nit(limpio)


def _normalizar_nit(limpio: str) -> str:
    if len(limpio) == 9:
        return limpio
    if len(limpio) != 10:
        raise DocumentoInvalido(
            "numero_documento",
            "El NIT debe tener 9 dígitos, con o sin dígito de verificación (ej. 900123456-7).",
        )
    base, dv = limpio[:9], int(limpio[9])
    esperado = digito_verificacion_nit(base)
    if dv != esperado:
        raise DocumentoInvalido(
            "numero_documento",
            f"El dígito de verificación del NIT no coincide (para {base} debe ser {esperado}).",
        )
    return base


def validar_documento(tipo: str | None, numero: str | None) -> tuple[str, str]:
    """Como `normalizar_documento`, pero un documento inválido es un 422 con el campo y el motivo.

    Es la validación de todo documento que llega por la API o la CLI, en cualquier módulo.
    """
    try:
        return normalizar_documento(tipo, numero)
    except DocumentoInvalido as error:
        raise DatosInvalidos.de_campo(error.campo, error.motivo) from error


def validar_nit(numero: str | None, campo: str = "nit") -> str:
    """Un NIT (con o sin DV, que si viene debe cumplir la regla DIAN) como se guarda: 9 dígitos.

    Misma regla que el documento NIT de un cliente; el error (422) nombra `campo`.
    """
    try:
        return normalizar_documento("NIT", numero)[1]
    except DocumentoInvalido as error:
        raise DatosInvalidos.de_campo(campo, error.motivo) from error
