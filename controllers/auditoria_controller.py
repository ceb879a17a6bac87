"""Registro de auditoría de consultas, exportaciones y reportes (quién, cuándo, desde dónde, qué)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, insert, select

from clients.base_datos_client import BaseDatosClient
from controllers.paginacion import paginar
from errores import ErrorSac, ServicioNoDisponible
from models import Auditoria, Usuario
from services.documento_service import validar_documento
from services.tiempo_service import a_bogota, ahora_utc, inicio_dia_utc


@dataclass(frozen=True)
class ContextoAuditoria:
    """Quién pide y desde dónde; `clave_huella` firma los documentos consultados."""

    usuario_id: int | None
    ip: str | None
    clave_huella: str

    def huella(self, tipo: str, numero: str) -> str:
        mensaje = f"{tipo}:{numero}".encode()
        return hmac.new(self.clave_huella.encode(), mensaje, hashlib.sha256).hexdigest()


@dataclass
class Registro:
    """Lo que el caso de uso va sabiendo mientras corre (cliente, documento, resultado)."""

    accion: str
    parametros: dict[str, Any] = field(default_factory=dict)
    cliente_id: int | None = None
    tipo_documento: str | None = None
    documento_huella: str | None = None
    guardado: bool = False  # ya se escribió el éxito dentro de la transacción del caso de uso


_INSERTAR = insert(Auditoria)
LARGO_PARAMETROS = 500  # `auditoria.parametros`


def parametros_json(parametros: dict[str, Any]) -> str:
    """Los parámetros en JSON de a lo sumo `LARGO_PARAMETROS` caracteres y siempre válido: si no
    caben, se acortan sus textos más largos (un motivo, p. ej.) con «…» en vez de cortar el JSON."""
    valores = dict(parametros)
    texto = json.dumps(valores, ensure_ascii=False, default=str)
    while len(texto) > LARGO_PARAMETROS:
        textos = [clave for clave, valor in valores.items() if isinstance(valor, str) and valor]
        if not textos:
            return json.dumps({"recortado": True})
        clave = max(textos, key=lambda c: len(valores[c]))
        exceso = len(texto) - LARGO_PARAMETROS
        valores[clave] = valores[clave][: max(0, len(valores[clave]) - exceso - 1)] + "…"
        if valores[clave] == "…":
            valores[clave] = ""
        texto = json.dumps(valores, ensure_ascii=False, default=str)
    return texto


def registrar_en(
    conexion: Connection,
    contexto: ContextoAuditoria,
    registro: Registro,
    resultado: str = "ok",
    estado_http: int = 200,
) -> None:
    """Escribe el registro con la conexión del caso de uso: se confirma junto con él."""
    conexion.execute(
        _INSERTAR,
        {
            "fecha": ahora_utc(),
            "usuario_id": contexto.usuario_id,
            "ip": contexto.ip,
            "accion": registro.accion,
            "cliente_id": registro.cliente_id,
            "tipo_documento": registro.tipo_documento,
            "documento_huella": registro.documento_huella,
            "parametros": parametros_json(registro.parametros),
            "resultado": resultado,
            "estado_http": estado_http,
        },
    )
    registro.guardado = True


def registrar(
    gateway: BaseDatosClient,
    contexto: ContextoAuditoria,
    registro: Registro,
    resultado: str,
    estado_http: int,
) -> None:
    """Escribe el registro en su propia transacción."""
    with gateway.connection_scope() as conexion:
        registrar_en(conexion, contexto, registro, resultado, estado_http)


@contextmanager
def auditar(
    gateway: BaseDatosClient, contexto: ContextoAuditoria, accion: str, **parametros: Any
) -> Iterator[Registro]:
    """Registra el resultado del bloque, sea éxito o error de dominio, y deja pasar el error."""
    registro = Registro(accion=accion, parametros=parametros)
    try:
        yield registro
    except ServicioNoDisponible:
        raise  # sin base de datos tampoco hay dónde auditar
    except ErrorSac as error:
        registrar(gateway, contexto, registro, error.codigo, error.estado_http)
        raise
    if not registro.guardado:
        registrar(gateway, contexto, registro, "ok", 200)


def consultar(
    gateway: BaseDatosClient,
    contexto: ContextoAuditoria,
    filtros: dict[str, Any],
    pagina: int,
    por_pagina: int,
) -> dict[str, Any]:
    """Registros de auditoría filtrados por usuario, fechas (Bogotá), documento, acción o resultado."""
    condiciones: list[ColumnElement[bool]] = []
    if filtros.get("usuario"):
        condiciones.append(Usuario.usuario == str(filtros["usuario"]).strip().lower())
    if filtros.get("desde"):
        condiciones.append(Auditoria.fecha >= inicio_dia_utc(filtros["desde"]))
    if filtros.get("hasta"):
        condiciones.append(Auditoria.fecha < inicio_dia_utc(filtros["hasta"] + timedelta(days=1)))
    if filtros.get("numero_documento"):
        codigo, numero = validar_documento(
            filtros.get("tipo_documento") or "", filtros["numero_documento"]
        )
        condiciones.append(Auditoria.documento_huella == contexto.huella(codigo, numero))
    elif filtros.get("tipo_documento"):
        condiciones.append(Auditoria.tipo_documento == str(filtros["tipo_documento"]).upper())
    for campo in ("accion", "resultado"):
        if filtros.get(campo):
            condiciones.append(getattr(Auditoria, campo) == filtros[campo])
    consulta = (
        select(Auditoria, Usuario.usuario)
        .outerjoin(Usuario, Usuario.id == Auditoria.usuario_id)
        .where(*condiciones)
        .order_by(Auditoria.fecha.desc(), Auditoria.id.desc())
    )
    with gateway.session_scope() as sesion:
        return paginar(sesion, consulta, pagina, por_pagina, _registro_publico)


def _registro_publico(fila: Row[tuple[Auditoria, str | None]]) -> dict[str, Any]:
    registro, login = fila
    return {
        "id": registro.id,
        "fecha": a_bogota(registro.fecha),
        "usuario": login,
        "ip": registro.ip,
        "accion": registro.accion,
        "tipo_documento": registro.tipo_documento,
        "cliente_id": registro.cliente_id,
        "parametros": json.loads(registro.parametros or "{}"),
        "resultado": registro.resultado,
        "estado_http": registro.estado_http,
    }
