"""Notas de llamadas: se crean, se listan de la más nueva a la más antigua y el autor puede
corregirlas durante `MINUTOS_EDICION` (la versión previa queda). Nunca se borran."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select, update

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cliente_controller import exigir_cliente
from controllers.paginacion import paginar
from errores import DatosInvalidos, NoEncontrado, Prohibido
from models import Usuario
from models.sac360 import NotaCliente, VersionNota
from services.tiempo_service import a_bogota, ahora_utc

MINUTOS_EDICION = 15
LARGO_TEXTO = 2000
LARGO_MOTIVO = 300

_NOTAS_DEL_CLIENTE = (
    select(
        NotaCliente.id,
        NotaCliente.texto,
        NotaCliente.motivo,
        NotaCliente.creada_en,
        NotaCliente.editada_en,
        NotaCliente.usuario_id,
        Usuario.usuario.label("autor_usuario"),
        Usuario.nombre.label("autor_nombre"),
    )
    .join(Usuario, Usuario.id == NotaCliente.usuario_id)
    .where(NotaCliente.cliente_id == bindparam("cliente_id"))
    .order_by(NotaCliente.creada_en.desc(), NotaCliente.id.desc())
)


def _texto(texto: str | None) -> str:
    limpio = (texto or "").strip()
    if not 1 <= len(limpio) <= LARGO_TEXTO:
        raise DatosInvalidos.de_campo(
            "texto", f"La nota debe tener entre 1 y {LARGO_TEXTO} caracteres."
        )
    return limpio


def _motivo(motivo: str | None) -> str | None:
    limpio = (motivo or "").strip()
    if len(limpio) > LARGO_MOTIVO:
        raise DatosInvalidos.de_campo(
            "motivo", f"El motivo admite como máximo {LARGO_MOTIVO} caracteres."
        )
    return limpio or None


def _publicas(conexion: Connection, filas: list[Row[Any]]) -> list[dict[str, Any]]:
    """Las notas con autor, horas de Bogotá y sus versiones anteriores (de la más antigua)."""
    versiones: dict[int, list[dict[str, Any]]] = defaultdict(list)
    ids = [fila.id for fila in filas]
    if ids:
        consulta = (
            select(VersionNota.nota_id, VersionNota.texto, VersionNota.reemplazada_en)
            .where(VersionNota.nota_id.in_(ids))
            .order_by(VersionNota.reemplazada_en, VersionNota.id)
        )
        for version in conexion.execute(consulta):
            versiones[version.nota_id].append(
                {"texto": version.texto, "reemplazada_en": a_bogota(version.reemplazada_en)}
            )
    return [
        {
            "id": fila.id,
            "texto": fila.texto,
            "motivo": fila.motivo,
            "autor": {"usuario": fila.autor_usuario, "nombre": fila.autor_nombre},
            "creada_en": a_bogota(fila.creada_en),
            "editada_en": a_bogota(fila.editada_en) if fila.editada_en else None,
            "versiones": versiones.get(fila.id, []),
        }
        for fila in filas
    ]


def ultimas(conexion: Connection, cliente_id: int, cantidad: int) -> list[dict[str, Any]]:
    """Las `cantidad` notas más nuevas del cliente (para el resumen)."""
    filas = conexion.execute(_NOTAS_DEL_CLIENTE.limit(cantidad), {"cliente_id": cliente_id}).all()
    return _publicas(conexion, list(filas))


def _nota(conexion: Connection, cliente_id: int, nota_id: int) -> dict[str, Any]:
    fila = conexion.execute(
        _NOTAS_DEL_CLIENTE.where(NotaCliente.id == nota_id), {"cliente_id": cliente_id}
    ).first()
    if fila is None:
        raise NoEncontrado("No existe esa nota para este cliente.")
    return _publicas(conexion, [fila])[0]


def crear(
    gateway: BaseDatosClient,
    cliente_id: int,
    usuario: UsuarioActual,
    texto: str,
    motivo: str | None,
) -> dict[str, Any]:
    limpio, motivo_limpio = _texto(texto), _motivo(motivo)
    with gateway.connection_scope() as conexion:
        exigir_cliente(conexion, cliente_id)
        nota_id = conexion.execute(
            insert(NotaCliente).values(
                cliente_id=cliente_id,
                usuario_id=usuario.id,
                texto=limpio,
                motivo=motivo_limpio,
                creada_en=ahora_utc(),
            )
        ).inserted_primary_key[0]
        return _nota(conexion, cliente_id, nota_id)


def listar(
    gateway: BaseDatosClient, cliente_id: int, pagina: int, por_pagina: int
) -> dict[str, Any]:
    with gateway.connection_scope() as conexion:
        exigir_cliente(conexion, cliente_id)
        sobre = paginar(
            conexion,
            _NOTAS_DEL_CLIENTE,
            pagina,
            por_pagina,
            lambda fila: fila,
            {"cliente_id": cliente_id},
        )
        sobre["items"] = _publicas(conexion, sobre["items"])
        return sobre


def editar(
    gateway: BaseDatosClient, cliente_id: int, nota_id: int, usuario: UsuarioActual, texto: str
) -> dict[str, Any]:
    """Solo el autor y dentro de `MINUTOS_EDICION` desde que la creó (403 si no); guarda la versión."""
    limpio = _texto(texto)
    with gateway.connection_scope() as conexion:
        exigir_cliente(conexion, cliente_id)
        actual = conexion.execute(
            select(NotaCliente.texto, NotaCliente.usuario_id, NotaCliente.creada_en)
            .where(NotaCliente.id == nota_id, NotaCliente.cliente_id == cliente_id)
            .with_for_update()
        ).first()
        if actual is None:
            raise NoEncontrado("No existe esa nota para este cliente.")
        if actual.usuario_id != usuario.id:
            raise Prohibido("Solo quien escribió la nota puede corregirla.")
        ahora = ahora_utc()
        if ahora - actual.creada_en > timedelta(minutes=MINUTOS_EDICION):
            raise Prohibido(
                f"La nota solo se puede corregir durante {MINUTOS_EDICION} minutos tras escribirla."
            )
        if limpio != actual.texto:
            conexion.execute(
                insert(VersionNota).values(
                    nota_id=nota_id, texto=actual.texto, reemplazada_en=ahora
                )
            )
            conexion.execute(
                update(NotaCliente)
                .where(NotaCliente.id == nota_id)
                .values(texto=limpio, editada_en=ahora)
            )
        return _nota(conexion, cliente_id, nota_id)
