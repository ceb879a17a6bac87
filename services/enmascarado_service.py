"""Datos de contacto mostrados según la necesidad (M10): el rol sin `clientes.contacto_completo`
(el agente) ve teléfono, correo y dirección enmascarados en la consulta, la búsqueda y el resumen.

Reglas del contrato: teléfono → primeros 3 y últimos 2 dígitos, el resto `*` (`311*****78`); correo
→ primeros 2 caracteres del usuario, `***` y `@dominio` (`ma***@correo.com.co`); dirección →
primeros 6 caracteres y `***`. Un valor tan corto que esas reglas lo mostrarían entero se enmascara
del todo: un teléfono de 5 dígitos o menos, un usuario de correo de 1 o 2 caracteres, una dirección
de 6 caracteres o menos. Las exportaciones no pasan por aquí: salen completas y auditadas.
"""

from __future__ import annotations

from typing import Any

from services.busqueda_service import telefono_nacional

CAMPOS_CONTACTO = ("telefono", "correo", "direccion")
OCULTO = "***"


def telefono(valor: str | None) -> str | None:
    """`+57 311 234 5678` → `311*****78` (sobre el número nacional, solo dígitos)."""
    if valor is None:
        return None
    digitos = telefono_nacional(valor) or ""
    if len(digitos) <= 5:
        return "*" * max(len(digitos), 3)
    return digitos[:3] + "*" * (len(digitos) - 5) + digitos[-2:]


def correo(valor: str | None) -> str | None:
    """`maria.pena@correo.com.co` → `ma***@correo.com.co`."""
    if valor is None:
        return None
    limpio = valor.strip()
    usuario, arroba, dominio = limpio.rpartition("@")
    if not arroba:  # sin @: no es un correo; se trata todo como el usuario
        usuario, dominio = limpio, ""
    visible = usuario[:2] if len(usuario) > 2 else ""
    return f"{visible}{OCULTO}{arroba}{dominio}"


def direccion(valor: str | None) -> str | None:
    """`Calle 45 # 12-30` → `Calle ***`."""
    if valor is None:
        return None
    limpio = valor.strip()
    return (limpio[:6] if len(limpio) > 6 else "") + OCULTO


_REGLAS = {"telefono": telefono, "correo": correo, "direccion": direccion}


def enmascarar(datos: dict[str, Any]) -> dict[str, Any]:
    """Copia de `datos` con los campos de contacto que traiga enmascarados."""
    return {
        campo: _REGLAS[campo](valor) if campo in _REGLAS else valor
        for campo, valor in datos.items()
    }


def segun_permiso(datos: dict[str, Any], completo: bool) -> dict[str, Any]:
    """Los datos tal cual para quien ve el contacto completo; enmascarados para los demás."""
    return datos if completo else enmascarar(datos)
