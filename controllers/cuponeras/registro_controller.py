"""Registro de los clientes en el portal (M6) y verificación de su correo.

La persona demuestra que es titular de un contrato con su número y el tipo y número de documento
del titular. Cualquier dato que no coincida responde el mismo 422 `datos_no_coinciden`, con el
mismo cuerpo y, en lo posible, el mismo tiempo: cada camino hace una sola operación argon2 (el hash
de la contraseña nueva o el señuelo del inicio de sesión) y las mismas consultas. La cuenta sirve
cuando el correo se verifica con el enlace de un solo uso que vence en 24 h; del token solo se
guarda su SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from controllers.auditoria_controller import ContextoAuditoria, auditar, registrar_en
from errores import Conflicto, DatosInvalidos, SolicitudInvalida
from models import Cliente, TipoDocumento, Usuario
from models.cuponeras import Contrato, VerificacionRegistro
from services import contrasena_service
from services.documento_service import DocumentoInvalido, normalizar_documento
from services.importacion_service import PATRON_CORREO
from services.tiempo_service import ahora_utc

VIGENCIA_TOKEN = timedelta(hours=24)
RUTA_VERIFICAR = "/portal/verificar"
# El correo es el usuario del inicio de sesión (`usuarios.usuario`, 254 caracteres: RFC 5321).
LARGO_MAXIMO_CORREO = 254
_NUMERO_CONTRATO = re.compile(r"^\d{6,12}$")
ACCION_REGISTRO = "registro_portal"
ACCION_VERIFICACION = "verificacion_portal"


class DatosNoCoinciden(DatosInvalidos):
    """Contrato, tipo o número de documento que no coinciden: un solo error, sin decir cuál."""

    codigo = "datos_no_coinciden"
    mensaje_por_defecto = (
        "Los datos no coinciden con ningún contrato. Revise el número de contrato y el tipo y "
        "número de documento del titular."
    )

    def __init__(self) -> None:
        super().__init__(None, {})


class TokenInvalido(SolicitudInvalida):
    codigo = "token_invalido"
    mensaje_por_defecto = (
        "El enlace de verificación no es válido. Revise que lo copió completo desde el correo."
    )


@dataclass(frozen=True)
class SolicitudRegistro:
    correo: str
    nombre: str
    contrasena: str
    tipo_documento: str
    numero_documento: str
    numero_contrato: str


def hash_token(token: str) -> str:
    """Lo único que se guarda del token: su SHA-256 en hexadecimal."""
    return hashlib.sha256(token.encode()).hexdigest()


def enlace_verificacion(url_base: str, token: str) -> str:
    return f"{url_base.rstrip('/')}{RUTA_VERIFICAR}?{urlencode({'token': token})}"


def _correo_valido(correo: str) -> str:
    limpio = (correo or "").strip().lower()
    if not PATRON_CORREO.match(limpio):
        raise DatosInvalidos.de_campo("correo", "El correo no es válido.")
    if len(limpio) > LARGO_MAXIMO_CORREO:
        raise DatosInvalidos.de_campo(
            "correo", f"El correo admite como máximo {LARGO_MAXIMO_CORREO} caracteres."
        )
    return limpio


def _titular_del_contrato(sesion: Session, solicitud: SolicitudRegistro) -> int | None:
    """El cliente titular si contrato y documento coinciden; None si algo no coincide."""
    numero = re.sub(r"\s", "", solicitud.numero_contrato or "")
    try:
        tipo, documento = normalizar_documento(solicitud.tipo_documento, solicitud.numero_documento)
    except DocumentoInvalido:
        tipo, documento = "", ""
    # La consulta corre siempre (también con datos malformados): el mismo trabajo en cada caso.
    fila = sesion.execute(
        select(Cliente.id, Cliente.activo, TipoDocumento.codigo, Cliente.numero_documento)
        .join(Contrato, Contrato.cliente_id == Cliente.id)
        .join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
        .where(Contrato.numero_contrato == numero[:12])
    ).one_or_none()
    if fila is None:
        return None
    coincide = hmac.compare_digest(f"{fila.codigo}:{fila.numero_documento}", f"{tipo}:{documento}")
    valido = bool(_NUMERO_CONTRATO.match(numero)) and coincide and fila.activo
    return int(fila.id) if valido else None


def _cuenta_reutilizable(sesion: Session, usuario: Usuario, ahora: datetime) -> bool:
    """Una cuenta del portal nunca verificada cuyos enlaces ya vencieron no retiene el correo:
    quien lo registre de nuevo (y demuestre ser titular) la reemplaza."""
    if usuario.rol != "cliente" or usuario.correo_verificado_en is not None:
        return False
    vigente = sesion.scalar(
        select(
            exists().where(
                VerificacionRegistro.usuario_id == usuario.id,
                VerificacionRegistro.usado_en.is_(None),
                VerificacionRegistro.vence_en > ahora,
            )
        )
    )
    return not vigente


def registrar(
    gateway: BaseDatosClient,
    solicitud: SolicitudRegistro,
    url_base: str,
    contexto: ContextoAuditoria,
) -> tuple[dict[str, Any], int]:
    """Crea la cuenta del portal sin verificar y encola el correo con el enlace de verificación
    (en la misma transacción). Devuelve la respuesta y el id del correo.

    422 `datos_invalidos` por correo o contraseña que no sirven; 409 correo ya registrado; 422
    `datos_no_coinciden` si contrato y documento no son de un mismo titular.
    """
    ahora = ahora_utc()
    with auditar(gateway, contexto, ACCION_REGISTRO) as registro:
        correo = _correo_valido(solicitud.correo)
        debilidad = contrasena_service.validar_fortaleza(solicitud.contrasena, correo)
        if debilidad:
            raise DatosInvalidos.de_campo("contrasena", debilidad)
        try:
            with gateway.session_scope() as sesion:
                existente = sesion.scalar(select(Usuario).where(Usuario.usuario == correo))
                cliente_id = _titular_del_contrato(sesion, solicitud)
                tomado = existente is not None and not _cuenta_reutilizable(
                    sesion, existente, ahora
                )
                if tomado or cliente_id is None:
                    # Mismo costo que el camino feliz: el hash señuelo del inicio de sesión.
                    contrasena_service.verificar(None, solicitud.contrasena)
                    if tomado:
                        raise Conflicto("Ya existe una cuenta con ese correo. Inicie sesión.")
                    raise DatosNoCoinciden()
                assert cliente_id is not None
                usuario = _guardar_usuario(sesion, existente, solicitud, correo, cliente_id, ahora)
                token = secrets.token_urlsafe(32)
                sesion.add(
                    VerificacionRegistro(
                        token_hash=hash_token(token),
                        usuario_id=usuario.id,
                        creado_en=ahora,
                        vence_en=ahora + VIGENCIA_TOKEN,
                    )
                )
                correo_id = correo_controller.encolar(
                    sesion,
                    correo,
                    "Verifique su correo: portal de clientes Ríos del Desierto",
                    _cuerpo_verificacion(usuario.nombre, enlace_verificacion(url_base, token)),
                    referencia=f"registro:{usuario.id}",
                )
                registro.cliente_id = cliente_id
                del_usuario = ContextoAuditoria(usuario.id, contexto.ip, contexto.clave_huella)
                registrar_en(sesion.connection(), del_usuario, registro, "ok", 201)
        except IntegrityError as error:
            # Dos registros a la vez con el mismo correo: el UNIQUE de usuarios.usuario decide.
            raise Conflicto("Ya existe una cuenta con ese correo. Inicie sesión.") from error
    return {"correo": correo, "verificacion": "pendiente"}, correo_id


def _guardar_usuario(
    sesion: Session,
    existente: Usuario | None,
    solicitud: SolicitudRegistro,
    correo: str,
    cliente_id: int,
    ahora: datetime,
) -> Usuario:
    usuario = existente or Usuario(usuario=correo, rol="cliente", creado_en=ahora)
    usuario.nombre = solicitud.nombre.strip()
    usuario.correo = correo
    usuario.cliente_id = cliente_id
    usuario.activo = True
    usuario.correo_verificado_en = None
    usuario.contrasena_hash = contrasena_service.generar_hash(solicitud.contrasena)
    sesion.add(usuario)
    sesion.flush()
    if existente is not None:  # los enlaces de la cuenta anterior dejan de valer
        sesion.execute(
            update(VerificacionRegistro)
            .where(VerificacionRegistro.usuario_id == usuario.id)
            .where(VerificacionRegistro.usado_en.is_(None))
            .values(usado_en=ahora)
        )
    return usuario


def _cuerpo_verificacion(nombre: str, enlace: str) -> str:
    horas = int(VIGENCIA_TOKEN.total_seconds() // 3600)
    return (
        f"Hola, {nombre}:\n\n"
        "Recibimos su registro en el portal de clientes de Ríos del Desierto. Para activar su "
        "cuenta, abra este enlace:\n\n"
        f"{enlace}\n\n"
        f"El enlace sirve una sola vez y vence en {horas} horas. Si usted no se registró, ignore "
        "este correo: sin verificar, la cuenta no se puede usar.\n\n"
        "Ríos del Desierto S.A.S. E.S.P.\n"
    )


def verificar(gateway: BaseDatosClient, token: str, contexto: ContextoAuditoria) -> dict[str, Any]:
    """Marca el correo como verificado con un token vigente y sin usar (400 si no lo es)."""
    ahora = ahora_utc()
    with (
        auditar(gateway, contexto, ACCION_VERIFICACION) as registro,
        gateway.session_scope() as sesion,
    ):
        verificacion = sesion.scalar(
            select(VerificacionRegistro).where(
                VerificacionRegistro.token_hash == hash_token(token or "")
            )
        )
        if verificacion is None:
            raise TokenInvalido()
        if verificacion.usado_en is not None:
            raise TokenInvalido(
                "Este enlace de verificación ya se usó. Si ya verificó su correo, inicie sesión."
            )
        if verificacion.vence_en <= ahora:
            raise TokenInvalido(
                "Este enlace de verificación venció. Regístrese de nuevo para recibir otro."
            )
        # Un solo uso también con dos peticiones a la vez: gana la que marca primero.
        marcado = (
            sesion.connection()
            .execute(
                update(VerificacionRegistro)
                .where(
                    VerificacionRegistro.id == verificacion.id,
                    VerificacionRegistro.usado_en.is_(None),
                )
                .values(usado_en=ahora)
            )
            .rowcount
        )
        if not marcado:
            raise TokenInvalido("Este enlace de verificación ya se usó.")
        usuario = sesion.get_one(Usuario, verificacion.usuario_id)
        usuario.correo_verificado_en = ahora
        registro.cliente_id = usuario.cliente_id
        registro_usuario = ContextoAuditoria(usuario.id, contexto.ip, contexto.clave_huella)
        sesion.flush()
        registrar_en(sesion.connection(), registro_usuario, registro, "ok", 200)
        return {"correo": usuario.correo or usuario.usuario, "verificacion": "verificada"}
