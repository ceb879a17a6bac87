"""Inicio y cierre de sesión, y el usuario vigente de una sesión."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, or_, select, update

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, Registro, registrar_en
from errores import CorreoSinVerificar, CredencialesInvalidas, DatosInvalidos
from models import Sesion, Usuario
from services import contrasena_service, permisos_service
from services.tiempo_service import ahora_utc


@dataclass(frozen=True)
class UsuarioActual:
    id: int
    usuario: str
    nombre: str
    rol: str
    zona: str | None = None

    def puede(self, permiso: str) -> bool:
        """¿Su rol tiene el permiso? (la tabla única de `permisos_service`)."""
        return permisos_service.puede(self.rol, permiso)

    def publico(self) -> dict[str, Any]:
        return {
            "usuario": self.usuario,
            "nombre": self.nombre,
            "rol": self.rol,
            "permisos": permisos_service.permisos_de(self.rol),
            "zona": self.zona,
        }


def _actual(usuario: Usuario) -> UsuarioActual:
    return UsuarioActual(usuario.id, usuario.usuario, usuario.nombre, usuario.rol, usuario.zona)


def iniciar_sesion(
    gateway: BaseDatosClient, usuario: str, contrasena: str, duracion: timedelta
) -> tuple[UsuarioActual, str]:
    """Verifica credenciales y abre una sesión; el mismo error para usuario o contraseña errados."""
    with gateway.session_scope() as sesion:
        encontrado = sesion.scalar(
            select(Usuario).where(Usuario.usuario == usuario.strip().lower())
        )
        hash_guardado = encontrado.contrasena_hash if encontrado and encontrado.activo else None
        if not contrasena_service.verificar(hash_guardado, contrasena) or encontrado is None:
            raise CredencialesInvalidas()
        # Un usuario del portal (M6) entra solo con el correo verificado; se dice solo a quien
        # ya dio la contraseña correcta.
        if encontrado.rol == "cliente" and encontrado.correo_verificado_en is None:
            raise CorreoSinVerificar()
        sid = str(uuid.uuid4())
        sesion.add(
            Sesion(
                id=sid,
                usuario_id=encontrado.id,
                expira_en=ahora_utc() + duracion,
                familia_id=sid,
            )
        )
        return _actual(encontrado), sid


def cerrar_sesion(gateway: BaseDatosClient, sid: str) -> None:
    """Revoca la sesión: dejan de valer su token de acceso y su token de refresco."""
    with gateway.session_scope() as sesion:
        sesion.execute(
            update(Sesion)
            .where(Sesion.id == sid, Sesion.revocada_en.is_(None))
            .values(revocada_en=ahora_utc())
        )


def rotar_sesion(gateway: BaseDatosClient, sid: str, usuario_id: int) -> str | None:
    """Cambia la sesión por una nueva con el mismo vencimiento: el refresco usado deja de valer.

    Devuelve el id nuevo, o None si la sesión ya no estaba vigente. La sesión nueva hereda la
    familia de la vieja (ver `revocar_familia_si_reuso`).
    """
    ahora = ahora_utc()
    with gateway.session_scope() as sesion:
        vieja = sesion.get(Sesion, sid)
        if (
            vieja is None
            or vieja.usuario_id != usuario_id
            or vieja.revocada_en is not None
            or vieja.expira_en <= ahora
        ):
            return None
        vieja.revocada_en = ahora
        nuevo = str(uuid.uuid4())
        sesion.add(
            Sesion(
                id=nuevo,
                usuario_id=usuario_id,
                expira_en=vieja.expira_en,
                familia_id=vieja.familia_id or vieja.id,
            )
        )
        return nuevo


def revocar_familia_si_reuso(
    gateway: BaseDatosClient, sid: str, usuario_id: int, contexto: ContextoAuditoria
) -> bool:
    """Un refresco de una sesión ya revocada cuya familia sigue viva es un refresco reusado:
    alguien más tiene (o tuvo) el token. Se revocan todas las sesiones de la familia, la del
    usuario legítimo también, y queda en la auditoría. Devuelve True si hubo reuso.
    """
    ahora = ahora_utc()
    with gateway.session_scope() as sesion:
        usada = sesion.get(Sesion, sid)
        if usada is None or usada.usuario_id != usuario_id or usada.revocada_en is None:
            return False
        familia = usada.familia_id or usada.id
        conexion = sesion.connection()
        vivas = conexion.execute(
            update(Sesion)
            .where(
                or_(Sesion.familia_id == familia, Sesion.id == familia),
                Sesion.revocada_en.is_(None),
                Sesion.expira_en > ahora,
            )
            .values(revocada_en=ahora)
        ).rowcount
        if not vivas:
            return False  # la familia ya estaba cerrada (cierre de sesión, expiración)
        registrar_en(
            conexion,
            contexto,
            Registro(accion="reuso_refresco", parametros={"sesiones_revocadas": vivas}),
            resultado="sesiones_revocadas",
            estado_http=401,
        )
        return True


# Se arma una vez: corre en cada petición autenticada (Core, sin ORM, clave de caché memorizada).
_USUARIO_DE_SESION_VIGENTE = (
    select(Usuario.id, Usuario.usuario, Usuario.nombre, Usuario.rol, Usuario.zona)
    .join(Sesion, Sesion.usuario_id == Usuario.id)
    .where(
        Sesion.id == bindparam("sid"),
        Sesion.usuario_id == bindparam("usuario_id"),
        Sesion.revocada_en.is_(None),
        Sesion.expira_en > bindparam("ahora"),
        Usuario.activo.is_(True),
    )
)


def usuario_de_sesion(gateway: BaseDatosClient, sid: str, usuario_id: int) -> UsuarioActual | None:
    """El usuario de una sesión vigente y activa; None si la sesión fue revocada o expiró."""
    with gateway.connection_scope() as conexion:
        fila = conexion.execute(
            _USUARIO_DE_SESION_VIGENTE,
            {"sid": sid, "usuario_id": usuario_id, "ahora": ahora_utc()},
        ).one_or_none()
    return UsuarioActual(fila.id, fila.usuario, fila.nombre, fila.rol, fila.zona) if fila else None


def cambiar_contrasena(gateway: BaseDatosClient, usuario_id: int, actual: str, nueva: str) -> None:
    """Cambia la contraseña propia (exige la actual) y cierra todas las sesiones del usuario."""
    with gateway.session_scope() as sesion:
        usuario = sesion.get(Usuario, usuario_id)
        if usuario is None or not contrasena_service.verificar(usuario.contrasena_hash, actual):
            raise DatosInvalidos.de_campo(
                "contrasena_actual", "La contraseña actual no es correcta."
            )
        debilidad = contrasena_service.validar_fortaleza(nueva, usuario.usuario)
        if debilidad:
            raise DatosInvalidos.de_campo("contrasena_nueva", debilidad)
        if contrasena_service.verificar(usuario.contrasena_hash, nueva):
            raise DatosInvalidos.de_campo(
                "contrasena_nueva", "La contraseña nueva debe ser distinta de la actual."
            )
        usuario.contrasena_hash = contrasena_service.generar_hash(nueva)
        sesion.execute(
            update(Sesion)
            .where(Sesion.usuario_id == usuario_id, Sesion.revocada_en.is_(None))
            .values(revocada_en=ahora_utc())
        )
