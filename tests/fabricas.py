"""Fábricas de datos para las pruebas: clientes y compras escritos en la base real."""

from __future__ import annotations

import itertools
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from models import Cliente, Compra, TipoDocumento
from services import busqueda_service, calidad_service

BOGOTA = ZoneInfo("America/Bogota")
_facturas = itertools.count(1)


def bogota(anio: int, mes: int, dia: int, hora: int = 12, minuto: int = 0) -> datetime:
    """Instante a una hora local de Bogotá."""
    return datetime(anio, mes, dia, hora, minuto, tzinfo=BOGOTA)


def crear_cliente(
    gateway: BaseDatosClient,
    tipo: str = "CC",
    numero: str = "1020304050",
    nombre: str = "María José",
    apellido: str = "Peña Muñoz",
    correo: str | None = "maria.pena@example.com",
    telefono: str | None = "+573001234567",
    ciudad: str | None = "Barranquilla",
    direccion: str | None = None,
) -> int:
    """Un cliente con sus columnas y palabras de búsqueda, como lo dejaría la importación."""
    with gateway.session_scope() as sesion:
        tipo_id = sesion.scalar(select(TipoDocumento.id).where(TipoDocumento.codigo == tipo))
        cliente = Cliente(
            tipo_documento_id=tipo_id,
            numero_documento=numero,
            nombre=nombre,
            apellido=apellido,
            correo=correo,
            telefono=telefono,
            ciudad=ciudad,
            direccion=direccion,
            **calidad_service.columnas_derivadas({"telefono": telefono, "correo": correo}),
        )
        sesion.add(cliente)
        sesion.flush()
        busqueda_service.reindexar_palabras(sesion.connection(), [cliente.id])
        return cliente.id


def crear_compra(
    gateway: BaseDatosClient,
    cliente_id: int,
    fecha: datetime,
    total: str | int | Decimal,
    estado: str = "pagada",
    factura: str | None = None,
) -> str:
    numero = factura or f"FV-T{next(_facturas):07d}"
    with gateway.session_scope() as sesion:
        sesion.add(
            Compra(
                cliente_id=cliente_id,
                numero_factura=numero,
                fecha=fecha,
                total=Decimal(str(total)),
                estado=estado,
                canal="tienda",
                tienda="Tienda Centro",
            )
        )
    return numero
