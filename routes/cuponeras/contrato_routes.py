"""Contratos: búsqueda (personal), sus facturas, generar su cupón y su historial (personal o el
titular; un contrato ajeno responde 404 al portal)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.cuponeras import contrato_controller, cupon_controller, historial_controller
from routes.contexto import config, gateway, usuario_actual
from routes.cuponeras.esquemas import (
    PERSONAL_O_TITULAR,
    ContratoEsquema,
    CuponEsquema,
    EventoEsquema,
    FacturaEsquema,
)
from routes.esquemas_comunes import EsquemaConsulta, RespuestaError
from routes.respuestas import doc_total_filas, lista_con_total
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "contratos", __name__, url_prefix="/api/contratos", description="Cuponeras: contratos"
)


class ConsultaContrato(EsquemaConsulta):
    numero = fields.String(
        required=True,
        validate=validate.Length(min=1, max=40),
        metadata={"example": "100200300", "description": "6 a 12 dígitos"},
    )


class FiltroFacturas(EsquemaConsulta):
    estado = fields.String(
        validate=validate.OneOf(
            ["pendiente", "pagada", "vencida", "anulada"],
            error="Estado no válido: use pendiente, pagada, vencida o anulada.",
        )
    )


class PedidoCupon(Schema):
    beneficio = fields.String(
        allow_none=True,
        validate=validate.Length(max=40),
        metadata={"description": "Código de un beneficio del titular (opcional)"},
    )


@blp.route("", methods=["GET"])
@requiere_permiso("cuponeras.consultar")
@blp.arguments(ConsultaContrato, location="query")
@blp.response(200, ContratoEsquema)
@blp.alt_response(404, schema=RespuestaError, description="No existe ese contrato")
@blp.alt_response(422, schema=RespuestaError, description="Número de contrato inválido")
def buscar(consulta: dict[str, Any]) -> dict[str, Any]:
    """El contrato por su número, con su titular y lo que debe."""
    return contrato_controller.buscar(gateway(), usuario_actual(), consulta["numero"])


@blp.route("/<string:numero>/facturas", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.arguments(FiltroFacturas, location="query")
@blp.response(200, FacturaEsquema(many=True), headers=doc_total_filas("Facturas de la lista"))
@blp.alt_response(404, schema=RespuestaError, description="No existe ese contrato (o es ajeno)")
def facturas(filtro: dict[str, Any], numero: str) -> tuple[Sequence[Any], dict[str, str]]:
    """Facturas del contrato, la más reciente primero."""
    return lista_con_total(
        contrato_controller.facturas(gateway(), usuario_actual(), numero, filtro.get("estado"))
    )


@blp.route("/<string:numero>/cupones", methods=["POST"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.arguments(PedidoCupon)
@blp.response(201, CuponEsquema, description="Cupón nuevo")
@blp.alt_response(200, schema=CuponEsquema, description="El cupón vivo (mismas facturas)")
@blp.alt_response(404, schema=RespuestaError, description="No existe ese contrato (o es ajeno)")
@blp.alt_response(
    422, schema=RespuestaError, description="Nada que pagar o beneficio ajeno, usado o vencido"
)
def generar_cupon(pedido: dict[str, Any], numero: str) -> tuple[dict[str, Any], int]:
    """Cupón de pago de las facturas con saldo; con `beneficio`, su descuento."""
    generado = cupon_controller.generar(
        gateway(), usuario_actual(), numero, pedido.get("beneficio"), config("GLN_RECAUDO")
    )
    return generado.cupon, 201 if generado.nuevo else 200


@blp.route("/<string:numero>/historial", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.response(200, EventoEsquema(many=True), headers=doc_total_filas("Eventos del historial"))
@blp.alt_response(404, schema=RespuestaError, description="No existe ese contrato (o es ajeno)")
def historial(numero: str) -> tuple[Sequence[Any], dict[str, str]]:
    """Todo lo que le pasó al contrato, lo más reciente primero."""
    return lista_con_total(historial_controller.historial(gateway(), usuario_actual(), numero))
