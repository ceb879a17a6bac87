"""Validación de las filas de importación de clientes y compras; mensajes en español por campo."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from models import ESTADOS_COMPRA
from services.documento_service import DocumentoInvalido, normalizar_documento
from services.tiempo_service import interpretar_instante

COLUMNAS_CLIENTES = (
    "tipo_documento",
    "numero_documento",
    "nombre",
    "apellido",
    "correo",
    "telefono",
)
OPCIONALES_CLIENTES = ("ciudad", "direccion")
COLUMNAS_COMPRAS = (
    "tipo_documento",
    "numero_documento",
    "numero_factura",
    "fecha",
    "total",
    "estado",
)
OPCIONALES_COMPRAS = ("canal", "tienda")
TOLERANCIA_RELOJ = timedelta(minutes=5)
FECHA_MINIMA = datetime(2000, 1, 1, tzinfo=UTC)
TOTAL_MAXIMO = Decimal("99999999999999.99")

PATRON_CORREO = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
_SEPARADORES_TELEFONO = re.compile(r"[\s().\-]")
_DIGITOS = re.compile(r"^[0-9]+$")
_TOTAL = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_TOTAL_MUCHOS_DECIMALES = re.compile(r"^[0-9]+\.[0-9]{3,}$")
_FORMATO_TOTAL = "use dígitos sin separador de miles y punto decimal, por ejemplo 1234567.89"


@dataclass(frozen=True)
class ErrorFila:
    """Un dato malo: archivo, número de fila (encabezado = 1), campo y motivo."""

    archivo: str
    fila: int
    campo: str
    mensaje: str

    def __str__(self) -> str:
        return f"{self.archivo}, fila {self.fila}, {self.campo}: {self.mensaje}"


class FilaInvalida(ValueError):
    """La fila tiene uno o más campos malos: lista de (campo, motivo)."""

    def __init__(self, errores: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{campo}: {motivo}" for campo, motivo in errores))
        self.errores = errores


def _texto(valor: str, campo: str, maximo: int, obligatorio: bool) -> str | None:
    limpio = valor.strip()
    if not limpio:
        if obligatorio:
            raise ValueError(f"El campo {campo} es obligatorio.")
        return None
    if len(limpio) > maximo:
        raise ValueError(f"El campo {campo} admite como máximo {maximo} caracteres.")
    return limpio


def normalizar_correo(valor: str) -> str | None:
    """Correo en minúsculas o None si viene vacío; ValueError si el formato no sirve."""
    correo = _texto(valor, "correo", 254, obligatorio=False)
    if correo is None:
        return None
    if not PATRON_CORREO.match(correo):
        raise ValueError("El correo no tiene un formato válido (ejemplo: nombre@dominio.com).")
    return correo.lower()


def normalizar_telefono(valor: str) -> str | None:
    """E.164: +57 para números colombianos de 10 dígitos (3xx o 60x); otros países con +."""
    limpio = _SEPARADORES_TELEFONO.sub("", valor)
    if not limpio:
        return None
    internacional = limpio.startswith(("+", "00"))
    digitos = limpio[1:] if limpio.startswith("+") else limpio[2:] if internacional else limpio
    if not _DIGITOS.match(digitos):
        raise ValueError("El teléfono solo admite dígitos, espacios, guiones y un + inicial.")
    if not internacional:
        if len(digitos) == 12 and digitos.startswith("57"):
            digitos = digitos[2:]
        if len(digitos) == 10 and digitos.startswith(("3", "60")):
            return "+57" + digitos
        raise ValueError(
            "Teléfono no reconocido: use un número colombiano de 10 dígitos (300 123 4567 o "
            "601 234 5678) o uno internacional con + y el código del país."
        )
    if not 7 <= len(digitos) <= 15:
        raise ValueError("El teléfono internacional debe tener entre 7 y 15 dígitos tras el +.")
    return "+" + digitos


def interpretar_fecha(valor: str, limite: datetime) -> datetime:
    """Instante UTC desde ISO 8601 (sin desfase = hora de Bogotá; solo fecha = 00:00 Bogotá)."""
    texto = valor.strip()
    if not texto:
        raise ValueError("La fecha es obligatoria.")
    try:
        instante = interpretar_instante(texto)
    except (ValueError, OverflowError) as error:
        raise ValueError(
            "Fecha no válida: use ISO 8601, por ejemplo 2026-10-31T23:30:00 (hora de Bogotá) "
            "o 2026-11-01T04:30:00Z."
        ) from error
    if instante > limite:
        raise ValueError("La fecha no puede estar en el futuro.")
    if instante < FECHA_MINIMA:
        raise ValueError("La fecha es anterior al año 2000; revise el año.")
    return instante


def interpretar_total(valor: str) -> Decimal:
    """Decimal exacto, no negativo, con máximo dos decimales y punto como separador decimal."""
    texto = valor.strip()
    if not texto:
        raise ValueError("El total es obligatorio.")
    if texto.startswith("-"):
        raise ValueError("El total no puede ser negativo.")
    if _TOTAL_MUCHOS_DECIMALES.match(texto):
        raise ValueError(
            f"El total admite como máximo 2 decimales; si el punto separa miles, {_FORMATO_TOTAL}."
        )
    if not _TOTAL.match(texto):
        raise ValueError(f"Formato de total no válido: {_FORMATO_TOTAL}.")
    total = Decimal(texto)
    if total > TOTAL_MAXIMO:
        raise ValueError(f"El total supera el máximo admitido ({TOTAL_MAXIMO}).")
    return total


def _documento(valores: dict[str, str], errores: list[tuple[str, str]]) -> tuple[str, str]:
    try:
        return normalizar_documento(valores["tipo_documento"], valores["numero_documento"])
    except DocumentoInvalido as error:
        errores.append((error.campo, error.motivo))
        return "", ""


def campo_o_error(
    errores: list[tuple[str, str]], campo: str, funcion: Any, *argumentos: Any
) -> Any:
    """El valor de `funcion(*argumentos)`, o None anotando (campo, motivo) si lanza ValueError:
    así una fila junta todos sus errores (la usan las validaciones de todos los módulos)."""
    try:
        return funcion(*argumentos)
    except ValueError as error:
        errores.append((campo, str(error)))
        return None


def _contacto_o_marca(
    errores: list[tuple[str, str]],
    marcas: list[str],
    campo: str,
    funcion: Callable[[str], str | None],
    valor: str,
    maximo: int,
) -> str | None:
    """Un teléfono o correo normalizado; si está mal formado no rechaza la fila (M10): lo guarda tal
    cual y lo marca para la página de calidad de datos. Solo un valor que no cabe es un error."""
    try:
        return funcion(valor)
    except ValueError:
        limpio = valor.strip()
        if len(limpio) > maximo:
            errores.append((campo, f"El campo {campo} admite como máximo {maximo} caracteres."))
            return None
        marcas.append(campo)
        return limpio


def validar_cliente(valores: dict[str, str]) -> dict[str, Any]:
    """Datos del cliente listos para guardar (con `tipo` y `marcas`: los datos de contacto mal
    formados que se guardan para revisar); `FilaInvalida` si algo no sirve."""
    errores: list[tuple[str, str]] = []
    marcas: list[str] = []
    tipo, numero = _documento(valores, errores)
    datos: dict[str, Any] = {
        "tipo": tipo,
        "numero_documento": numero,
        "nombre": campo_o_error(errores, "nombre", _texto, valores["nombre"], "nombre", 150, True),
        "apellido": campo_o_error(
            errores, "apellido", _texto, valores["apellido"], "apellido", 150, False
        )
        or "",
        "correo": _contacto_o_marca(
            errores, marcas, "correo", normalizar_correo, valores["correo"], 254
        ),
        "telefono": _contacto_o_marca(
            errores, marcas, "telefono", normalizar_telefono, valores["telefono"], 20
        ),
        "marcas": marcas,
    }
    if tipo == "NIT" and datos["apellido"]:
        errores.append(
            ("apellido", "Para un NIT el apellido va vacío: el nombre de la empresa va en nombre.")
        )
    elif tipo and tipo != "NIT" and not valores["apellido"].strip():
        errores.append(("apellido", "El apellido es obligatorio para una persona."))
    for campo, maximo in (("ciudad", 80), ("direccion", 200)):
        if campo in valores:
            datos[campo] = campo_o_error(
                errores, campo, _texto, valores[campo], campo, maximo, False
            )
    if errores:
        raise FilaInvalida(errores)
    return datos


def validar_compra(valores: dict[str, str], ahora: datetime) -> dict[str, Any]:
    """Datos de la compra listos para guardar (con `tipo` y documento del cliente)."""
    errores: list[tuple[str, str]] = []
    tipo, numero = _documento(valores, errores)
    factura = campo_o_error(
        errores, "numero_factura", _texto, valores["numero_factura"], "numero_factura", 30, True
    )
    estado = valores["estado"].strip().lower()
    if estado not in ESTADOS_COMPRA:
        errores.append(("estado", "Estado no válido: use pagada, anulada o devuelta."))
    datos: dict[str, Any] = {
        "tipo": tipo,
        "numero_documento": numero,
        "numero_factura": factura.upper() if factura else None,
        "fecha": campo_o_error(
            errores, "fecha", interpretar_fecha, valores["fecha"], ahora + TOLERANCIA_RELOJ
        ),
        "total": campo_o_error(errores, "total", interpretar_total, valores["total"]),
        "estado": estado,
    }
    if "canal" in valores:
        canal = campo_o_error(errores, "canal", _texto, valores["canal"], "canal", 20, False)
        datos["canal"] = canal.lower() if canal else None
    if "tienda" in valores:
        datos["tienda"] = campo_o_error(
            errores, "tienda", _texto, valores["tienda"], "tienda", 80, False
        )
    if errores:
        raise FilaInvalida(errores)
    return datos
