"""Validación de las filas de los archivos de contratos y facturas (y de los mismos datos en la API):
cada campo con su motivo en español."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from models.cuponeras import SERVICIOS
from services.documento_service import DocumentoInvalido, normalizar_documento
from services.importacion_service import FilaInvalida, campo_o_error
from services.tiempo_service import Mes

COLUMNAS_CONTRATOS = (
    "numero_contrato",
    "tipo_documento",
    "numero_documento",
    "servicio",
    "direccion",
    "ciudad",
    "fecha_inicio",
)
OPCIONALES_CONTRATOS = ("estado",)
COLUMNAS_FACTURAS = (
    "numero_contrato",
    "numero_factura",
    "periodo",
    "fecha_emision",
    "fecha_vencimiento",
    "valor",
)
VALOR_MAXIMO_FACTURA = 9_999_999_999
FECHA_MINIMA = date(2000, 1, 1)
_NUMERO_CONTRATO = re.compile(r"^[0-9]{6,12}$")
_NUMERO_FACTURA = re.compile(r"^[A-Z0-9][A-Z0-9\-]{0,29}$")
_ENTERO = re.compile(r"^[0-9]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def numero_contrato(valor: str) -> str:
    limpio = (valor or "").strip()
    if not _NUMERO_CONTRATO.match(limpio):
        raise ValueError("El número de contrato debe tener entre 6 y 12 dígitos, sin letras.")
    return limpio


def numero_factura(valor: str) -> str:
    limpio = (valor or "").strip().upper()
    if not _NUMERO_FACTURA.match(limpio):
        raise ValueError(
            "El número de factura admite de 1 a 30 letras A-Z, dígitos y guiones (ej. FE-2026-0001)."
        )
    return limpio


def texto(valor: str, campo: str, maximo: int) -> str:
    limpio = (valor or "").strip()
    if not limpio:
        raise ValueError(f"El campo {campo} es obligatorio.")
    if len(limpio) > maximo:
        raise ValueError(f"El campo {campo} admite como máximo {maximo} caracteres.")
    if _CONTROL.search(limpio):
        raise ValueError(f"El campo {campo} no admite caracteres de control.")
    return limpio


def fecha(valor: str, campo: str, hoy: date | None = None) -> date:
    """AAAA-MM-DD desde el año 2000; con `hoy`, no posterior a hoy."""
    limpio = (valor or "").strip()
    try:
        resultado = date.fromisoformat(limpio[:10]) if len(limpio) in (10, 19) else None
    except ValueError:
        resultado = None
    if resultado is None or (len(limpio) == 19 and not limpio.endswith("00:00:00")):
        raise ValueError(f"La fecha {campo} debe tener el formato AAAA-MM-DD, p. ej. 2026-10-31.")
    if resultado < FECHA_MINIMA:
        raise ValueError(f"La fecha {campo} es anterior al año 2000; revise el año.")
    if hoy is not None and resultado > hoy:
        raise ValueError(f"La fecha {campo} no puede estar en el futuro.")
    return resultado


def valor_pesos(valor: str) -> int:
    """Pesos enteros positivos (sin separador de miles ni decimales)."""
    limpio = (valor or "").strip()
    if limpio.endswith((".0", ".00")):  # Excel guarda los enteros como 12345.0
        limpio = limpio.split(".")[0]
    if not _ENTERO.match(limpio):
        raise ValueError("El valor va en pesos enteros, solo dígitos (ej. 185400).")
    numero = int(limpio)
    if not 0 < numero <= VALOR_MAXIMO_FACTURA:
        raise ValueError("El valor debe ser mayor que 0 y de máximo 10 dígitos.")
    return numero


def periodo(valor: str) -> str:
    try:
        return str(Mes.desde_texto(valor or ""))
    except ValueError as error:
        raise ValueError(f"Periodo no válido: {error}") from error


def validar_contrato(valores: dict[str, str], hoy: date) -> dict[str, Any]:
    """Datos del contrato listos para guardar, con `tipo` y `numero_documento` del titular."""
    errores: list[tuple[str, str]] = []
    try:
        tipo, documento = normalizar_documento(
            valores["tipo_documento"], valores["numero_documento"]
        )
    except DocumentoInvalido as error:
        errores.append((error.campo, error.motivo))
        tipo, documento = "", ""
    servicio = (valores["servicio"] or "").strip().lower()
    if servicio not in SERVICIOS:
        errores.append(("servicio", "Servicio no válido: use " + ", ".join(SERVICIOS) + "."))
    estado = (valores.get("estado") or "").strip().lower() or "activo"
    if estado not in ("activo", "suspendido", "retirado"):
        errores.append(("estado", "Estado no válido: use activo, suspendido o retirado."))
    datos = {
        "numero_contrato": campo_o_error(
            errores, "numero_contrato", numero_contrato, valores["numero_contrato"]
        ),
        "tipo": tipo,
        "numero_documento": documento,
        "servicio": servicio,
        "direccion": campo_o_error(
            errores, "direccion", texto, valores["direccion"], "direccion", 200
        ),
        "ciudad": campo_o_error(errores, "ciudad", texto, valores["ciudad"], "ciudad", 80),
        "fecha_inicio": campo_o_error(
            errores, "fecha_inicio", fecha, valores["fecha_inicio"], "fecha_inicio", hoy
        ),
        "estado": estado,
    }
    if errores:
        raise FilaInvalida(errores)
    return datos


def validar_factura(valores: dict[str, str]) -> dict[str, Any]:
    """Datos de la factura listos para guardar; el vencimiento no es anterior a la emisión."""
    errores: list[tuple[str, str]] = []
    datos = {
        "numero_contrato": campo_o_error(
            errores, "numero_contrato", numero_contrato, valores["numero_contrato"]
        ),
        "numero_factura": campo_o_error(
            errores, "numero_factura", numero_factura, valores["numero_factura"]
        ),
        "periodo": campo_o_error(errores, "periodo", periodo, valores["periodo"]),
        "fecha_emision": campo_o_error(
            errores, "fecha_emision", fecha, valores["fecha_emision"], "fecha_emision"
        ),
        "fecha_vencimiento": campo_o_error(
            errores, "fecha_vencimiento", fecha, valores["fecha_vencimiento"], "fecha_vencimiento"
        ),
        "valor": campo_o_error(errores, "valor", valor_pesos, valores["valor"]),
    }
    emision, vencimiento = datos["fecha_emision"], datos["fecha_vencimiento"]
    if emision and vencimiento and vencimiento < emision:
        errores.append(
            ("fecha_vencimiento", "La fecha de vencimiento no puede ser anterior a la de emisión.")
        )
    if errores:
        raise FilaInvalida(errores)
    return datos
