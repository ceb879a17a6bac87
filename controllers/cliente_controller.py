"""Consulta de un cliente por documento, sus compras paginadas y la exportación de su ficha."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, case, func, select

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import (
    ContextoAuditoria,
    Registro,
    auditar,
    registrar_en,
)
from controllers.paginacion import paginar
from errores import NoEncontrado
from models import Cliente, ClienteAlias, Compra, TipoDocumento
from services import enmascarado_service, exportacion_service, reporte_service
from services.documento_service import validar_documento
from services.exportacion_service import ArchivoExportado
from services.tiempo_service import Mes, a_bogota, mes_actual

MENSAJE_NO_ENCONTRADO = "No existe un cliente con ese tipo y número de documento."
MENSAJE_ID_NO_ENCONTRADO = "No existe un cliente con ese identificador."
CENTAVO = Decimal("0.01")

# Consultas de Core armadas una sola vez (la consulta es el camino más usado): sin ORM por fila,
# con parámetros con nombre y la clave de caché de SQLAlchemy memorizada en cada sentencia.
_CLIENTE = select(
    Cliente.id,
    TipoDocumento.codigo.label("tipo_documento"),
    TipoDocumento.nombre.label("tipo_documento_nombre"),
    Cliente.numero_documento,
    Cliente.nombre,
    Cliente.apellido,
    Cliente.correo,
    Cliente.telefono,
    Cliente.ciudad,
    Cliente.direccion,
    Cliente.fecha_registro,
    Cliente.activo,
).join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
_CLIENTE_POR_DOCUMENTO = _CLIENTE.where(
    TipoDocumento.codigo == bindparam("codigo"),
    Cliente.numero_documento == bindparam("numero"),
)
_CLIENTE_POR_ID = _CLIENTE.where(Cliente.id == bindparam("cliente_id"))
# El documento de un cliente fusionado lleva a su sobreviviente (M10, `cliente_alias`).
_SOBREVIVIENTE_POR_ALIAS = (
    select(ClienteAlias.cliente_id)
    .join(TipoDocumento, TipoDocumento.id == ClienteAlias.tipo_documento_id)
    .where(
        TipoDocumento.codigo == bindparam("codigo"),
        ClienteAlias.numero_documento == bindparam("numero"),
    )
)
_COMPRAS_DEL_CLIENTE = (
    select(
        Compra.id,
        Compra.numero_factura,
        Compra.fecha,
        Compra.total,
        Compra.estado,
        Compra.canal,
        Compra.tienda,
    )
    .where(Compra.cliente_id == bindparam("cliente_id"))
    .order_by(Compra.fecha.desc(), Compra.id.desc())
)


# La regla del reporte de fidelización (`reporte_service.pagada_entre`), armada una sola vez con los
# límites como parámetros. El estado va dentro del CASE y no en el WHERE: así el único índice
# aplicable es el del cliente (`ix_compras_cliente_fecha`, unas pocas filas). Con `estado =
# 'pagada'` en el WHERE, SQLite elegía el índice cubridor del reporte y recorría todas las pagadas
# de los dos meses.
_PAGADA_ESTE_MES = reporte_service.pagada_entre(bindparam("inicio"), bindparam("fin"))
_PAGADA_MES_ANTERIOR = reporte_service.pagada_entre(
    bindparam("inicio_anterior"), bindparam("inicio")
)
_TOTALES_PAGADOS = select(
    func.coalesce(func.sum(case((_PAGADA_ESTE_MES, Compra.total))), 0),
    func.count(case((_PAGADA_ESTE_MES, 1))),
    func.coalesce(func.sum(case((_PAGADA_MES_ANTERIOR, Compra.total))), 0),
    func.count(case((_PAGADA_MES_ANTERIOR, 1))),
).where(
    Compra.cliente_id == bindparam("cliente_id"),
    Compra.fecha >= bindparam("inicio_anterior"),
    Compra.fecha < bindparam("fin"),
)


_CONTAR_COMPRAS = select(func.count(Compra.id)).where(Compra.cliente_id == bindparam("cliente_id"))


@lru_cache(maxsize=8)
def _compras_recientes(limite: int) -> Select[Any]:
    return _COMPRAS_DEL_CLIENTE.limit(limite)


def _buscar(conexion: Connection, codigo: str, numero: str) -> tuple[Row[Any] | None, bool]:
    """El cliente de ese documento y si se llegó a él por el alias de un cliente fusionado.

    Un cliente activo se responde tal cual (el camino usual: una sola lectura). Si el documento es
    de un cliente fusionado (inactivo, con alias), se responde su sobreviviente.
    """
    parametros = {"codigo": codigo, "numero": numero}
    cliente = conexion.execute(_CLIENTE_POR_DOCUMENTO, parametros).first()
    if cliente is not None and cliente.activo:
        return cliente, False
    sobreviviente = conexion.scalar(_SOBREVIVIENTE_POR_ALIAS, parametros)
    if sobreviviente is None:
        return cliente, False
    return conexion.execute(_CLIENTE_POR_ID, {"cliente_id": sobreviviente}).first(), True


def sobreviviente_de(conexion: Connection, absorbido_id: int) -> int | None:
    """El cliente al que pasó todo lo de un cliente fusionado; `None` si no fue fusionado."""
    return conexion.scalar(
        select(ClienteAlias.cliente_id).where(ClienteAlias.absorbido_id == absorbido_id)
    )


def exigir_cliente(conexion: Connection, cliente_id: int) -> None:
    """404 si no existe un cliente con ese id."""
    if conexion.scalar(select(Cliente.id).where(Cliente.id == cliente_id)) is None:
        raise NoEncontrado(MENSAJE_ID_NO_ENCONTRADO)


def cliente_por_id(conexion: Connection, cliente_id: int) -> Row[Any]:
    """La ficha del cliente (las mismas columnas que la consulta por documento) o 404."""
    cliente = conexion.execute(_CLIENTE_POR_ID, {"cliente_id": cliente_id}).first()
    if cliente is None:
        raise NoEncontrado(MENSAJE_ID_NO_ENCONTRADO)
    return cliente


def _cliente_auditado(
    conexion: Connection, registro: Registro, contexto: ContextoAuditoria, tipo: str, numero: str
) -> tuple[Row[Any], bool]:
    """Valida el documento (422), lo anota en la auditoría como huella y trae el cliente (404);
    con el documento de un cliente fusionado, su sobreviviente (y `True`)."""
    codigo, normalizado = validar_documento(tipo, numero)
    registro.tipo_documento = codigo
    registro.documento_huella = contexto.huella(codigo, normalizado)
    cliente, por_alias = _buscar(conexion, codigo, normalizado)
    if cliente is None:
        raise NoEncontrado(MENSAJE_NO_ENCONTRADO)
    registro.cliente_id = cliente.id
    if por_alias:
        registro.parametros["por_alias"] = True
    return cliente, por_alias


def datos_cliente(cliente: Row[Any]) -> dict[str, Any]:
    datos = cliente._asdict()
    datos["fecha_registro"] = a_bogota(cliente.fecha_registro)
    return datos


def datos_compra(compra: Row[Any]) -> dict[str, Any]:
    datos = compra._asdict()
    datos["fecha"] = a_bogota(compra.fecha)
    return datos


def _totales_pagados(conexion: Connection, cliente_id: int, actual: Mes) -> list[dict[str, Any]]:
    """Total y número de compras pagadas de este mes y del anterior, en una consulta agregada."""
    anterior = actual.anterior()
    inicio_anterior, inicio = anterior.rango_utc()
    parametros = {
        "cliente_id": cliente_id,
        "inicio_anterior": inicio_anterior,
        "inicio": inicio,
        "fin": actual.siguiente().inicio_utc(),
    }
    total, compras, total_anterior, compras_anterior = conexion.execute(
        _TOTALES_PAGADOS, parametros
    ).one()
    return [
        {"mes": str(mes), "total": Decimal(str(suma)).quantize(CENTAVO), "compras": int(cuantas)}
        for mes, suma, cuantas in (
            (actual, total, compras),
            (anterior, total_anterior, compras_anterior),
        )
    ]


def buscar_por_documento(
    gateway: BaseDatosClient,
    tipo: str,
    numero: str,
    contexto: ContextoAuditoria,
    recientes: int,
    umbral: Decimal,
    contacto_completo: bool = True,
) -> dict[str, Any]:
    """El cliente, sus compras más recientes y los totales pagados de este mes y el anterior.

    Una conexión y una transacción: las tres lecturas y la fila de auditoría del éxito. Sin
    `contacto_completo` (el agente), teléfono, correo y dirección salen enmascarados.
    """
    with auditar(gateway, contexto, "consulta", tipo_documento=tipo) as registro:
        with gateway.connection_scope() as conexion:
            cliente, por_alias = _cliente_auditado(conexion, registro, contexto, tipo, numero)
            compras = conexion.execute(
                _compras_recientes(recientes), {"cliente_id": cliente.id}
            ).all()
            # Las recientes tienen tope: si lo alcanzan, se cuentan todas (nada se corta en
            # silencio). Con menos, ya son todas y no hace falta otra consulta.
            compras_total = len(compras)
            if compras_total >= recientes:
                compras_total = int(
                    conexion.execute(_CONTAR_COMPRAS, {"cliente_id": cliente.id}).scalar() or 0
                )
            este, anterior = _totales_pagados(conexion, cliente.id, mes_actual())
            registrar_en(conexion, contexto, registro)
        return {
            "cliente": enmascarado_service.segun_permiso(datos_cliente(cliente), contacto_completo),
            "compras": [datos_compra(c) for c in compras],
            "compras_total": compras_total,
            "compras_truncado": compras_total > len(compras),
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
            # El documento buscado era de un cliente fusionado en este (M10).
            "por_alias": por_alias,
        }


def compras_paginadas(
    gateway: BaseDatosClient, cliente_id: int, pagina: int, por_pagina: int
) -> dict[str, Any]:
    """Compras de un cliente, de la más reciente a la más antigua, por páginas."""
    with gateway.connection_scope() as conexion:
        exigir_cliente(conexion, cliente_id)
        return paginar(
            conexion,
            _COMPRAS_DEL_CLIENTE,
            pagina,
            por_pagina,
            datos_compra,
            {"cliente_id": cliente_id},
        )


def exportar_cliente(
    gateway: BaseDatosClient, tipo: str, numero: str, formato: str, contexto: ContextoAuditoria
) -> ArchivoExportado:
    """Ficha del cliente con todas sus compras en CSV, XLSX o TXT, con nombre de archivo."""
    with auditar(gateway, contexto, "exportacion", formato=formato) as registro:
        with gateway.connection_scope() as conexion:
            cliente, _ = _cliente_auditado(conexion, registro, contexto, tipo, numero)
            compras = conexion.execute(_COMPRAS_DEL_CLIENTE, {"cliente_id": cliente.id}).all()
        # El archivo se arma con la conexión ya devuelta al pool.
        return exportacion_service.exportar(
            datos_cliente(cliente), [datos_compra(c) for c in compras], formato
        )
