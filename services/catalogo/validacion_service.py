"""Reglas de los datos del catálogo, las mismas para la API y la importación; mensajes en español.

Cada función recibe el valor tal como llega (texto de un archivo o valor de JSON) y devuelve el
valor listo para guardar, o lanza `ValueError` con el motivo. `validar_producto` y
`validar_establecimiento` reúnen los motivos de todos los campos en una `FilaInvalida`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from errores import DatosInvalidos
from models.catalogo import TARIFAS_IVA
from models.catalogo.establecimiento_model import (
    LATITUD_MAXIMA,
    LATITUD_MINIMA,
    LONGITUD_MAXIMA,
    LONGITUD_MINIMA,
)
from services.documento_service import validar_nit
from services.importacion_service import FilaInvalida, normalizar_telefono

CAMPOS_PRODUCTO = ("codigo", "nombre", "categoria", "marca", "presentacion", "precio", "iva")
CAMPOS_ESTABLECIMIENTO = (
    "nombre",
    "tipo",
    "nit",
    "ciudad",
    "departamento",
    "direccion",
    "telefono",
    "latitud",
    "longitud",
    "vendedor",
)
PRECIO_MAXIMO = Decimal("99999999999999.99")
FECHA_MINIMA = date(2000, 1, 1)
FECHA_MAXIMA = date(2100, 12, 31)
SEIS_DECIMALES = Decimal("0.000001")

_CODIGO = re.compile(r"^[A-Z0-9-]{3,30}$")
_PRECIO = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_COORDENADA = re.compile(r"^-?[0-9]{1,3}(\.[0-9]+)?$")
_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ESPACIOS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_USUARIO = re.compile(r"^[a-z0-9._-]{1,60}$")


def sin_tildes(texto: str) -> str:
    """Minúsculas sin tildes ni diéresis (ñ → n): la forma en que se busca por nombre."""
    descompuesto = unicodedata.normalize("NFKD", texto.casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def _como_texto(valor: Any) -> str:
    if valor is None:
        return ""
    if isinstance(valor, bool):
        raise ValueError("Debe ser un texto.")
    if isinstance(valor, Decimal):
        return format(valor, "f")
    return str(valor).strip()


def _sin_control(texto_limpio: str, etiqueta: str) -> None:
    if _CONTROL.search(texto_limpio):
        raise ValueError(f"{etiqueta} no admite caracteres de control.")


def usuario_vendedor(valor: Any) -> str | None:
    """El usuario (login) de un vendedor en minúsculas; vacío es None (sin vendedor)."""
    login = _como_texto(valor).lower()
    if not login:
        return None
    if not _USUARIO.match(login):
        raise ValueError(f"No existe un usuario «{login[:60]}».")
    return login


def texto(valor: Any, etiqueta: str, minimo: int, maximo: int) -> str:
    """Texto obligatorio sin espacios de más, con longitud entre `minimo` y `maximo`."""
    limpio = _ESPACIOS.sub(" ", _como_texto(valor))
    if not limpio:
        raise ValueError(f"{etiqueta} es obligatorio.")
    _sin_control(limpio, etiqueta)
    if not minimo <= len(limpio) <= maximo:
        raise ValueError(f"{etiqueta} debe tener entre {minimo} y {maximo} caracteres.")
    return limpio


def texto_opcional(valor: Any, etiqueta: str, maximo: int) -> str | None:
    """Texto opcional: vacío es None."""
    limpio = _ESPACIOS.sub(" ", _como_texto(valor))
    if not limpio:
        return None
    _sin_control(limpio, etiqueta)
    if len(limpio) > maximo:
        raise ValueError(f"{etiqueta} admite como máximo {maximo} caracteres.")
    return limpio


def normalizar_codigo(valor: Any) -> str:
    """SKU en mayúsculas: 3 a 30 de A–Z, 0–9 y guion. Ñ y tildes se rechazan, no se transliteran."""
    codigo = _como_texto(valor).upper()
    if not codigo:
        raise ValueError("El código es obligatorio.")
    if not _CODIGO.match(codigo):
        if not codigo.isascii():
            raise ValueError(
                "El código solo admite letras A–Z sin tildes ni Ñ, dígitos y guion (-)."
            )
        raise ValueError(
            "El código debe tener de 3 a 30 caracteres entre letras A–Z, dígitos y guion (-)."
        )
    return codigo


def interpretar_precio(valor: Any, etiqueta: str = "El precio") -> Decimal:
    """Pesos COP exactos, mayores que cero, con punto decimal y a lo sumo dos decimales."""
    texto_precio = _como_texto(valor)
    if not texto_precio:
        raise ValueError(f"{etiqueta} es obligatorio.")
    if not _PRECIO.match(texto_precio.lstrip("-")):
        raise ValueError(
            f"{etiqueta} debe ser un número con punto decimal, sin separador de miles y con "
            "máximo 2 decimales (ejemplo: 4500 o 4500.50)."
        )
    precio = Decimal(texto_precio)
    if precio <= 0:
        raise ValueError(f"{etiqueta} debe ser mayor que cero.")
    if precio > PRECIO_MAXIMO:
        raise ValueError(f"{etiqueta} supera el máximo admitido.")
    return precio


def interpretar_iva(valor: Any) -> int:
    """Tarifa de IVA colombiana en porcentaje: 0, 5 o 19."""
    texto_iva = _como_texto(valor).removesuffix("%").strip()
    try:
        numero = Decimal(texto_iva)
    except InvalidOperation:
        numero = Decimal(-1)
    if not texto_iva or numero not in TARIFAS_IVA:
        raise ValueError("El IVA debe ser 0, 5 o 19 (tarifas colombianas, en porcentaje).")
    return int(numero)


def normalizar_nit(valor: Any) -> str | None:
    """NIT opcional: los 9 dígitos, validando el dígito de verificación con la regla del núcleo."""
    limpio = _como_texto(valor)
    if not limpio:
        return None
    try:
        return validar_nit(limpio)
    except DatosInvalidos as error:
        raise ValueError(error.mensaje) from error


def _coordenada(valor: Any, etiqueta: str, minimo: Decimal, maximo: Decimal) -> Decimal | None:
    texto_coordenada = _como_texto(valor)
    if not texto_coordenada:
        return None
    if not _COORDENADA.match(texto_coordenada):
        raise ValueError(f"La {etiqueta} debe ser un número en grados decimales con punto.")
    numero = Decimal(texto_coordenada)
    if not minimo <= numero <= maximo:
        raise ValueError(
            f"La {etiqueta} {texto_coordenada} queda fuera de Colombia (entre {minimo} y {maximo})."
        )
    return numero.quantize(SEIS_DECIMALES, rounding=ROUND_HALF_UP)


def interpretar_latitud(valor: Any) -> Decimal | None:
    return _coordenada(valor, "latitud", LATITUD_MINIMA, LATITUD_MAXIMA)


def interpretar_longitud(valor: Any) -> Decimal | None:
    return _coordenada(valor, "longitud", LONGITUD_MINIMA, LONGITUD_MAXIMA)


def interpretar_fecha(valor: Any) -> date:
    """Día calendario (de Bogotá) en formato AAAA-MM-DD, entre 2000 y 2100."""
    if isinstance(valor, date):
        dia = valor
    else:
        texto_fecha = _como_texto(valor)
        if not _FECHA.match(texto_fecha):
            raise ValueError("La fecha debe tener el formato AAAA-MM-DD, por ejemplo 2026-12-01.")
        try:
            dia = date.fromisoformat(texto_fecha)
        except ValueError as error:
            raise ValueError(f"La fecha {texto_fecha} no existe en el calendario.") from error
    if not FECHA_MINIMA <= dia <= FECHA_MAXIMA:
        raise ValueError("La fecha debe estar entre el año 2000 y el 2100.")
    return dia


def _reunir(valores: Mapping[str, Any], reglas: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """Aplica la regla de cada campo presente; todos los motivos juntos en una `FilaInvalida`."""
    errores: list[tuple[str, str]] = []
    datos: dict[str, Any] = {}
    for campo, regla in reglas.items():
        if campo not in valores:
            continue
        try:
            datos[campo] = regla(valores[campo])
        except ValueError as error:
            errores.append((campo, str(error)))
    if errores:
        raise FilaInvalida(errores)
    return datos


REGLAS_PRODUCTO: dict[str, Callable[[Any], Any]] = {
    "codigo": normalizar_codigo,
    "nombre": lambda v: texto(v, "El nombre", 2, 120),
    "categoria": lambda v: texto(v, "La categoría", 2, 60),
    "marca": lambda v: texto_opcional(v, "La marca", 60),
    "presentacion": lambda v: texto_opcional(v, "La presentación", 40),
    "precio": interpretar_precio,
    "iva": interpretar_iva,
}
REGLAS_ESTABLECIMIENTO: dict[str, Callable[[Any], Any]] = {
    "nombre": lambda v: texto(v, "El nombre", 2, 120),
    "tipo": lambda v: texto(v, "El tipo", 1, 20).upper(),
    "nit": normalizar_nit,
    "ciudad": lambda v: texto(v, "La ciudad", 2, 80),
    "departamento": lambda v: texto(v, "El departamento", 2, 60),
    "direccion": lambda v: texto(v, "La dirección", 3, 200),
    "telefono": lambda v: normalizar_telefono(_como_texto(v)),
    "latitud": interpretar_latitud,
    "longitud": interpretar_longitud,
    "vendedor": usuario_vendedor,
}


def validar_producto(valores: Mapping[str, Any]) -> dict[str, Any]:
    """Los campos presentes de un producto, normalizados; `FilaInvalida` con cada motivo."""
    datos = _reunir(valores, REGLAS_PRODUCTO)
    if "nombre" in datos:
        datos["nombre_busqueda"] = sin_tildes(datos["nombre"])
    return datos


def validar_establecimiento(
    valores: Mapping[str, Any], latitud_actual: Any = None, longitud_actual: Any = None
) -> dict[str, Any]:
    """Los campos presentes de un establecimiento; las coordenadas van ambas o ninguna.

    En un cambio parcial, `latitud_actual` y `longitud_actual` son las guardadas.
    """
    datos = _reunir(valores, REGLAS_ESTABLECIMIENTO)
    if "latitud" in valores or "longitud" in valores:
        latitud = datos.get("latitud", latitud_actual)
        longitud = datos.get("longitud", longitud_actual)
        if (latitud is None) != (longitud is None):
            falta = "latitud" if latitud is None else "longitud"
            raise FilaInvalida(
                [(falta, "Indique latitud y longitud juntas, o ninguna de las dos.")]
            )
    if "nombre" in datos:
        datos["nombre_busqueda"] = sin_tildes(datos["nombre"])
    return datos
