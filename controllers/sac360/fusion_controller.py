"""Fusión de dos clientes que son la misma persona (M10): todo lo del absorbido pasa al
sobreviviente en una sola transacción, y nada se pierde.

- Se mueven las compras y las notas del absorbido, los alias que ya tenía (fusiones encadenadas: A
  en B y luego B en C deja los documentos de A y de B apuntando a C) y lo de cada módulo
  (`app.MODULOS_FUSION`: contratos, beneficios, usuarios del portal de M6...).
- El absorbido queda inactivo (con sus datos de contacto intactos) y su documento queda como alias
  del sobreviviente: `/api/clientes/buscar` y la caja de búsqueda lo llevan al sobreviviente. Sale
  de la búsqueda por nombre, teléfono y correo y de las advertencias de calidad.
- La auditoría no se reescribe (cuenta lo que pasó con cada cliente); la fusión queda auditada con
  `accion: "fusionar"` y `parametros: {con, motivo, movidos}` (ids y conteos, sin datos personales).
- Si algo falla a mitad de camino (o el proceso muere), la transacción se revierte: nada cambió.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select, update

from clients.base_datos_client import BaseDatosClient
from controllers import cliente_controller, fusion_modulos
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from controllers.fusion_modulos import Movedor
from controllers.sac360.cliente360_controller import exigir_motivo
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models import Cliente, ClienteAlias, Compra, TipoDocumento
from models.sac360 import NotaCliente
from services import busqueda_service
from services.tiempo_service import ahora_utc

CAMPOS_FICHA = (
    "id",
    "tipo_documento",
    "numero_documento",
    "nombre",
    "apellido",
    "correo",
    "telefono",
    "ciudad",
    "direccion",
    "activo",
)
MENSAJE_MISMO = "Elija otro cliente: un cliente no se fusiona consigo mismo."
MENSAJE_INACTIVO = (
    "El cliente {id} ya está inactivo o fue fusionado con otro: solo se fusionan clientes activos."
)


def _bloquear(conexion: Connection, ids: tuple[int, int]) -> None:
    """Bloquea las dos filas en orden de id (dos fusiones cruzadas no se traban): la que llegue
    segunda espera y luego ve el estado que dejó la primera. 404 si alguno no existe; 409 si alguno
    ya está inactivo."""
    filas = dict(
        conexion.execute(
            select(Cliente.id, Cliente.activo)
            .where(Cliente.id.in_(ids))
            .order_by(Cliente.id)
            .with_for_update()
        )
        .tuples()
        .all()
    )
    for cliente_id in ids:
        if cliente_id not in filas:
            raise NoEncontrado(cliente_controller.MENSAJE_ID_NO_ENCONTRADO)
    for cliente_id in ids:
        if not filas[cliente_id]:
            raise Conflicto(MENSAJE_INACTIVO.format(id=cliente_id))


def _mover_nucleo(conexion: Connection, de_id: int, a_id: int) -> dict[str, int]:
    """Compras, notas (M10) y los alias que el absorbido ya tenía."""
    movidos = {}
    for clave, tabla in (("compras", Compra), ("notas", NotaCliente), ("alias", ClienteAlias)):
        movidos[clave] = conexion.execute(
            update(tabla).where(tabla.cliente_id == de_id).values(cliente_id=a_id)
        ).rowcount
    return movidos


def _desactivar_con_alias(conexion: Connection, absorbido_id: int, sobreviviente_id: int) -> None:
    """El absorbido queda inactivo, su documento como alias del sobreviviente y fuera del índice de
    nombres. La condición `activo` es la última defensa ante una fusión concurrente."""
    tipo_id, numero = conexion.execute(
        select(Cliente.tipo_documento_id, Cliente.numero_documento).where(
            Cliente.id == absorbido_id
        )
    ).one()
    conexion.execute(
        insert(ClienteAlias).values(
            tipo_documento_id=tipo_id,
            numero_documento=numero,
            cliente_id=sobreviviente_id,
            absorbido_id=absorbido_id,
            creado_en=ahora_utc(),
        )
    )
    cambiados = conexion.execute(
        update(Cliente)
        .where(Cliente.id == absorbido_id, Cliente.activo.is_(True))
        .values(activo=False)
    ).rowcount
    if cambiados != 1:
        raise Conflicto(MENSAJE_INACTIVO.format(id=absorbido_id))
    busqueda_service.reindexar_palabras(conexion, [absorbido_id])


def alias_de(conexion: Connection, cliente_id: int) -> list[dict[str, str]]:
    """Los documentos de los clientes fusionados en este, del más antiguo al más reciente."""
    filas = conexion.execute(
        select(TipoDocumento.codigo, ClienteAlias.numero_documento)
        .join(TipoDocumento, TipoDocumento.id == ClienteAlias.tipo_documento_id)
        .where(ClienteAlias.cliente_id == cliente_id)
        .order_by(ClienteAlias.creado_en, ClienteAlias.id)
    )
    return [{"tipo_documento": codigo, "numero_documento": numero} for codigo, numero in filas]


def fusionar(
    gateway: BaseDatosClient,
    sobreviviente_id: int,
    absorbido_id: int,
    motivo: str,
    contexto: ContextoAuditoria,
    movedores: Mapping[str, Movedor] | None = None,
) -> dict[str, Any]:
    """Fusiona `absorbido_id` en `sobreviviente_id` y devuelve la ficha del sobreviviente (contacto
    completo: solo la usa el admin) con sus `alias` y lo `movido`, en una transacción."""
    limpio = (motivo or "").strip()
    with auditar(gateway, contexto, "fusionar", con=absorbido_id, motivo=limpio) as registro:
        if absorbido_id == sobreviviente_id:
            raise DatosInvalidos.de_campo("con", MENSAJE_MISMO)
        exigir_motivo(limpio)
        with gateway.connection_scope() as conexion:
            _bloquear(conexion, (sobreviviente_id, absorbido_id))
            sobreviviente = cliente_controller.cliente_por_id(conexion, sobreviviente_id)
            registro.cliente_id = sobreviviente_id
            registro.tipo_documento = sobreviviente.tipo_documento
            movidos = _mover_nucleo(conexion, absorbido_id, sobreviviente_id)
            fusion_modulos.mover_en_modulos(
                conexion, absorbido_id, sobreviviente_id, movedores or {}, movidos
            )
            _desactivar_con_alias(conexion, absorbido_id, sobreviviente_id)
            registro.parametros["movidos"] = movidos
            registrar_en(conexion, contexto, registro)
            ficha = {campo: getattr(sobreviviente, campo) for campo in CAMPOS_FICHA}
            ficha["alias"] = alias_de(conexion, sobreviviente_id)
        return {**ficha, "movidos": movidos}
