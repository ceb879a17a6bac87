"""Pagos de cupones: el canal de recaudo (o un administrador), y el titular desde el portal con
`canal: "portal"` (pago simulado)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.cuponeras import pago_controller
from routes.contexto import despachar_correos_tras_responder, gateway, usuario_actual
from routes.esquemas_comunes import RespuestaError
from routes.seguridad import requiere_permiso

blp = Blueprint("pagos", __name__, url_prefix="/api/pagos", description="Cuponeras: pagos")


class PagoNuevo(Schema):
    numero_cupon = fields.String(
        required=True,
        validate=validate.Length(min=1, max=40),
        metadata={"example": "1234567890128"},
    )
    valor = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=0, max=9_999_999_999, error="El valor va en pesos enteros."),
        metadata={"description": "Pesos COP enteros, exactamente el valor del cupón"},
    )
    canal = fields.String(
        required=True,
        validate=validate.OneOf(
            ["banco", "portal", "corresponsal"],
            error="Canal no válido: use banco, portal o corresponsal.",
        ),
    )
    referencia = fields.String(
        required=True,
        validate=validate.Length(min=1, max=64),
        metadata={"description": "Id de la transacción del pagador (única por canal)"},
    )


class PagoAplicado(Schema):
    pago_id = fields.Integer(required=True)
    estado = fields.String(required=True, metadata={"enum": ["aplicado"]})


@blp.route("", methods=["POST"])
@requiere_permiso(("pagos.registrar", "cuponeras.portal"))
@blp.arguments(PagoNuevo)
@blp.response(200, PagoAplicado, description="Pago aplicado (también al repetirse)")
@blp.alt_response(404, schema=RespuestaError, description="No existe ese cupón (o es ajeno)")
@blp.alt_response(
    409,
    schema=RespuestaError,
    description="Cupón pagado, anulado o vencido (cupon_vencido), o referencia usada con otro cupón",
)
@blp.alt_response(
    422, schema=RespuestaError, description="Valor distinto al del cupón o campo inválido"
)
def pagar(datos: dict[str, Any]) -> Response:
    """Aplica el pago de un cupón (todo en una transacción; idempotente por canal + referencia)."""
    resultado, correos = pago_controller.pagar(gateway(), usuario_actual(), datos)
    return despachar_correos_tras_responder(jsonify(PagoAplicado().dump(resultado)), correos)
