"""Registro de clientes en el portal (M6) y verificación del correo: rutas públicas.

Solo los registros fallidos cuentan para su límite, por dirección y por correo, con los límites
del inicio de sesión (`LIMITE` lo declara para `routes/limites.py`)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.cuponeras import registro_controller
from controllers.cuponeras.registro_controller import SolicitudRegistro
from routes.contexto import config, contexto_auditoria, despachar_correos_tras_responder, gateway
from routes.esquemas_comunes import RespuestaError
from routes.limites import LimiteFallidos

blp = Blueprint(
    "portal_registro",
    __name__,
    url_prefix="/api/auth",
    description="Portal de clientes: registro y verificación del correo",
)

_TEXTO = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="No admite caracteres de control.")


class Registro(Schema):
    correo = fields.String(
        required=True,
        validate=validate.Length(min=3, max=254),
        metadata={"example": "maria.perez@correo.co", "description": "Será su usuario"},
    )
    nombre = fields.String(
        required=True,
        validate=validate.And(validate.Length(min=1, max=120), _TEXTO),
        metadata={"example": "María Pérez"},
    )
    contrasena = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Al menos 8 caracteres, no una contraseña común"},
    )
    tipo_documento = fields.String(
        required=True, validate=validate.Length(min=1, max=10), metadata={"example": "CC"}
    )
    numero_documento = fields.String(
        required=True, validate=validate.Length(min=1, max=30), metadata={"example": "52123456"}
    )
    numero_contrato = fields.String(
        required=True, validate=validate.Length(min=1, max=30), metadata={"example": "100200300"}
    )


class RegistroPendiente(Schema):
    correo = fields.String(required=True)
    verificacion = fields.String(required=True, metadata={"enum": ["pendiente"]})


class Verificacion(Schema):
    token = fields.String(required=True, validate=validate.Length(min=1, max=200))


class Verificado(Schema):
    correo = fields.String(required=True)
    verificacion = fields.String(required=True, metadata={"enum": ["verificada"]})


@blp.route("/registro", methods=["POST"])
@blp.arguments(Registro)
@blp.response(201, RegistroPendiente)
@blp.alt_response(409, schema=RespuestaError, description="Ya hay una cuenta con ese correo")
@blp.alt_response(
    422,
    schema=RespuestaError,
    description="`datos_no_coinciden` (contrato y documento del titular, sin decir cuál) o "
    "`datos_invalidos` (correo o contraseña que no sirven)",
)
@blp.alt_response(429, schema=RespuestaError, description="Demasiados registros fallidos")
def registrar(datos: dict[str, str]) -> Response:
    """Crea la cuenta del portal y envía el enlace de verificación (vence en 24 h).

    La cuenta no sirve hasta verificar el correo (el inicio de sesión responde 403)."""
    respuesta, correo_id = registro_controller.registrar(
        gateway(), SolicitudRegistro(**datos), config("URL_PUBLICA"), contexto_auditoria()
    )
    salida = jsonify(respuesta)
    salida.status_code = 201
    return despachar_correos_tras_responder(salida, [correo_id])


@blp.route("/verificar", methods=["POST"])
@blp.arguments(Verificacion)
@blp.response(200, Verificado)
@blp.alt_response(400, schema=RespuestaError, description="Token inválido, usado o vencido")
def verificar(datos: dict[str, str]) -> dict[str, Any]:
    """Verifica el correo con el token del enlace (un solo uso)."""
    return registro_controller.verificar(gateway(), datos["token"], contexto_auditoria())


def _registro_fallido(respuesta: Response) -> bool:
    return 400 <= respuesta.status_code < 500 and respuesta.status_code != 429


LIMITE = LimiteFallidos(
    endpoint="portal_registro.registrar",
    campo="correo",
    alcance="registro",
    fallido=_registro_fallido,
    largo_campo=254,
)
