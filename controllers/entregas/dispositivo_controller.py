"""Dispositivos autorizados a registrar entregas: crear (la clave se muestra una vez), listar,
revocar, y reconocer la clave (y la firma) de cada petición."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar
from errores import Conflicto, DatosInvalidos, NoAutenticado, NoEncontrado
from models.entregas import Dispositivo, FirmaUsada
from services.entregas import claves_service
from services.tiempo_service import a_bogota, ahora_utc

VENTANA_FIRMA_SEGUNDOS = 300
MAXIMO_NOMBRE = 60


@dataclass(frozen=True)
class DispositivoAutenticado:
    id: int
    nombre: str
    firmar: bool
    clave_cifrada: str | None


@dataclass(frozen=True)
class DispositivoPublico:
    nombre: str
    firmar: bool
    demo: bool
    creado_en: datetime
    revocado_en: datetime | None

    @property
    def activo(self) -> bool:
        return self.revocado_en is None


def _nombre_valido(nombre: str) -> str:
    limpio = (nombre or "").strip()
    if not limpio or len(limpio) > MAXIMO_NOMBRE:
        raise DatosInvalidos.de_campo(
            "nombre", f"El nombre del dispositivo debe tener de 1 a {MAXIMO_NOMBRE} caracteres."
        )
    return limpio


def crear(
    gateway: BaseDatosClient,
    nombre: str,
    firmar: bool,
    secreto: str,
    contexto: ContextoAuditoria,
    clave: str | None = None,
    demo: bool = False,
) -> str:
    """Crea el dispositivo y devuelve su clave (la única vez que existe en claro)."""
    limpio = _nombre_valido(nombre)
    clave = clave or claves_service.nueva_clave()
    with auditar(gateway, contexto, "entregas.dispositivo.crear", nombre=limpio, firmar=firmar):
        try:
            with gateway.session_scope() as sesion:
                if sesion.scalar(select(Dispositivo.id).where(Dispositivo.nombre == limpio)):
                    raise Conflicto(f"Ya existe un dispositivo llamado {limpio!r}.")
                sesion.add(
                    Dispositivo(
                        nombre=limpio,
                        clave_hash=claves_service.huella_clave(clave),
                        clave_cifrada=(
                            claves_service.cifrar_clave(clave, secreto) if firmar else None
                        ),
                        firmar=firmar,
                        demo=demo,
                        creado_en=ahora_utc(),
                    )
                )
        except IntegrityError as error:
            raise Conflicto(f"Ya existe un dispositivo llamado {limpio!r}.") from error
    return clave


def listar(gateway: BaseDatosClient) -> list[DispositivoPublico]:
    with gateway.session_scope() as sesion:
        filas = sesion.scalars(select(Dispositivo).order_by(Dispositivo.nombre)).all()
        return [
            DispositivoPublico(
                fila.nombre,
                fila.firmar,
                fila.demo,
                a_bogota(fila.creado_en),
                a_bogota(fila.revocado_en) if fila.revocado_en else None,
            )
            for fila in filas
        ]


def revocar(gateway: BaseDatosClient, nombre: str, contexto: ContextoAuditoria) -> bool:
    """Revoca el dispositivo; devuelve False si ya estaba revocado."""
    limpio = (nombre or "").strip()
    with (
        auditar(gateway, contexto, "entregas.dispositivo.revocar", nombre=limpio),
        gateway.session_scope() as sesion,
    ):
        fila = sesion.scalar(select(Dispositivo).where(Dispositivo.nombre == limpio))
        if fila is None:
            raise NoEncontrado(f"No existe un dispositivo llamado {limpio!r}.")
        if fila.revocado_en is not None:
            return False
        fila.revocado_en = ahora_utc()
        return True


def existe(gateway: BaseDatosClient, nombre: str) -> bool:
    with gateway.session_scope() as sesion:
        return sesion.scalar(select(Dispositivo.id).where(Dispositivo.nombre == nombre)) is not None


def autenticar(
    gateway: BaseDatosClient, clave: str | None, produccion: bool
) -> DispositivoAutenticado:
    """El dispositivo de la clave; 401 si falta, no existe o está revocado (y el de demostración
    no sirve en producción)."""
    if not clave:
        raise NoAutenticado("Falta la clave del dispositivo (cabecera X-Api-Key).")
    with gateway.session_scope() as sesion:
        fila = sesion.scalar(
            select(Dispositivo).where(Dispositivo.clave_hash == claves_service.huella_clave(clave))
        )
        if fila is None or fila.revocado_en is not None or (fila.demo and produccion):
            raise NoAutenticado("La clave del dispositivo no es válida o fue revocada.")
        return DispositivoAutenticado(fila.id, fila.nombre, fila.firmar, fila.clave_cifrada)


def verificar_firma(
    gateway: BaseDatosClient,
    dispositivo: DispositivoAutenticado,
    cabecera: str | None,
    cuerpo: bytes,
    secreto: str,
    ahora: datetime | None = None,
) -> None:
    """Para un dispositivo que firma: `X-Firma` válida, dentro de la ventana y nunca usada."""
    if not dispositivo.firmar:
        return
    firma = claves_service.leer_firma(cabecera or "")
    if firma is None:
        raise NoAutenticado(
            "Este dispositivo debe firmar: falta o no es válida la cabecera X-Firma."
        )
    t, v1 = firma
    segundos = int((ahora or ahora_utc()).timestamp())
    if abs(segundos - t) > VENTANA_FIRMA_SEGUNDOS:
        raise NoAutenticado("La firma venció: revise el reloj del dispositivo (ventana de 300 s).")
    clave = claves_service.descifrar_clave(dispositivo.clave_cifrada or "", secreto)
    if clave is None or not claves_service.firma_valida(clave, t, v1, cuerpo):
        raise NoAutenticado("La firma X-Firma no corresponde al cuerpo enviado.")
    try:
        with gateway.session_scope() as sesion:
            sesion.execute(
                delete(FirmaUsada).where(FirmaUsada.t < segundos - 2 * VENTANA_FIRMA_SEGUNDOS)
            )
            sesion.add(FirmaUsada(dispositivo_id=dispositivo.id, t=t, v1=v1))
    except IntegrityError as error:
        raise NoAutenticado("Esta firma ya se usó: cada petición lleva una firma nueva.") from error
