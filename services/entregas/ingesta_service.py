"""Interpretar y validar el pedido que envía el dispositivo (contrato del script del cliente).

El JSON se lee con decimales exactos (`parse_float=Decimal`): 0.2 es 0.20, nunca
0.2000000000000000111. La cantidad de cada producto es cuántas veces viene repetido.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from errores import DatosInvalidos, SolicitudInvalida
from services.tiempo_service import interpretar_instante

MAXIMO_ENTRADAS = 100
_PATRON_PEDIDO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
CENTAVO = Decimal("0.01")


@dataclass(frozen=True)
class ProductoReferencia:
    id: str
    nombre: str
    precio: Decimal


@dataclass(frozen=True)
class RepartidorReferencia:
    id: int
    nombre: str
    activo: bool


@dataclass(frozen=True)
class Linea:
    producto_id: str
    cantidad: int
    precio: Decimal


@dataclass(frozen=True)
class PedidoEntrante:
    pedido_id: str
    repartidor_id: int
    lineas: tuple[Linea, ...]
    entregado_en: datetime

    @property
    def unidades(self) -> int:
        return sum(linea.cantidad for linea in self.lineas)

    @property
    def total(self) -> Decimal:
        return sum((linea.precio * linea.cantidad for linea in self.lineas), Decimal("0.00"))

    def huella(self) -> str:
        """SHA-256 del contenido canónico (repartidor, líneas ordenadas, instante en UTC)."""
        canonico = {
            "repartidor": self.repartidor_id,
            "lineas": [[linea.producto_id, linea.cantidad] for linea in self.lineas],
            "entregado_en": self.entregado_en.isoformat(),
        }
        texto = json.dumps(canonico, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(texto.encode("utf-8")).hexdigest()


def _constante_no_permitida(nombre: str) -> Any:
    raise ValueError(f"constante JSON no permitida: {nombre}")


def leer_json(cuerpo: bytes) -> Any:
    """El JSON del cuerpo con decimales exactos; 400 si no es un JSON válido."""
    try:
        texto = cuerpo.decode("utf-8")
        return json.loads(texto, parse_float=Decimal, parse_constant=_constante_no_permitida)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SolicitudInvalida(
            "El cuerpo no es un JSON válido (UTF-8). Revise el formato del pedido."
        ) from error


def _invalido(campo: str, motivo: str) -> DatosInvalidos:
    return DatosInvalidos(f"{campo}: {motivo}", {"campos": {campo: [motivo]}})


def _texto(datos: dict[str, Any], clave: str, campo: str) -> str:
    if clave not in datos or datos[clave] is None:
        raise _invalido(campo, "Este campo es obligatorio.")
    valor = datos[clave]
    if not isinstance(valor, str):
        raise _invalido(campo, "Debe ser un texto.")
    return valor


def _entero(datos: dict[str, Any], clave: str, campo: str) -> int:
    if clave not in datos or datos[clave] is None:
        raise _invalido(campo, "Este campo es obligatorio.")
    valor = datos[clave]
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise _invalido(campo, "Debe ser un número entero.")
    return int(valor)


def _objeto(valor: Any, campo: str) -> dict[str, Any]:
    if valor is None:
        raise _invalido(campo, "Este campo es obligatorio.")
    if not isinstance(valor, dict):
        raise _invalido(campo, "Debe ser un objeto JSON.")
    return valor


def interpretar_pedido(
    datos: Any,
    repartidores: dict[int, RepartidorReferencia],
    productos: dict[str, ProductoReferencia],
) -> PedidoEntrante:
    """Valida el pedido contra los datos de referencia; 422 nombrando la línea y el campo."""
    if not isinstance(datos, dict):
        raise SolicitudInvalida("El cuerpo debe ser un objeto JSON con los datos del pedido.")
    pedido_id = _texto(datos, "pedido_id", "pedido_id").strip()
    if not _PATRON_PEDIDO_ID.match(pedido_id):
        raise _invalido(
            "pedido_id", "Debe tener de 1 a 64 caracteres: letras, números, '.', '_', ':' o '-'."
        )
    repartidor = _objeto(datos.get("repartidor"), "repartidor")
    id_repartidor = _entero(repartidor, "IdRepartidor", "repartidor.IdRepartidor")
    nombre_repartidor = _texto(repartidor, "Nombre", "repartidor.Nombre")
    referencia = repartidores.get(id_repartidor)
    if referencia is None:
        raise _invalido("repartidor.IdRepartidor", f"El repartidor {id_repartidor} no existe.")
    if not referencia.activo:
        raise _invalido("repartidor.IdRepartidor", f"El repartidor {id_repartidor} no está activo.")
    if nombre_repartidor != referencia.nombre:
        raise _invalido(
            "repartidor.Nombre",
            f"El nombre no coincide con el del repartidor {id_repartidor} ({referencia.nombre}).",
        )
    entradas = datos.get("productos")
    if entradas is None:
        raise _invalido("productos", "Este campo es obligatorio.")
    if not isinstance(entradas, list):
        raise _invalido("productos", "Debe ser una lista de productos.")
    if not entradas:
        raise _invalido("productos", "El pedido debe traer al menos un producto.")
    if len(entradas) > MAXIMO_ENTRADAS:
        raise _invalido(
            "productos",
            f"El pedido trae {len(entradas)} productos; el máximo es {MAXIMO_ENTRADAS}.",
        )
    cantidades: Counter[str] = Counter()
    for posicion, entrada in enumerate(entradas):
        campo = f"productos[{posicion}]"
        producto = _objeto(entrada, campo)
        id_producto = _texto(producto, "IdProducto", f"{campo}.IdProducto")
        nombre = _texto(producto, "producto", f"{campo}.producto")
        if "precio" not in producto or producto["precio"] is None:
            raise _invalido(f"{campo}.precio", "Este campo es obligatorio.")
        precio = producto["precio"]
        if isinstance(precio, bool) or not isinstance(precio, int | Decimal):
            raise _invalido(f"{campo}.precio", "Debe ser un número.")
        conocido = productos.get(id_producto)
        if conocido is None:
            raise _invalido(f"{campo}.IdProducto", f"El producto {id_producto!r} no existe.")
        if nombre != conocido.nombre:
            raise _invalido(
                f"{campo}.producto",
                f"El nombre no coincide con el del producto {id_producto} ({conocido.nombre}).",
            )
        if Decimal(precio) != conocido.precio:
            raise _invalido(
                f"{campo}.precio",
                f"El precio no coincide con el del producto {id_producto} ({conocido.precio}).",
            )
        cantidades[id_producto] += 1
    marca = _texto(datos, "timestamp", "timestamp")
    try:
        entregado_en = interpretar_instante(marca)
    except (ValueError, OverflowError) as error:
        raise _invalido(
            "timestamp", "Debe ser una fecha y hora ISO 8601 (sin desfase = hora de Bogotá)."
        ) from error
    lineas = tuple(
        Linea(producto_id, cantidad, productos[producto_id].precio)
        for producto_id, cantidad in sorted(cantidades.items())
    )
    return PedidoEntrante(pedido_id, id_repartidor, lineas, entregado_en)


def dinero(valor: Decimal) -> str:
    """Decimal con dos lugares, como texto ("0.20")."""
    return str(valor.quantize(CENTAVO, rounding=ROUND_HALF_UP))
