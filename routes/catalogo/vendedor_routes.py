"""La ruta del vendedor: sus establecimientos activos con el portafolio vigente de cada uno."""

from __future__ import annotations

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from controllers.catalogo import ruta_controller
from routes.contexto import gateway, usuario_actual
from routes.respuestas import anotar_filas, doc_total_filas
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "vendedores", __name__, url_prefix="/api/vendedores", description="Catálogo: ruta del vendedor"
)


class PortafolioBreve(Schema):
    id = fields.Integer(required=True)
    nombre = fields.String(required=True)
    lineas = fields.Integer(required=True)
    obligatorias = fields.Integer(required=True)


class ParadaRuta(Schema):
    id = fields.Integer(required=True)
    nombre = fields.String(required=True)
    tipo = fields.String(required=True)
    tipo_nombre = fields.String(required=True)
    ciudad = fields.String(required=True)
    departamento = fields.String(required=True)
    direccion = fields.String(required=True)
    telefono = fields.String(allow_none=True)
    latitud = fields.Float(allow_none=True)
    longitud = fields.Float(allow_none=True)
    portafolio = fields.Nested(
        PortafolioBreve, allow_none=True, metadata={"description": "null: su tipo no tiene uno hoy"}
    )


class VendedorBreve(Schema):
    usuario = fields.String(required=True)
    nombre = fields.String(required=True)


class Ruta(Schema):
    fecha = fields.Date(required=True, metadata={"description": "Hoy en Bogotá"})
    vendedor = fields.Nested(VendedorBreve, required=True)
    establecimientos = fields.List(fields.Nested(ParadaRuta), required=True)


@blp.route("/yo/ruta", methods=["GET"])
@requiere_permiso("catalogo.ruta")
@blp.response(200, Ruta, headers=doc_total_filas("Establecimientos de la ruta"))
def ruta() -> Response:
    """Los establecimientos activos asignados al vendedor, con su portafolio vigente hoy."""
    # Camino caliente (cada vendedor, al empezar y a lo largo del día): el controlador ya arma
    # `Ruta` en tipos que `ProveedorJson` serializa igual que marshmallow; se responde sin volcar
    # por el esquema, como la consulta de clientes. Pruebas y fuzzing validan contra el esquema.
    datos = ruta_controller.ruta(gateway(), usuario_actual())
    return anotar_filas(jsonify(datos), len(datos["establecimientos"]))
