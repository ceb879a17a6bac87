"""Datos de las pruebas de la fusión de clientes (M10): la misma persona bajo dos documentos, con
compras, notas, contratos, beneficios (uno en conflicto de unicidad) y un usuario del portal; y la
foto de todo lo que la fusión puede cambiar, para comparar antes y después."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from models import Auditoria, Cliente, ClienteAlias, ClientePalabra, ClientePar, Compra, Usuario
from models.cuponeras import Beneficio, Contrato
from models.sac360 import NotaCliente
from tests.cuponeras.conftest import crear_beneficio, crear_contrato, crear_usuario_portal
from tests.fabricas import bogota, crear_cliente, crear_compra

MOTIVO = "Misma persona: cédula y cédula de extranjería, confirmado por llamada."


@dataclass(frozen=True)
class Pareja:
    """`sobreviviente` (CC 1020304050) y `absorbido` (CE 4567890): la misma persona."""

    sobreviviente: int
    absorbido: int
    usuario_portal: int


def crear_pareja(gateway: BaseDatosClient, admin_id: int | None = None) -> Pareja:
    sobreviviente = crear_cliente(
        gateway, "CC", "1020304050", "María José", "Peña Muñoz", "maria@x.co", "+57 311 234 5678"
    )
    absorbido = crear_cliente(
        gateway, "CE", "4567890", "maria jose", "PEÑA MUÑOZ", "otra@x.co", "311-234-5678"
    )
    for mes in (8, 9):
        crear_compra(gateway, sobreviviente, bogota(2026, mes, 5), "100000.00")
    for mes in (7, 8, 10):
        crear_compra(gateway, absorbido, bogota(2026, mes, 10), "250000.50")
    with gateway.session_scope() as sesion:
        autor = admin_id or sesion.scalar(select(Usuario.id).where(Usuario.rol == "admin"))
        sesion.add(NotaCliente(cliente_id=absorbido, usuario_id=autor, texto="Llamó por su CE"))
    crear_contrato(gateway, sobreviviente, "900800700", "agua")
    crear_contrato(gateway, absorbido, "100200300", "energia")
    # El sobreviviente ya tiene el de «cliente_fiel» de 2026-10: el del absorbido se queda con él.
    crear_beneficio(gateway, sobreviviente, "BENEFSOBREV01", regla="cliente_fiel", mes="2026-10")
    crear_beneficio(gateway, absorbido, "BENEFABSORB01", regla="cliente_fiel", mes="2026-10")
    crear_beneficio(gateway, absorbido, "BENEFABSORB02", regla="pago_oportuno", mes="2026-10")
    usuario = crear_usuario_portal(gateway, absorbido, "maria.ce@portal.co")
    return Pareja(sobreviviente, absorbido, usuario)


def foto(gateway: BaseDatosClient) -> dict[str, Any]:
    """Todo lo que la fusión puede cambiar, ordenado para comparar."""
    with gateway.session_scope() as sesion:

        def filas(*columnas: Any) -> list[tuple[Any, ...]]:
            return [tuple(f) for f in sesion.execute(select(*columnas).order_by(*columnas)).all()]

        return {
            "clientes": filas(Cliente.id, Cliente.activo),
            "compras": filas(Compra.numero_factura, Compra.cliente_id),
            "notas": filas(NotaCliente.id, NotaCliente.cliente_id),
            "contratos": filas(Contrato.numero_contrato, Contrato.cliente_id),
            "beneficios": filas(Beneficio.codigo, Beneficio.cliente_id, Beneficio.estado),
            "usuarios": filas(Usuario.usuario, Usuario.cliente_id),
            "alias": filas(ClienteAlias.numero_documento, ClienteAlias.cliente_id),
            "palabras": filas(ClientePalabra.cliente_id, ClientePalabra.palabra),
            "pares": filas(ClientePar.cliente_id, ClientePar.par),
            "auditoria": sesion.scalar(select(func.count()).select_from(Auditoria)),
        }
