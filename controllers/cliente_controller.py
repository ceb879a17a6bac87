"""Consulta de un cliente por documento, sus compras paginadas y la exportación de su ficha."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar, documento_valido
from errores import NoEncontrado
from models import Cliente, Compra, TipoDocumento
from services import exportacion_service
from services.exportacion_service import ArchivoExportado
from services.tiempo_service import Mes, a_bogota, mes_actual

MENSAJE_NO_ENCONTRADO = "No existe un cliente con ese tipo y número de documento."


def _buscar(sesion: Session, codigo: str, numero: str) -> Cliente | None:
    return sesion.scalar(
        select(Cliente)
        .join(TipoDocumento)
        .where(TipoDocumento.codigo == codigo, Cliente.numero_documento == numero)
    )


def datos_cliente(cliente: Cliente) -> dict[str, Any]:
    return {
        "id": cliente.id,
        "tipo_documento": cliente.tipo_documento.codigo,
        "tipo_documento_nombre": cliente.tipo_documento.nombre,
        "numero_documento": cliente.numero_documento,
        "nombre": cliente.nombre,
        "apellido": cliente.apellido,
        "correo": cliente.correo,
        "telefono": cliente.telefono,
        "ciudad": cliente.ciudad,
        "direccion": cliente.direccion,
        "fecha_registro": a_bogota(cliente.fecha_registro),
        "activo": cliente.activo,
    }


def datos_compra(compra: Compra) -> dict[str, Any]:
    return {
        "id": compra.id,
        "numero_factura": compra.numero_factura,
        "fecha": a_bogota(compra.fecha),
        "total": compra.total,
        "estado": compra.estado,
        "canal": compra.canal,
        "tienda": compra.tienda,
    }


def _totales_pagados(sesion: Session, cliente_id: int, meses: list[Mes]) -> list[dict[str, Any]]:
    """Total y número de compras pagadas de cada mes, en una sola consulta agregada."""
    columnas = []
    for indice, mes in enumerate(meses):
        inicio, fin = mes.rango_utc()
        en_mes = (Compra.fecha >= inicio) & (Compra.fecha < fin)
        columnas.append(
            func.coalesce(func.sum(case((en_mes, Compra.total))), 0).label(f"total_{indice}")
        )
        columnas.append(func.count(case((en_mes, 1))).label(f"compras_{indice}"))
    primero, ultimo = meses[-1].rango_utc()[0], meses[0].rango_utc()[1]
    fila = sesion.execute(
        select(*columnas).where(
            Compra.cliente_id == cliente_id,
            Compra.estado == "pagada",
            Compra.fecha >= primero,
            Compra.fecha < ultimo,
        )
    ).one()
    return [
        {
            "mes": str(mes),
            "total": Decimal(str(fila[2 * i])).quantize(Decimal("0.01")),
            "compras": int(fila[2 * i + 1]),
        }
        for i, mes in enumerate(meses)
    ]


def buscar_por_documento(
    gateway: BaseDatosClient,
    tipo: str,
    numero: str,
    contexto: ContextoAuditoria,
    recientes: int,
    umbral: Decimal,
) -> dict[str, Any]:
    """El cliente, sus compras más recientes y los totales pagados de este mes y el anterior."""
    with auditar(gateway, contexto, "consulta", tipo_documento=tipo) as registro:
        codigo, normalizado = documento_valido(tipo, numero)
        registro.tipo_documento = codigo
        registro.documento_huella = contexto.huella(codigo, normalizado)
        with gateway.session_scope() as sesion:
            cliente = _buscar(sesion, codigo, normalizado)
            if cliente is None:
                raise NoEncontrado(MENSAJE_NO_ENCONTRADO)
            registro.cliente_id = cliente.id
            compras = sesion.scalars(
                select(Compra)
                .where(Compra.cliente_id == cliente.id)
                .order_by(Compra.fecha.desc(), Compra.id.desc())
                .limit(recientes)
            ).all()
            actual = mes_actual()
            este, anterior = _totales_pagados(sesion, cliente.id, [actual, actual.anterior()])
            return {
                "cliente": datos_cliente(cliente),
                "compras": [datos_compra(c) for c in compras],
                "totales": {
                    "mes_actual": este,
                    "mes_anterior": anterior,
                    "total_mes_actual": este["total"],
                    "total_mes_anterior": anterior["total"],
                },
                "fidelizacion": {
                    "umbral": umbral,
                    "mes": anterior["mes"],
                    "califica": anterior["total"] > umbral,
                },
            }


def compras_paginadas(
    gateway: BaseDatosClient, cliente_id: int, pagina: int, por_pagina: int
) -> dict[str, Any]:
    """Compras de un cliente, de la más reciente a la más antigua, por páginas."""
    with gateway.session_scope() as sesion:
        if sesion.get(Cliente, cliente_id) is None:
            raise NoEncontrado("No existe un cliente con ese identificador.")
        total = sesion.scalar(select(func.count()).where(Compra.cliente_id == cliente_id)) or 0
        compras = sesion.scalars(
            select(Compra)
            .where(Compra.cliente_id == cliente_id)
            .order_by(Compra.fecha.desc(), Compra.id.desc())
            .offset((pagina - 1) * por_pagina)
            .limit(por_pagina)
        ).all()
        return {
            "items": [datos_compra(c) for c in compras],
            "pagina": pagina,
            "por_pagina": por_pagina,
            "total": total,
            "paginas": (total + por_pagina - 1) // por_pagina,
        }


def exportar_cliente(
    gateway: BaseDatosClient, tipo: str, numero: str, formato: str, contexto: ContextoAuditoria
) -> ArchivoExportado:
    """Ficha del cliente con todas sus compras en CSV, XLSX o TXT, con nombre de archivo."""
    with auditar(gateway, contexto, "exportacion", formato=formato) as registro:
        codigo, normalizado = documento_valido(tipo, numero)
        registro.tipo_documento = codigo
        registro.documento_huella = contexto.huella(codigo, normalizado)
        with gateway.session_scope() as sesion:
            cliente = _buscar(sesion, codigo, normalizado)
            if cliente is None:
                raise NoEncontrado(MENSAJE_NO_ENCONTRADO)
            registro.cliente_id = cliente.id
            compras = sesion.scalars(
                select(Compra)
                .where(Compra.cliente_id == cliente.id)
                .order_by(Compra.fecha.desc(), Compra.id.desc())
            ).all()
            return exportacion_service.exportar(
                datos_cliente(cliente), [datos_compra(c) for c in compras], formato
            )
