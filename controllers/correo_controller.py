"""La bandeja de salida de correos, compartida por todos los módulos.

`encolar` escribe el correo en la transacción de quien lo causa (si esa transacción se revierte, el
correo no existe); `enviar_pendientes` lo despacha después, con reintentos y espera creciente: una
caída del servidor SMTP no pierde nada, y un error definitivo queda como `fallido` con su motivo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from clients.email_client import EmailClient, ErrorEnvio
from controllers.paginacion import paginar
from errores import DatosInvalidos
from models import AdjuntoCorreo, Correo
from services.importacion_service import PATRON_CORREO
from services.tiempo_service import a_bogota, ahora_utc

MAXIMO_INTENTOS = 8
# Espera antes del intento n+1: 1, 2, 4, 8, 16, 32 y 60 minutos.
ESPERA_BASE = timedelta(minutes=1)
ESPERA_MAXIMA = timedelta(hours=1)
# Mientras un despachador envía un correo, nadie más lo toma (dos procesos a la vez: cron y app).
RESERVA = timedelta(minutes=5)


@dataclass(frozen=True)
class Adjunto:
    nombre: str
    tipo_mime: str
    contenido: bytes


@dataclass
class ResumenEnvio:
    enviados: int = 0
    reintentar: int = 0
    fallidos: int = 0
    errores: list[str] = field(default_factory=list)


def encolar(
    sesion: Session,
    destinatario: str,
    asunto: str,
    cuerpo: str,
    adjuntos: list[Adjunto] | None = None,
    referencia: str | None = None,
) -> int:
    """Deja el correo en la bandeja dentro de la transacción de `sesion`; devuelve su id."""
    correo = (destinatario or "").strip().lower()
    if not PATRON_CORREO.match(correo) or len(correo) > 254:
        raise DatosInvalidos.de_campo("correo", "El correo del destinatario no es válido.")
    nuevo = Correo(
        destinatario=correo,
        asunto=asunto[:200],
        cuerpo=cuerpo,
        referencia=referencia,
        estado="pendiente",
        intentos=0,
        creado_en=ahora_utc(),
        proximo_intento_en=ahora_utc(),
        adjuntos=[
            AdjuntoCorreo(nombre=a.nombre, tipo_mime=a.tipo_mime, contenido=a.contenido)
            for a in adjuntos or []
        ],
    )
    sesion.add(nuevo)
    sesion.flush()
    return nuevo.id


def espera_tras(intentos: int) -> timedelta:
    """Espera creciente tras `intentos` fallidos (1, 2, 4... minutos, máximo una hora)."""
    espera: timedelta = ESPERA_BASE * (2 ** max(0, intentos - 1))
    return min(espera, ESPERA_MAXIMA)


def _mensaje(correo: Correo, remitente: str) -> EmailMessage:
    mensaje = EmailMessage()
    mensaje["From"] = remitente
    mensaje["To"] = correo.destinatario
    mensaje["Subject"] = correo.asunto
    mensaje["Message-ID"] = make_msgid(domain=remitente.rpartition("@")[2].strip(">") or None)
    mensaje.set_content(correo.cuerpo)
    for adjunto in correo.adjuntos:
        principal, _, secundario = adjunto.tipo_mime.partition("/")
        mensaje.add_attachment(
            adjunto.contenido,
            maintype=principal,
            subtype=secundario or "octet-stream",
            filename=adjunto.nombre,
        )
    return mensaje


def _reservar(
    gateway: BaseDatosClient, ahora: datetime, ids: list[int] | None, limite: int
) -> list[int]:
    """Toma los pendientes que tocan y los aparta por `RESERVA` (otro despachador no los repite)."""
    condiciones: list[ColumnElement[bool]] = [
        Correo.estado == "pendiente",
        Correo.proximo_intento_en <= ahora,
    ]
    if ids is not None:
        condiciones.append(Correo.id.in_(ids or [0]))
    with gateway.session_scope() as sesion:
        candidatos = sesion.scalars(
            select(Correo.id).where(*condiciones).order_by(Correo.id).limit(limite)
        ).all()
        tomados = []
        conexion = sesion.connection()
        for correo_id in candidatos:
            tomado = conexion.execute(
                update(Correo)
                .where(Correo.id == correo_id, *condiciones)
                .values(proximo_intento_en=ahora + RESERVA)
            ).rowcount
            if tomado:
                tomados.append(correo_id)
        return tomados


def enviar_pendientes(
    gateway: BaseDatosClient,
    cliente: EmailClient,
    remitente: str,
    ids: list[int] | None = None,
    limite: int = 200,
    ahora: datetime | None = None,
) -> ResumenEnvio:
    """Envía los correos pendientes cuyo turno llegó (o solo `ids`), cada uno en su transacción."""
    instante = ahora or ahora_utc()
    resumen = ResumenEnvio()
    for correo_id in _reservar(gateway, instante, ids, limite):
        with gateway.session_scope() as sesion:
            correo = sesion.get_one(Correo, correo_id)
            try:
                cliente.enviar(_mensaje(correo, remitente))
            except ErrorEnvio as error:
                correo.intentos += 1
                correo.ultimo_error = error.motivo[:300]
                if error.permanente or correo.intentos >= MAXIMO_INTENTOS:
                    correo.estado = "fallido"
                    resumen.fallidos += 1
                else:
                    correo.proximo_intento_en = ahora_utc() + espera_tras(correo.intentos)
                    resumen.reintentar += 1
                resumen.errores.append(f"correo {correo.id}: {error.motivo}")
                continue
            correo.intentos += 1
            correo.estado = "enviado"
            correo.enviado_en = ahora_utc()
            correo.ultimo_error = None
            resumen.enviados += 1
    return resumen


def _publico(correo: Correo, con_cuerpo: bool) -> dict[str, Any]:
    return {
        "id": correo.id,
        "destinatario": correo.destinatario,
        "asunto": correo.asunto,
        "cuerpo": correo.cuerpo if con_cuerpo else None,
        "adjuntos": [{"nombre": a.nombre, "tipo_mime": a.tipo_mime} for a in correo.adjuntos],
        "referencia": correo.referencia,
        "estado": correo.estado,
        "intentos": correo.intentos,
        "ultimo_error": correo.ultimo_error,
        "creado_en": a_bogota(correo.creado_en),
        "enviado_en": a_bogota(correo.enviado_en) if correo.enviado_en else None,
    }


def listar(
    gateway: BaseDatosClient,
    filtros: dict[str, Any],
    pagina: int,
    por_pagina: int,
    con_cuerpo: bool,
) -> dict[str, Any]:
    """La bandeja, la más reciente primero; el cuerpo solo si `con_cuerpo` (desarrollo)."""
    condiciones: list[ColumnElement[bool]] = []
    if filtros.get("destinatario"):
        condiciones.append(Correo.destinatario == str(filtros["destinatario"]).strip().lower())
    if filtros.get("estado"):
        condiciones.append(Correo.estado == filtros["estado"])
    consulta = (
        select(Correo).where(*condiciones).order_by(Correo.creado_en.desc(), Correo.id.desc())
    )
    with gateway.session_scope() as sesion:
        return paginar(
            sesion, consulta, pagina, por_pagina, lambda fila: _publico(fila[0], con_cuerpo)
        )


def remitente(config: dict[str, Any]) -> str:
    return formataddr(("SAC Ríos del Desierto", str(config["CORREO_REMITENTE"])))
