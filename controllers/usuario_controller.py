"""Gestión de usuarios del SAC: creación con contraseña en hash argon2."""

from __future__ import annotations

import re

from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from errores import Conflicto, DatosInvalidos
from models import ROLES, Usuario
from services import contrasena_service

_PATRON_USUARIO = re.compile(r"^[a-z0-9._-]{3,60}$")


def crear(
    gateway: BaseDatosClient, usuario: str, nombre: str, rol: str, contrasena: str
) -> UsuarioActual:
    """Crea un usuario activo; 422 si algún dato no sirve y 409 si el nombre de usuario existe."""
    login = usuario.strip().lower()
    if not _PATRON_USUARIO.match(login):
        raise DatosInvalidos.de_campo(
            "usuario", "El usuario debe tener de 3 a 60 letras minúsculas, dígitos, '.', '_' o '-'."
        )
    if not nombre.strip() or len(nombre.strip()) > 120:
        raise DatosInvalidos.de_campo("nombre", "El nombre es obligatorio (máximo 120 caracteres).")
    if rol not in ROLES:
        raise DatosInvalidos.de_campo("rol", "El rol debe ser agente, supervisor o admin.")
    debilidad = contrasena_service.validar_fortaleza(contrasena)
    if debilidad:
        raise DatosInvalidos.de_campo("contrasena", debilidad)
    with gateway.session_scope() as sesion:
        if sesion.scalar(select(Usuario.id).where(Usuario.usuario == login)) is not None:
            raise Conflicto(f"Ya existe un usuario llamado {login}.")
        nuevo = Usuario(
            usuario=login,
            nombre=nombre.strip(),
            rol=rol,
            contrasena_hash=contrasena_service.generar_hash(contrasena),
            activo=True,
        )
        sesion.add(nuevo)
        sesion.flush()
        return UsuarioActual(nuevo.id, nuevo.usuario, nuevo.nombre, nuevo.rol)
