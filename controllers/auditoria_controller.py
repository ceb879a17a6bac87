"""Registro de auditoría de consultas, exportaciones y reportes (quién, cuándo, desde dónde, qué)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from clients.base_datos_client import BaseDatosClient
from errores import ErrorSac
from models import Auditoria


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


def registrar(
    gateway: BaseDatosClient,
    contexto: ContextoAuditoria,
    registro: Registro,
    resultado: str,
    estado_http: int,
) -> None:
    with gateway.session_scope() as sesion:
        sesion.add(
            Auditoria(
                usuario_id=contexto.usuario_id,
                ip=contexto.ip,
                accion=registro.accion,
                cliente_id=registro.cliente_id,
                tipo_documento=registro.tipo_documento,
                documento_huella=registro.documento_huella,
                parametros=json.dumps(registro.parametros, ensure_ascii=False, default=str)[:500],
                resultado=resultado,
                estado_http=estado_http,
            )
        )


@contextmanager
def auditar(
    gateway: BaseDatosClient, contexto: ContextoAuditoria, accion: str, **parametros: Any
) -> Iterator[Registro]:
    """Registra el resultado del bloque, sea éxito o error de dominio, y deja pasar el error."""
    registro = Registro(accion=accion, parametros=parametros)
    try:
        yield registro
    except ErrorSac as error:
        registrar(gateway, contexto, registro, error.codigo, error.estado_http)
        raise
    registrar(gateway, contexto, registro, "ok", 200)
