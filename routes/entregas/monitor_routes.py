"""Monitor de entregas: métricas, pedidos recientes y eventos en vivo (Server-Sent Events)."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, request
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.entregas import metricas_controller, pedido_controller
from routes.contexto import config, gateway
from routes.esquemas_comunes import EsquemaConsulta
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "entregas",
    __name__,
    url_prefix="/api/entregas",
    description="Entregas: monitor (métricas, recientes y eventos en vivo)",
)

_DINERO = {"description": "Decimal con 2 lugares, en la moneda del seed 002 (no COP)"}


class ConsultaMetricasEntregas(EsquemaConsulta):
    desde = fields.String(
        validate=validate.Length(max=40),
        metadata={
            "description": "Instante ISO 8601 (sin desfase = Bogotá); por defecto hasta − 60 min"
        },
    )
    hasta = fields.String(
        validate=validate.Length(max=40),
        metadata={"description": "Instante ISO 8601 (sin desfase = Bogotá); por defecto ahora"},
    )


class ConsultaRecientesEntregas(EsquemaConsulta):
    limite = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=100, error="limite debe estar entre 1 y 100."),
    )


class TotalesEntregas(Schema):
    entregas = fields.Integer(required=True)
    unidades = fields.Integer(required=True)
    ingresos = fields.String(required=True, metadata=_DINERO)
    unidades_por_entrega = fields.String(required=True)
    ticket_promedio = fields.String(required=True, metadata=_DINERO)


class PorRepartidorEntregas(Schema):
    id_repartidor = fields.Integer(required=True)
    nombre = fields.String(required=True)
    entregas = fields.Integer(required=True)
    unidades = fields.Integer(required=True)
    ingresos = fields.String(required=True, metadata=_DINERO)
    entregas_por_hora = fields.String(required=True)


class PorProductoEntregas(Schema):
    id_producto = fields.String(required=True)
    producto = fields.String(required=True)
    unidades = fields.Integer(required=True)
    ingresos = fields.String(required=True, metadata=_DINERO)


class PorHoraEntregas(Schema):
    hora = fields.String(required=True, metadata={"example": "2026-11-23T17:00:00-05:00"})
    entregas = fields.Integer(required=True)
    ingresos = fields.String(required=True, metadata=_DINERO)


class LatenciaEntregas(Schema):
    p50 = fields.Integer(required=True, allow_none=True)
    p95 = fields.Integer(required=True, allow_none=True)
    max = fields.Integer(required=True, allow_none=True)


class MetricasEntregas(Schema):
    desde = fields.String(required=True)
    hasta = fields.String(required=True)
    generado_en = fields.String(required=True)
    totales = fields.Nested(TotalesEntregas, required=True)
    por_repartidor = fields.List(fields.Nested(PorRepartidorEntregas), required=True)
    por_producto = fields.List(fields.Nested(PorProductoEntregas), required=True)
    por_hora = fields.List(fields.Nested(PorHoraEntregas), required=True)
    latencia_registro_ms = fields.Nested(LatenciaEntregas, required=True)


class RepartidorCortoEntregas(Schema):
    id_repartidor = fields.Integer(required=True)
    nombre = fields.String(required=True)


class LineaRecienteEntregas(Schema):
    id_producto = fields.String(required=True)
    producto = fields.String(required=True)
    cantidad = fields.Integer(required=True)
    precio = fields.String(required=True, metadata=_DINERO)


class EntregaRecienteEntregas(Schema):
    pedido_id = fields.String(required=True)
    repartidor = fields.Nested(RepartidorCortoEntregas, required=True)
    lineas = fields.List(fields.Nested(LineaRecienteEntregas), required=True)
    unidades = fields.Integer(required=True)
    total = fields.String(required=True, metadata=_DINERO)
    entregado_en = fields.String(required=True)
    registrado_en = fields.String(required=True)


class RecientesEntregas(Schema):
    entregas = fields.List(fields.Nested(EntregaRecienteEntregas), required=True)
    total = fields.Integer(required=True, metadata={"description": "Pedidos registrados en total"})
    truncado = fields.Boolean(
        required=True, metadata={"description": "true si `entregas` trae solo los últimos `limite`"}
    )


@blp.route("/metricas", methods=["GET"])
@requiere_permiso("entregas.monitorear")
@blp.arguments(ConsultaMetricasEntregas, location="query")
@blp.response(200, MetricasEntregas)
def metricas(consulta: dict[str, Any]) -> dict[str, Any]:
    """Métricas de la ventana [desde, hasta) por hora de entrega (por defecto, la última hora)."""
    pasarela = gateway()
    desde, hasta = metricas_controller.ventana(consulta.get("desde"), consulta.get("hasta"))
    return metricas_controller.metricas(pasarela, desde, hasta)


@blp.route("/recientes", methods=["GET"])
@requiere_permiso("entregas.monitorear")
@blp.arguments(ConsultaRecientesEntregas, location="query")
@blp.response(200, RecientesEntregas)
def recientes(consulta: dict[str, Any]) -> dict[str, Any]:
    """Los últimos pedidos registrados, el más reciente primero."""
    return pedido_controller.recientes(gateway(), consulta["limite"])


def _ultimo_evento() -> int | None:
    valor = (request.headers.get("Last-Event-ID") or "").strip()
    return int(valor) if valor.isdigit() and len(valor) <= 18 else None


@blp.route("/eventos", methods=["GET"])
@requiere_permiso("entregas.monitorear")
@blp.doc(
    parameters=[
        {
            "name": "Last-Event-ID",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": "Reanuda: se reenvía lo registrado después de ese id",
        }
    ],
    responses={
        "200": {
            "description": "Flujo text/event-stream: `event: entrega` por pedido registrado, "
            "`id:` creciente, `data:` JSON {pedido_id, id_repartidor, unidades, total, "
            "entregado_en, registrado_en}; `: latido` cada 15 s como máximo",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        }
    },
)
def eventos() -> Response:
    """Eventos en vivo de los pedidos registrados (Server-Sent Events)."""
    flujo = pedido_controller.flujo_eventos(
        gateway(),
        current_app.extensions["sac_eventos"],
        config("ENTREGAS_CANAL_EVENTOS"),
        _ultimo_evento(),
        latido=float(config("ENTREGAS_LATIDO_SEGUNDOS")),
        sondeo=int(config("ENTREGAS_SONDEO_MS")) / 1000,
        duracion_maxima=float(config("ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS")),
    )
    respuesta = Response(flujo, mimetype="text/event-stream")
    respuesta.headers["X-Accel-Buffering"] = "no"  # nginx: sin búfer
    return respuesta
