"""Métricas del monitor de entregas en una ventana [desde, hasta) por `entregado_en`."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from controllers.entregas.pedido_controller import referencia
from errores import DatosInvalidos
from models.entregas import LineaPedido, Pedido
from services.entregas import metricas_service as calculo
from services.entregas.ingesta_service import dinero
from services.tiempo_service import a_bogota, ahora_utc, interpretar_instante

VENTANA_POR_DEFECTO = timedelta(minutes=60)
VENTANA_MAXIMA = timedelta(days=31)
CERO = Decimal("0.00")


def ventana(
    desde: str | None, hasta: str | None, ahora: datetime | None = None
) -> tuple[datetime, datetime]:
    """Interpreta `desde`/`hasta` (ISO; sin desfase = Bogotá); por defecto los últimos 60 min."""
    instantes: dict[str, datetime | None] = {}
    for campo, texto in (("desde", desde), ("hasta", hasta)):
        if texto is None or texto == "":
            instantes[campo] = None
            continue
        try:
            instantes[campo] = interpretar_instante(texto)
        except (ValueError, OverflowError) as error:
            raise DatosInvalidos.de_campo(
                campo, "Debe ser una fecha y hora ISO 8601, por ejemplo 2026-11-23T17:00:00-05:00."
            ) from error
    fin = instantes["hasta"] or (ahora or ahora_utc())
    inicio = instantes["desde"] or (fin - VENTANA_POR_DEFECTO)
    if inicio >= fin:
        raise DatosInvalidos.de_campo("desde", "desde debe ser anterior a hasta.")
    if fin - inicio > VENTANA_MAXIMA:
        raise DatosInvalidos.de_campo("desde", "La ventana no puede superar 31 días.")
    return inicio, fin


def metricas(
    gateway: BaseDatosClient, desde: datetime, hasta: datetime, ahora: datetime | None = None
) -> dict[str, Any]:
    actual = referencia(gateway)
    with gateway.session_scope() as sesion:
        pedidos = sesion.execute(
            select(
                Pedido.repartidor_id,
                Pedido.unidades,
                Pedido.total,
                Pedido.entregado_en,
                Pedido.registrado_en,
            ).where(Pedido.entregado_en >= desde, Pedido.entregado_en < hasta)
        ).all()
        # Suma de cantidades por (producto, precio): enteros exactos en todo motor.
        lineas = sesion.execute(
            select(LineaPedido.producto_id, LineaPedido.precio, func.sum(LineaPedido.cantidad))
            .join(Pedido, Pedido.id == LineaPedido.pedido_id)
            .where(Pedido.entregado_en >= desde, Pedido.entregado_en < hasta)
            .group_by(LineaPedido.producto_id, LineaPedido.precio)
        ).all()
    horas_ventana = Decimal((hasta - desde).total_seconds()) / Decimal(3600)
    por_repartidor: dict[int, dict[str, Any]] = {
        identificador: {"entregas": 0, "unidades": 0, "ingresos": CERO}
        for identificador in actual.repartidores
    }
    horas: dict[datetime, dict[str, Any]] = {
        hora: {"entregas": 0, "ingresos": CERO} for hora in calculo.horas_de_ventana(desde, hasta)
    }
    latencias: list[int] = []
    total_ingresos = CERO
    total_unidades = 0
    for fila in pedidos:
        cuenta = por_repartidor.setdefault(
            fila.repartidor_id, {"entregas": 0, "unidades": 0, "ingresos": CERO}
        )
        cuenta["entregas"] += 1
        cuenta["unidades"] += fila.unidades
        cuenta["ingresos"] += fila.total
        total_ingresos += fila.total
        total_unidades += fila.unidades
        hora = horas.setdefault(
            calculo.hora_de(fila.entregado_en), {"entregas": 0, "ingresos": CERO}
        )
        hora["entregas"] += 1
        hora["ingresos"] += fila.total
        latencias.append(int((fila.registrado_en - fila.entregado_en).total_seconds() * 1000))
    por_producto: dict[str, dict[str, Any]] = {
        identificador: {"unidades": 0, "ingresos": CERO} for identificador in actual.productos
    }
    for producto_id, precio, cantidad in lineas:
        cuenta = por_producto.setdefault(producto_id, {"unidades": 0, "ingresos": CERO})
        cuenta["unidades"] += int(cantidad)
        cuenta["ingresos"] += precio * int(cantidad)
    entregas = len(pedidos)
    latencias.sort()
    return {
        "desde": a_bogota(desde).isoformat(),
        "hasta": a_bogota(hasta).isoformat(),
        "generado_en": a_bogota(ahora or ahora_utc()).isoformat(),
        "totales": {
            "entregas": entregas,
            "unidades": total_unidades,
            "ingresos": dinero(total_ingresos),
            "unidades_por_entrega": calculo.razon(total_unidades, entregas),
            "ticket_promedio": calculo.razon(total_ingresos, entregas),
        },
        "por_repartidor": [
            {
                "id_repartidor": identificador,
                "nombre": actual.repartidores[identificador].nombre
                if identificador in actual.repartidores
                else "",
                "entregas": cuenta["entregas"],
                "unidades": cuenta["unidades"],
                "ingresos": dinero(cuenta["ingresos"]),
                "entregas_por_hora": calculo.razon(cuenta["entregas"], horas_ventana),
            }
            for identificador, cuenta in sorted(
                por_repartidor.items(), key=lambda par: (-par[1]["entregas"], par[0])
            )
        ],
        "por_producto": [
            {
                "id_producto": identificador,
                "producto": actual.productos[identificador].nombre
                if identificador in actual.productos
                else "",
                "unidades": cuenta["unidades"],
                "ingresos": dinero(cuenta["ingresos"]),
            }
            for identificador, cuenta in sorted(
                por_producto.items(), key=lambda par: (-par[1]["unidades"], par[0])
            )
        ],
        "por_hora": [
            {
                "hora": hora.isoformat(),
                "entregas": cuenta["entregas"],
                "ingresos": dinero(cuenta["ingresos"]),
            }
            for hora, cuenta in sorted(horas.items())
        ],
        "latencia_registro_ms": {
            "p50": calculo.percentil(latencias, 0.5),
            "p95": calculo.percentil(latencias, 0.95),
            "max": latencias[-1] if latencias else None,
        },
    }
