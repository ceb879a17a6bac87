"""Chequeo de salud para balanceadores y monitoreo."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers import salud_controller
from routes.contexto import gateway
from routes.esquemas_comunes import RespuestaError

blp = Blueprint("salud", __name__, url_prefix="/api", description="Estado del servicio")


class Salud(Schema):
    estado = fields.String(required=True)
    base_datos = fields.Dict(required=True)


@blp.route("/salud", methods=["GET"])
@blp.response(200, Salud)
@blp.alt_response(
    503,
    schema=RespuestaError,
    description="La base de datos no responde o su esquema no está en la última migración",
)
def salud() -> dict[str, Any]:
    """200 si la base de datos responde y está en la última migración; 503 si no."""
    return salud_controller.estado(gateway())
