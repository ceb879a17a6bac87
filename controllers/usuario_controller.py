"""Gestión de usuarios del SAC: alta con contraseña en hash argon2, rol y activación."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models import Sesion, Usuario
from services import contrasena_service
from services.importacion_service import PATRON_CORREO
from services.permisos_service import ROLES_ASIGNABLES
from services.tiempo_service import ahora_utc

_PATRON_USUARIO = re.compile(r"^[a-z0-9._-]{3,60}$")
MENSAJE_ROL = "El rol debe ser uno de: " + ", ".join(ROLES_ASIGNABLES) + "."


def _rol_valido(rol: str) -> str:
    if rol not in ROLES_ASIGNABLES:
        raise DatosInvalidos.de_campo("rol", MENSAJE_ROL)
    return rol


def _zona_valida(zona: str | None, rol: str) -> str | None:
    """La zona es obligatoria para un vendedor (1 a 80 caracteres) y opcional para el resto."""
    limpia = (zona or "").strip()
    if len(limpia) > 80:
        raise DatosInvalidos.de_campo("zona", "La zona admite máximo 80 caracteres.")
    if rol == "vendedor" and not limpia:
        raise DatosInvalidos.de_campo("zona", "Un vendedor debe tener una zona.")
    return limpia or None


def _correo_valido(correo: str | None) -> str | None:
    limpio = (correo or "").strip().lower()
    if limpio and (len(limpio) > 254 or not PATRON_CORREO.match(limpio)):
        raise DatosInvalidos.de_campo("correo", "El correo no tiene un formato válido.")
    return limpio or None


def crear(
    gateway: BaseDatosClient,
    usuario: str,
    nombre: str,
    rol: str,
    contrasena: str,
    zona: str | None = None,
    correo: str | None = None,
) -> UsuarioActual:
    """Crea un usuario activo; 422 si algún dato no sirve y 409 si el nombre de usuario existe."""
    login = usuario.strip().lower()
    if not _PATRON_USUARIO.match(login):
        raise DatosInvalidos.de_campo(
            "usuario", "El usuario debe tener de 3 a 60 letras minúsculas, dígitos, '.', '_' o '-'."
        )
    if not nombre.strip() or len(nombre.strip()) > 120:
        raise DatosInvalidos.de_campo("nombre", "El nombre es obligatorio (máximo 120 caracteres).")
    _rol_valido(rol)
    zona = _zona_valida(zona, rol)
    correo = _correo_valido(correo)
    debilidad = contrasena_service.validar_fortaleza(contrasena, login)
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
            zona=zona,
            correo=correo,
        )
        sesion.add(nuevo)
        sesion.flush()
        return UsuarioActual(nuevo.id, nuevo.usuario, nuevo.nombre, nuevo.rol, nuevo.zona)


def _datos(usuario: Usuario) -> dict[str, object]:
    return {
        "id": usuario.id,
        "usuario": usuario.usuario,
        "nombre": usuario.nombre,
        "rol": usuario.rol,
        "zona": usuario.zona,
        "correo": usuario.correo,
        "activo": usuario.activo,
        "creado_en": usuario.creado_en,
    }


def listar(gateway: BaseDatosClient) -> list[dict[str, object]]:
    with gateway.session_scope() as sesion:
        return [_datos(u) for u in sesion.scalars(select(Usuario).order_by(Usuario.usuario))]


def crear_desde_api(
    gateway: BaseDatosClient,
    usuario: str,
    nombre: str,
    rol: str,
    contrasena: str,
    zona: str | None = None,
    correo: str | None = None,
) -> dict[str, object]:
    creado = crear(gateway, usuario, nombre, rol, contrasena, zona, correo)
    with gateway.session_scope() as sesion:
        return _datos(sesion.get_one(Usuario, creado.id))


def actualizar(
    gateway: BaseDatosClient,
    usuario_id: int,
    solicitante: UsuarioActual,
    rol: str | None = None,
    activo: bool | None = None,
    **cambios: str | None,
) -> dict[str, object]:
    """Cambia rol, estado, zona o correo; desactivar o cambiar el rol cierra sus sesiones."""
    if rol is not None:
        _rol_valido(rol)
    with gateway.session_scope() as sesion:
        usuario = sesion.get(Usuario, usuario_id)
        if usuario is None:
            raise NoEncontrado("No existe un usuario con ese identificador.")
        if usuario.rol == "cliente" and rol is not None:
            raise Conflicto("El rol de un cliente del portal no se cambia.")
        if "zona" in cambios or rol is not None:
            usuario.zona = _zona_valida(cambios.get("zona", usuario.zona), rol or usuario.rol)
        if "correo" in cambios:
            usuario.correo = _correo_valido(cambios["correo"])
        pierde_admin = usuario.rol == "admin" and (
            (rol is not None and rol != "admin") or activo is False
        )
        if usuario.id == solicitante.id and pierde_admin:
            raise Conflicto("No puede quitarse a sí mismo el rol de administrador ni desactivarse.")
        if pierde_admin and _admins_activos(sesion) <= 1:
            raise Conflicto("Debe quedar al menos un administrador activo.")
        cambia_acceso = (rol is not None and rol != usuario.rol) or (
            activo is not None and activo != usuario.activo
        )
        if rol is not None:
            usuario.rol = rol
        if activo is not None:
            usuario.activo = activo
        if cambia_acceso:
            sesion.execute(
                update(Sesion)
                .where(Sesion.usuario_id == usuario.id, Sesion.revocada_en.is_(None))
                .values(revocada_en=ahora_utc())
            )
        return _datos(usuario)


def _admins_activos(sesion: Session) -> int:
    return (
        sesion.scalar(select(func.count()).where(Usuario.rol == "admin", Usuario.activo.is_(True)))
        or 0
    )
