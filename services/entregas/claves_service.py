"""Claves de los dispositivos: generación, huella, cifrado con SECRET_KEY y firma HMAC.

La clave se muestra una sola vez al crearla. Se guarda su SHA-256 (la clave es aleatoria de 256
bits: no hace falta un hash lento) y, solo para los dispositivos que firman, cifrada con Fernet
con una llave derivada de SECRET_KEY por HKDF (el servidor necesita la clave para recalcular la
firma). Cambiar SECRET_KEY invalida las claves de los dispositivos que firman.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PREFIJO_CLAVE = "ent_"
_PATRON_FIRMA = re.compile(r"^\s*t=(\d{1,12})\s*,\s*v1=([0-9a-fA-F]{64})\s*$")


def nueva_clave() -> str:
    return PREFIJO_CLAVE + secrets.token_urlsafe(32)


def huella_clave(clave: str) -> str:
    return hashlib.sha256(clave.encode("utf-8")).hexdigest()


def _fernet(secreto: str) -> Fernet:
    llave = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"sac-entregas-dispositivos"
    ).derive(secreto.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(llave))


def cifrar_clave(clave: str, secreto: str) -> str:
    return _fernet(secreto).encrypt(clave.encode("utf-8")).decode("ascii")


def descifrar_clave(cifrada: str, secreto: str) -> str | None:
    """La clave en claro, o None si no se puede descifrar (SECRET_KEY cambió)."""
    try:
        return _fernet(secreto).decrypt(cifrada.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        return None


def firmar(clave: str, t: int, cuerpo: bytes) -> str:
    """HMAC-SHA256 en hexadecimal sobre los bytes `<t>.<cuerpo>`, con la clave del dispositivo."""
    mensaje = str(t).encode("ascii") + b"." + cuerpo
    return hmac.new(clave.encode("utf-8"), mensaje, hashlib.sha256).hexdigest()


def cabecera_firma(clave: str, t: int, cuerpo: bytes) -> str:
    return f"t={t},v1={firmar(clave, t, cuerpo)}"


def leer_firma(cabecera: str) -> tuple[int, str] | None:
    """`t=<unix>,v1=<hex>` → (t, v1 en minúsculas); None si la cabecera no tiene esa forma."""
    coincidencia = _PATRON_FIRMA.match(cabecera or "")
    if not coincidencia:
        return None
    return int(coincidencia.group(1)), coincidencia.group(2).lower()


def firma_valida(clave: str, t: int, v1: str, cuerpo: bytes) -> bool:
    return hmac.compare_digest(firmar(clave, t, cuerpo), v1)
