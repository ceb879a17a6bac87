"""Lo que M6 aporta al resumen del cliente de M10: cuántos contratos, facturas por pagar, cupones
vigentes y beneficios disponibles tiene, con los enlaces a sus contratos."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from models.cuponeras import Beneficio, Contrato, Cupon, Factura

ESTADOS_POR_PAGAR = ("pendiente", "vencida")


def aporte_resumen(conexion: Connection, cliente_id: int) -> dict[str, Any] | None:
    """Conteos del cliente en cuponeras; `None` si no tiene contratos ni beneficios."""
    contratos = list(
        conexion.execute(
            select(Contrato.numero_contrato)
            .where(Contrato.cliente_id == cliente_id)
            .order_by(Contrato.numero_contrato)
        ).scalars()
    )
    beneficios = conexion.execute(
        select(func.count()).where(
            Beneficio.cliente_id == cliente_id, Beneficio.estado == "disponible"
        )
    ).scalar_one()
    if not contratos and not beneficios:
        return None
    de_sus_contratos = select(Contrato.id).where(Contrato.cliente_id == cliente_id)
    facturas, saldo = conexion.execute(
        select(func.count(), func.coalesce(func.sum(Factura.saldo), 0)).where(
            Factura.contrato_id.in_(de_sus_contratos),
            Factura.estado.in_(ESTADOS_POR_PAGAR),
            Factura.saldo > 0,
        )
    ).one()
    cupones = conexion.execute(
        select(func.count()).where(
            Cupon.contrato_id.in_(de_sus_contratos), Cupon.estado == "emitido"
        )
    ).scalar_one()
    return {
        "contratos": len(contratos),
        "facturas_por_pagar": facturas,
        "saldo_por_pagar": int(saldo),
        "cupones_vigentes": cupones,
        "beneficios_disponibles": beneficios,
        "enlaces": [f"/contratos/{numero}" for numero in contratos],
    }
