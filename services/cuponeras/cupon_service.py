"""Reglas de los cupones de pago y los beneficios: dígito GS1, número de cupón, cadena del código
de barras GS1-128 de recaudo, descuento, fecha límite y códigos de beneficio."""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from services.gs1_service import con_digito_control, digito_control_valido, validar_gln

DIGITOS_CUPON = 12  # más el dígito de control
DIAS_GRACIA = 5  # fecha límite cuando la última factura ya venció
DIAS_BENEFICIO = 60
VALOR_MAXIMO = 9_999_999_999  # (3900) lleva el valor en 10 dígitos
# Sin 0/O, 1/I/L ni U: se dicta por teléfono sin confusiones y las mayúsculas no importan.
ALFABETO_BENEFICIO = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LARGO_BENEFICIO = 12  # 30^12 ≈ 5,3·10^17 combinaciones


def numero_cupon_valido(numero: str) -> bool:
    """13 dígitos con dígito de control GS1 válido."""
    return len(numero) == DIGITOS_CUPON + 1 and digito_control_valido(numero)


def nuevo_numero_cupon() -> str:
    """12 dígitos al azar (el primero no es 0, para que nunca pierda ceros al copiarse) + control."""
    base = str(10 ** (DIGITOS_CUPON - 1) + secrets.randbelow(9 * 10 ** (DIGITOS_CUPON - 1)))
    return con_digito_control(base)


def codigo_barras(gln: str, numero_cupon: str, valor: int, fecha_limite: date) -> str:
    """`(415)<GLN>(8020)<cupón>(3900)<valor en 10 dígitos>(96)<AAAAMMDD>` (convención de recaudo)."""
    if not numero_cupon_valido(numero_cupon):
        raise ValueError("El número de cupón debe tener 13 dígitos con dígito de control válido.")
    if not 0 <= valor <= VALOR_MAXIMO:
        raise ValueError("El valor del cupón no cabe en 10 dígitos.")
    return f"(415){validar_gln(gln)}(8020){numero_cupon}(3900){valor:010d}(96){fecha_limite:%Y%m%d}"


def descuento(subtotal: int, porcentaje: int, tope: int) -> int:
    """`porcentaje` % del subtotal, como máximo `tope`, redondeado hacia abajo a pesos enteros."""
    if subtotal < 0 or porcentaje < 0 or tope < 0:
        raise ValueError("Subtotal, porcentaje y tope no pueden ser negativos.")
    return min(subtotal * porcentaje // 100, tope)


def fecha_limite(ultimo_vencimiento: date, hoy: date) -> date:
    """El vencimiento de la última factura cubierta o, si ya pasó (en Bogotá), hoy + 5 días."""
    return ultimo_vencimiento if ultimo_vencimiento >= hoy else hoy + timedelta(days=DIAS_GRACIA)


def vence_beneficio(otorgado: date) -> date:
    """La fecha (Bogotá) de otorgamiento + 60 días."""
    return otorgado + timedelta(days=DIAS_BENEFICIO)


def nuevo_codigo_beneficio() -> str:
    """Código impredecible (secrets) de 12 caracteres de un alfabeto sin ambigüedades."""
    return "".join(secrets.choice(ALFABETO_BENEFICIO) for _ in range(LARGO_BENEFICIO))


def normalizar_codigo_beneficio(codigo: str) -> str:
    """Como lo escribe una persona: sin espacios ni guiones y en mayúsculas."""
    return re.sub(r"[\s\-]", "", codigo or "").upper()


def pesos_enteros(valor: int) -> str:
    """Pesos enteros con el formato colombiano: $ 1.234.567."""
    return "$ " + f"{valor:,}".replace(",", ".")
