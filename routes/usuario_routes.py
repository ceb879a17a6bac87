"""Administración de usuarios (solo admin): lista, alta, cambio de rol y activación."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers import usuario_controller
from routes.contexto import gateway, usuario_actual
from routes.esquemas_comunes import RespuestaError
from routes.respuestas import doc_total_filas, lista_con_total
from routes.seguridad import requiere_permiso
from services.permisos_service import ROLES_ASIGNABLES

blp = Blueprint("usuarios", __name__, url_prefix="/api/usuarios", description="Usuarios")
ROL = validate.OneOf(ROLES_ASIGNABLES, error=usuario_controller.MENSAJE_ROL)
ZONA = validate.Length(max=80, error="La zona admite máximo 80 caracteres.")
CORREO = validate.Length(max=254, error="El correo admite máximo 254 caracteres.")


class UsuarioEsquema(Schema):
    id = fields.Integer(required=True)
    usuario = fields.String(required=True)
    nombre = fields.String(required=True)
    rol = fields.String(required=True)
    zona = fields.String(allow_none=True, required=True)
    correo = fields.String(allow_none=True, required=True)
    activo = fields.Boolean(required=True)
    creado_en = fields.DateTime(required=True)


class UsuarioNuevo(Schema):
    usuario = fields.String(required=True, validate=validate.Length(min=1, max=60))
    nombre = fields.String(required=True, validate=validate.Length(min=1, max=120))
    rol = fields.String(required=True, validate=ROL)
    contrasena = fields.String(required=True, validate=validate.Length(min=1, max=200))
    zona = fields.String(allow_none=True, validate=ZONA, metadata={"description": "Vendedores"})
    correo = fields.String(allow_none=True, validate=CORREO)


class CambioUsuario(Schema):
    rol = fields.String(validate=ROL)
    activo = fields.Boolean()
    zona = fields.String(allow_none=True, validate=ZONA)
    correo = fields.String(allow_none=True, validate=CORREO)


@blp.route("", methods=["GET"])
@requiere_permiso("usuarios.administrar")
@blp.response(200, UsuarioEsquema(many=True), headers=doc_total_filas("Usuarios de la lista"))
def listar() -> tuple[Sequence[Any], dict[str, str]]:
    """Todos los usuarios, activos e inactivos."""
    return lista_con_total(usuario_controller.listar(gateway()))


@blp.route("", methods=["POST"])
@requiere_permiso("usuarios.administrar")
@blp.arguments(UsuarioNuevo)
@blp.response(201, UsuarioEsquema)
@blp.alt_response(409, schema=RespuestaError, description="El usuario ya existe")
@blp.alt_response(422, schema=RespuestaError, description="Datos inválidos")
def crear(datos: dict[str, Any]) -> dict[str, Any]:
    """Crea un usuario con su rol y una contraseña inicial (un vendedor, con su zona)."""
    return usuario_controller.crear_desde_api(
        gateway(),
        datos["usuario"],
        datos["nombre"],
        datos["rol"],
        datos["contrasena"],
        datos.get("zona"),
        datos.get("correo"),
    )


@blp.route("/<int:usuario_id>", methods=["PATCH"])
@requiere_permiso("usuarios.administrar")
@blp.arguments(CambioUsuario)
@blp.response(200, UsuarioEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Usuario no encontrado")
@blp.alt_response(409, schema=RespuestaError, description="Dejaría el sistema sin administrador")
def actualizar(datos: dict[str, Any], usuario_id: int) -> dict[str, Any]:
    """Cambia rol, estado, zona o correo; al cambiar rol o estado se cierran sus sesiones."""
    otros = {campo: datos[campo] for campo in ("zona", "correo") if campo in datos}
    return usuario_controller.actualizar(
        gateway(),
        usuario_id,
        usuario_actual(),
        rol=datos.get("rol"),
        activo=datos.get("activo"),
        **otros,
    )
