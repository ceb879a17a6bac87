"""La caja de búsqueda única: documento, teléfono, correo o nombre, con una fila de auditoría.

Cada modo es una búsqueda por índice (ver `services/busqueda_service` y `docs/rendimiento.md`):
documento por la llave única (tipo, número) de cada tipo al que calza; teléfono y correo por
igualdad sobre `clientes.telefono_nacional` / `correo_normalizado`; nombre por rango de prefijo
sobre `cliente_palabras.palabra`, recorriendo solo las filas de la palabra más selectiva.
"""

from __future__ import annotations

import heapq
import itertools
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, literal, or_, select

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from models import Cliente, ClienteAlias, ClientePalabra, ClientePar, TipoDocumento
from services import busqueda_service, enmascarado_service
from services.busqueda_service import (
    LARGO_PREFIJO_PAR,
    Consulta,
    clave_nombre,
    par_de,
    prefijo_par,
    siguiente_prefijo,
    texto_normalizado,
)

# Para elegir la palabra que guía la búsqueda se cuentan sus filas hasta este tope.
SONDEO = 50_000
# Una sola palabra: hasta cuántas palabras distintas del rango se mezclan ya ordenadas.
MAXIMO_PALABRAS_RANGO = 40

_COLUMNAS = (
    Cliente.id,
    TipoDocumento.codigo.label("tipo_documento"),
    Cliente.numero_documento,
    Cliente.nombre,
    Cliente.apellido,
    Cliente.telefono,
    Cliente.correo,
)
# Un cliente inactivo (fusionado, M10) no sale en la búsqueda; por nombre ya no está en el índice
# (`busqueda_service.reindexar_palabras`) y por documento lo reemplaza su sobreviviente.
_ACTIVO = Cliente.activo.is_(True)
_CLIENTES = select(*_COLUMNAS).join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)


def _orden(fila: Any) -> tuple[str, str, int]:
    return texto_normalizado(fila.apellido), texto_normalizado(fila.nombre), fila.id


def _por_igualdad(
    conexion: Connection, condicion: ColumnElement[bool], limite: int
) -> tuple[int, list[tuple[Any, str]]]:
    """Documento, teléfono o correo: pocas filas por índice, todas exactas, por apellido y nombre."""
    filas = sorted(conexion.execute(_CLIENTES.where(condicion)).all(), key=_orden)
    return len(filas), [(fila, "exacta") for fila in filas[:limite]]


def _rango(prefijo: str) -> ColumnElement[bool]:
    palabra = ClientePalabra.palabra
    return and_(palabra >= prefijo, palabra < siguiente_prefijo(prefijo))


def _guia(conexion: Connection, palabras: tuple[str, ...]) -> str:
    """La palabra con menos filas (contadas hasta `SONDEO`); a igualdad, la más larga."""
    if len(set(palabras)) == 1:
        return palabras[0]
    cuentas = {}
    for palabra in sorted(set(palabras), key=len, reverse=True):
        tope = select(literal(1)).where(_rango(palabra)).limit(SONDEO).subquery()
        cuentas[palabra] = conexion.execute(select(func.count()).select_from(tope)).scalar_one()
    return min(cuentas, key=lambda palabra: (cuentas[palabra], -len(palabra)))


def consultas_por_nombre(
    palabras: tuple[str, ...], guia: str, limite: int
) -> tuple[Select[Any], Select[Any]]:
    """El conteo y la página de la búsqueda por nombre guiada por la palabra `guia`.

    Se recorre el rango de la guía en `ix_cliente_palabras_palabra` (que cubre todo lo que se lee);
    las demás palabras se comprueban en la misma fila contra la clave del nombre. Un cliente con dos
    palabras que empiezan por la guía cuenta una vez: solo vale la primera (`previa < guia`).
    """
    tabla = ClientePalabra
    condiciones = [
        _rango(guia),
        tabla.previa < guia,
        *(tabla.clave.like(f"% {otra}%") for otra in palabras if otra != guia),
    ]
    exacta = case((tabla.clave == clave_nombre(palabras), 0), else_=1)
    pagina = (
        select(tabla.cliente_id, exacta.label("exacta"))
        .where(*condiciones)
        .order_by(exacta, tabla.apellido, tabla.nombre, tabla.cliente_id)
        .limit(limite)
    )
    return select(func.count()).where(*condiciones), pagina


def par_guia(palabras: tuple[str, ...]) -> str | None:
    """El par de prefijos de las dos palabras más largas (de 3 o más, con prefijos distintos)."""
    prefijos: list[str] = []
    for palabra in sorted(palabras, key=len, reverse=True):
        prefijo = prefijo_par(palabra)
        if len(palabra) >= LARGO_PREFIJO_PAR and prefijo not in prefijos:
            prefijos.append(prefijo)
    return par_de(*prefijos[:2]) if len(prefijos) >= 2 else None


def consultas_por_par(
    palabras: tuple[str, ...], par: str, limite: int
) -> tuple[Select[Any], Select[Any], Select[Any]]:
    """Conteo, exactas y parciales de una búsqueda de varias palabras por igualdad sobre
    `ix_cliente_pares_par`: solo se leen los clientes que tienen ambos prefijos (uno por fila) y la
    clave confirma cada palabra completa. Exactas y parciales salen ya en el orden del índice
    (apellido, nombre): la base deja de leer al juntar `limite`, sin ordenar a todos."""
    tabla = ClientePar
    clave = clave_nombre(palabras)
    condiciones = [tabla.par == par, *(tabla.clave.like(f"% {p}%") for p in palabras)]
    orden = (tabla.apellido, tabla.nombre, tabla.cliente_id)
    exactas = (
        select(tabla.cliente_id, literal(0).label("exacta"))
        .where(tabla.par == par, tabla.clave == clave)
        .order_by(*orden)
        .limit(limite)
    )
    parciales = (
        select(tabla.cliente_id, literal(1).label("exacta"))
        .where(*condiciones, tabla.clave != clave)
        .order_by(*orden)
        .limit(limite)
    )
    return select(func.count()).where(*condiciones), exactas, parciales


def _por_nombre(
    conexion: Connection, palabras: tuple[str, ...], limite: int
) -> tuple[int, list[tuple[Any, str]]]:
    """Cada palabra de la consulta es prefijo de alguna palabra del cliente, en cualquier orden.

    Con dos palabras de 3 o más letras (lo usual: `maria pena`) se va por el par de prefijos; si
    no, por la palabra más selectiva.
    """
    par = par_guia(palabras)
    if par is not None:
        contar, exactas, parciales = consultas_por_par(palabras, par, limite)
        total = conexion.execute(contar).scalar_one()
        filas = list(conexion.execute(exactas).all()) if total else []
        if total > len(filas) < limite:
            filas += conexion.execute(parciales.limit(limite - len(filas))).all()
    elif len(set(palabras)) == 1:
        total, filas = _por_una_palabra(conexion, palabras[0], limite)
    else:
        contar, pagina = consultas_por_nombre(palabras, _guia(conexion, palabras), limite)
        total = conexion.execute(contar).scalar_one()
        filas = list(conexion.execute(pagina).all()) if total else []
    if total == 0:
        return 0, []
    ids = [fila.cliente_id for fila in filas]
    por_id = {fila.id: fila for fila in conexion.execute(_CLIENTES.where(Cliente.id.in_(ids)))}
    return total, [
        (por_id[fila.cliente_id], "exacta" if fila.exacta == 0 else "parcial")
        for fila in filas
        if fila.cliente_id in por_id
    ]


def palabras_del_rango(conexion: Connection, prefijo: str, maximo: int) -> list[str] | None:
    """Las palabras distintas que empiezan por `prefijo`, cada una con un salto del índice (sin
    recorrer sus filas); `None` si son más de `maximo`."""
    tabla = ClientePalabra
    distintas: list[str] = []
    condicion = tabla.palabra >= prefijo
    while len(distintas) <= maximo:
        siguiente = conexion.execute(
            select(func.min(tabla.palabra)).where(
                condicion, tabla.palabra < siguiente_prefijo(prefijo)
            )
        ).scalar()
        if siguiente is None:
            return distintas
        distintas.append(siguiente)
        condicion = tabla.palabra > siguiente
    return None


def consultas_por_palabra(palabra: str, prefijo: str, clave: str, limite: int) -> Select[Any]:
    """Las parciales de los clientes cuya primera palabra con `prefijo` es `palabra`, en el orden
    del índice (apellido, nombre): la base deja de leer al juntar `limite`."""
    tabla = ClientePalabra
    return (
        select(tabla.cliente_id, tabla.apellido, tabla.nombre, literal(1).label("exacta"))
        .where(tabla.palabra == palabra, tabla.previa < prefijo, tabla.clave != clave)
        .order_by(tabla.apellido, tabla.nombre, tabla.cliente_id)
        .limit(limite)
    )


def _por_una_palabra(conexion: Connection, prefijo: str, limite: int) -> tuple[int, list[Any]]:
    """Una sola palabra (`gome`), que puede traer decenas de miles de clientes: se cuentan sobre el
    índice (una fila por cliente, `previa < prefijo`) y la página se arma mezclando, ya
    ordenadas, las primeras `limite` de cada palabra distinta del rango. Si el rango tiene
    demasiadas palabras distintas, se ordena como en la búsqueda general."""
    tabla = ClientePalabra
    contar = select(func.count()).where(_rango(prefijo), tabla.previa < prefijo)
    total = conexion.execute(contar).scalar_one()
    if total == 0:
        return 0, []
    distintas = palabras_del_rango(conexion, prefijo, MAXIMO_PALABRAS_RANGO)
    if distintas is None:
        _, pagina = consultas_por_nombre((prefijo,), prefijo, limite)
        return total, list(conexion.execute(pagina).all())
    clave = clave_nombre((prefijo,))
    exactas = conexion.execute(
        select(tabla.cliente_id, literal(0).label("exacta"))
        .where(tabla.palabra == prefijo, tabla.clave == clave)
        .order_by(tabla.apellido, tabla.nombre, tabla.cliente_id)
        .limit(limite)
    ).all()
    listas = [
        conexion.execute(consultas_por_palabra(palabra, prefijo, clave, limite)).all()
        for palabra in distintas
    ]
    parciales = heapq.merge(*listas, key=lambda fila: (fila.apellido, fila.nombre, fila.cliente_id))
    return total, [*exactas, *itertools.islice(parciales, limite - len(exactas))]


def _documentos(
    conexion: Connection, consulta: Consulta, tabla: type[Cliente] | type[ClienteAlias] = Cliente
) -> ColumnElement[bool]:
    """(tipo, número) de cada tipo al que calza, por id de tipo: cada término usa la llave única
    (de `clientes` o de `cliente_alias`)."""
    tipos = dict(conexion.execute(select(TipoDocumento.codigo, TipoDocumento.id)).tuples().all())
    return or_(
        *(
            and_(tabla.tipo_documento_id == tipos[codigo], tabla.numero_documento == numero)
            for codigo, numero in consulta.documentos
            if codigo in tipos
        )
    )


def _por_documento(conexion: Connection, consulta: Consulta) -> ColumnElement[bool]:
    """Los clientes activos con ese documento y los sobrevivientes de los fusionados que lo tenían
    (su alias): cada uno una vez. Los alias se leen antes (por su llave única), así la consulta de
    clientes sigue siendo por índice en cada motor."""
    sobrevivientes = list(
        conexion.execute(
            select(ClienteAlias.cliente_id).where(_documentos(conexion, consulta, ClienteAlias))
        ).scalars()
    )
    activos = and_(_ACTIVO, _documentos(conexion, consulta))
    return or_(activos, Cliente.id.in_(sobrevivientes)) if sobrevivientes else activos


def _resolver(
    conexion: Connection, consulta: Consulta, limite: int
) -> tuple[str, int, list[tuple[Any, str]]]:
    if consulta.modo == "nombre":
        return "nombre", *_por_nombre(conexion, consulta.palabras, limite)
    if consulta.modo == "correo":
        return "correo", *_por_igualdad(
            conexion, and_(_ACTIVO, Cliente.correo_normalizado == consulta.correo), limite
        )
    if consulta.documentos:
        total, filas = _por_igualdad(conexion, _por_documento(conexion, consulta), limite)
        if total or consulta.telefono is None:
            return "documento", total, filas
    return "telefono", *_por_igualdad(
        conexion, and_(_ACTIVO, Cliente.telefono_nacional == consulta.telefono), limite
    )


def buscar(
    gateway: BaseDatosClient,
    texto: str,
    limite: int,
    contexto: ContextoAuditoria,
    contacto_completo: bool,
) -> dict[str, Any]:
    """`{modo, total, truncado, resultados}`; la auditoría guarda el modo y una huella, no el texto."""
    with auditar(gateway, contexto, "busqueda", limite=limite) as registro:
        consulta = busqueda_service.interpretar(texto)
        registro.parametros["modo"] = consulta.modo
        if consulta.tipo_indicado:
            # Como una consulta por documento: el filtro por documento de la auditoría la encuentra.
            (codigo, numero), *_ = consulta.documentos
            registro.tipo_documento = codigo
            registro.documento_huella = contexto.huella(codigo, numero)
        else:
            registro.documento_huella = contexto.huella(consulta.modo, consulta.normalizada)
        with gateway.connection_scope() as conexion:
            modo, total, filas = _resolver(conexion, consulta, limite)
            registro.parametros.update(modo=modo, total=total)
            registrar_en(conexion, contexto, registro)
        resultados = [
            enmascarado_service.segun_permiso(fila._asdict(), contacto_completo)
            | {"coincidencia": coincidencia}
            for fila, coincidencia in filas
        ]
        return {
            "modo": modo,
            "total": total,
            "truncado": total > len(resultados),
            "resultados": resultados,
        }
