"""Retención de la auditoría: lo más antiguo que el plazo configurado se depura (solo por CLI)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, Registro, registrar
from errores import DatosInvalidos
from models import Auditoria
from services.tiempo_service import ahora_utc

DIAS_MINIMOS = 180  # nunca menos de seis meses de trazabilidad


def depurar(gateway: BaseDatosClient, dias: int, contexto: ContextoAuditoria) -> int:
    """Borra los registros de más de `dias` días y deja constancia de la depuración."""
    if dias < DIAS_MINIMOS:
        raise DatosInvalidos.de_campo(
            "dias", f"La retención mínima de la auditoría es de {DIAS_MINIMOS} días."
        )
    limite = ahora_utc() - timedelta(days=dias)
    with gateway.session_scope() as sesion:
        cantidad = sesion.scalar(select(func.count()).where(Auditoria.fecha < limite)) or 0
        sesion.execute(delete(Auditoria).where(Auditoria.fecha < limite))
    registro = Registro("depuracion_auditoria", {"dias": dias, "borrados": cantidad})
    registrar(gateway, contexto, registro, "ok", 200)
    return cantidad
