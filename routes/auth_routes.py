"""Inicio de sesión con JWT (cabecera Bearer o cookies httpOnly con CSRF), refresco y cierre."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask.typing import ResponseReturnValue
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    get_jwt,
    set_access_cookies,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import auth_controller
from controllers.auth_controller import UsuarioActual
from errores import NoAutenticado
from routes.contexto import config, gateway, usuario_actual
from routes.esquemas_comunes import Mensaje, RespuestaError
from routes.seguridad import requiere_sesion

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Sesión de los usuarios")


class Credenciales(Schema):
    usuario = fields.String(required=True, validate=validate.Length(min=1, max=254))
    contrasena = fields.String(required=True, validate=validate.Length(min=1, max=200))


class UsuarioPublico(Schema):
    usuario = fields.String(required=True)
    nombre = fields.String(required=True)
    rol = fields.String(required=True)
    permisos = fields.List(
        fields.String(), required=True, metadata={"description": "Permisos de su rol, ordenados"}
    )
    zona = fields.String(allow_none=True, required=True, metadata={"description": "Vendedores"})


class Tokens(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    usuario = fields.Nested(UsuarioPublico, required=True)


class CambioContrasena(Schema):
    contrasena_actual = fields.String(required=True, validate=validate.Length(min=1, max=200))
    contrasena_nueva = fields.String(required=True, validate=validate.Length(min=1, max=200))


class TokenAcceso(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)


def _token_acceso(usuario: UsuarioActual, sid: str) -> str:
    token: str = create_access_token(identity=str(usuario.id), additional_claims={"sid": sid})
    return token


@blp.route("/login", methods=["POST"])
@blp.arguments(Credenciales)
@blp.response(200, Tokens)
@blp.alt_response(401, schema=RespuestaError, description="Usuario o contraseña incorrectos")
@blp.alt_response(
    403, schema=RespuestaError, description="Usuario del portal con el correo sin verificar"
)
def login(credenciales: dict[str, str]) -> ResponseReturnValue:
    """Inicia sesión y entrega tokens de acceso y de refresco (también como cookies)."""
    usuario, sid = auth_controller.iniciar_sesion(
        gateway(),
        credenciales["usuario"],
        credenciales["contrasena"],
        config("JWT_REFRESH_TOKEN_EXPIRES"),
    )
    acceso = _token_acceso(usuario, sid)
    refresco = create_refresh_token(identity=str(usuario.id), additional_claims={"sid": sid})
    respuesta = jsonify(
        {"access_token": acceso, "refresh_token": refresco, "usuario": usuario.publico()}
    )
    set_access_cookies(respuesta, acceso)
    set_refresh_cookies(respuesta, refresco)
    return respuesta


@blp.route("/refresh", methods=["POST"])
@requiere_sesion(refresco=True)
@blp.response(200, TokenAcceso)
@blp.alt_response(401, schema=RespuestaError, description="Token de refresco ausente o inválido")
def refrescar() -> ResponseReturnValue:
    """Entrega tokens nuevos y rota la sesión: el token de refresco usado deja de valer."""
    usuario = usuario_actual()
    sid = auth_controller.rotar_sesion(gateway(), str(get_jwt()["sid"]), usuario.id)
    if sid is None:
        raise NoAutenticado("La sesión ya no es válida. Inicie sesión de nuevo.")
    acceso = _token_acceso(usuario, sid)
    refresco = create_refresh_token(identity=str(usuario.id), additional_claims={"sid": sid})
    respuesta = jsonify({"access_token": acceso, "refresh_token": refresco})
    set_access_cookies(respuesta, acceso)
    set_refresh_cookies(respuesta, refresco)
    return respuesta


@blp.route("/logout", methods=["POST"])
@requiere_sesion()
@blp.response(200, Mensaje)
@blp.alt_response(401, schema=RespuestaError, description="Sin sesión")
def logout() -> ResponseReturnValue:
    """Cierra la sesión: revoca el token de acceso y el de refresco, y borra las cookies."""
    auth_controller.cerrar_sesion(gateway(), str(get_jwt()["sid"]))
    respuesta = jsonify({"mensaje": "Sesión cerrada."})
    unset_jwt_cookies(respuesta)
    return respuesta


@blp.route("/me", methods=["GET"])
@requiere_sesion()
@blp.response(200, UsuarioPublico)
@blp.alt_response(401, schema=RespuestaError, description="Sin sesión")
def me() -> dict[str, Any]:
    """El usuario de la sesión actual."""
    return usuario_actual().publico()


@blp.route("/contrasena", methods=["POST"])
@requiere_sesion()
@blp.arguments(CambioContrasena)
@blp.response(200, Mensaje)
@blp.alt_response(422, schema=RespuestaError, description="Contraseña actual errada o nueva débil")
def cambiar_contrasena(datos: dict[str, str]) -> ResponseReturnValue:
    """Cambia la contraseña propia; cierra todas las sesiones del usuario (también esta)."""
    auth_controller.cambiar_contrasena(
        gateway(), usuario_actual().id, datos["contrasena_actual"], datos["contrasena_nueva"]
    )
    respuesta = jsonify({"mensaje": "Contraseña cambiada. Inicie sesión de nuevo."})
    unset_jwt_cookies(respuesta)
    return respuesta
