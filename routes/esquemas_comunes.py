"""Esquemas compartidos por varias rutas (error, paginación, documento)."""

from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, validate


class EsquemaConsulta(Schema):
    """Parámetros de consulta: se ignoran los desconocidos (p. ej. evita-caché del navegador)."""

    class Meta:
        unknown = EXCLUDE


class DetalleError(Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    details = fields.Dict(required=True)


class RespuestaError(Schema):
    error = fields.Nested(DetalleError, required=True)


class ConsultaDocumento(EsquemaConsulta):
    tipo_documento = fields.String(
        required=True, validate=validate.Length(min=1, max=5), metadata={"example": "CC"}
    )
    numero_documento = fields.String(
        required=True, validate=validate.Length(min=1, max=30), metadata={"example": "1020304050"}
    )


class Paginacion(EsquemaConsulta):
    pagina = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=100000, error="La página debe ser 1 o mayor."),
    )
    por_pagina = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=100, error="por_pagina debe estar entre 1 y 100."),
    )


class SobrePagina(Schema):
    """El sobre de toda lista paginada (`controllers/paginacion.py`); cada lista agrega `items`."""

    pagina = fields.Integer(required=True)
    por_pagina = fields.Integer(required=True)
    total = fields.Integer(required=True)
    paginas = fields.Integer(required=True)


class Mensaje(Schema):
    mensaje = fields.String(required=True)


def pagina_de(esquema: type[Schema], nombre: str) -> type[Schema]:
    """El esquema del sobre de paginación (`controllers/paginacion.sobre`) para `esquema`."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(esquema), required=True),
            "pagina": fields.Integer(required=True),
            "por_pagina": fields.Integer(required=True),
            "total": fields.Integer(required=True),
            "paginas": fields.Integer(required=True),
        },
        name=nombre,
    )
