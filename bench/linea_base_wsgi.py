"""Línea base de la consulta: WSGI crudo con `sqlite3` y PyJWT sobre la misma base.

Hace el mismo trabajo que `GET /api/clientes/buscar` y nada más: verifica el token HS256 (firma,
expiración, emisor y audiencia de la app), que su sesión no esté revocada (una consulta indexada a
`sesiones`), busca el cliente por tipo y número, sus 10 compras más recientes y los totales pagados
de este mes y del anterior (meses de Bogotá en UTC), escribe la fila de auditoría y responde JSON.
Se sirve con la misma configuración de gunicorn: `gunicorn -c gunicorn.conf.py
'bench.linea_base_wsgi:crear_app()'`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs

import jwt

BOGOTA = timezone(timedelta(hours=-5))  # sin horario de verano
FORMATO_BASE = "%Y-%m-%d %H:%M:%S.%f"  # como SQLAlchemy guarda DATETIME en SQLite
_DOCUMENTO = re.compile(r"^[0-9A-Z]{3,20}$")
_LIMPIAR = re.compile(r"[\s.\-]")

Respuesta = Callable[[str, list[tuple[str, str]]], Any]

CONSULTA_SESION = (
    "SELECT u.id, u.rol FROM sesiones s JOIN usuarios u ON u.id = s.usuario_id "
    "WHERE s.id = ? AND s.usuario_id = ? AND s.revocada_en IS NULL AND s.expira_en > ? "
    "AND u.activo = 1"
)
CONSULTA_CLIENTE = (
    "SELECT c.id, t.codigo, t.nombre, c.numero_documento, c.nombre, c.apellido, c.correo, "
    "c.telefono, c.ciudad, c.direccion, c.fecha_registro, c.activo FROM clientes c "
    "JOIN tipos_documento t ON t.id = c.tipo_documento_id "
    "WHERE t.codigo = ? AND c.numero_documento = ?"
)
CONSULTA_COMPRAS = (
    "SELECT id, numero_factura, fecha, total, estado, canal, tienda FROM compras "
    "WHERE cliente_id = ? ORDER BY fecha DESC, id DESC LIMIT ?"
)
# El estado va en el CASE: en el WHERE, SQLite preferiría el índice (estado, fecha) del reporte.
CONSULTA_TOTALES = (
    "SELECT coalesce(sum(CASE WHEN estado = 'pagada' AND fecha >= ?1 AND fecha < ?2 "
    "THEN total END), 0), "
    "count(CASE WHEN estado = 'pagada' AND fecha >= ?1 AND fecha < ?2 THEN 1 END), "
    "coalesce(sum(CASE WHEN estado = 'pagada' AND fecha >= ?3 AND fecha < ?4 "
    "THEN total END), 0), "
    "count(CASE WHEN estado = 'pagada' AND fecha >= ?3 AND fecha < ?4 THEN 1 END) "
    "FROM compras WHERE cliente_id = ?5 AND fecha >= ?3 AND fecha < ?2"
)
INSERTAR_AUDITORIA = (
    "INSERT INTO auditoria (fecha, usuario_id, ip, accion, cliente_id, tipo_documento, "
    "documento_huella, parametros, resultado, estado_http) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _a_base(instante: datetime) -> str:
    return instante.astimezone(UTC).strftime(FORMATO_BASE)


def _a_bogota(texto: str) -> str:
    return datetime.fromisoformat(texto).replace(tzinfo=UTC).astimezone(BOGOTA).isoformat()


def _meses_utc(ahora: datetime) -> tuple[str, str, str, str, str, str]:
    """Inicio de este mes, del siguiente y del anterior (Bogotá) en UTC, y sus nombres."""
    local = ahora.astimezone(BOGOTA)
    este = datetime(local.year, local.month, 1, tzinfo=BOGOTA)
    siguiente = datetime(local.year + local.month // 12, local.month % 12 + 1, 1, tzinfo=BOGOTA)
    anterior = datetime(
        local.year - (local.month == 1), (local.month - 2) % 12 + 1, 1, tzinfo=BOGOTA
    )
    return (
        _a_base(este),
        _a_base(siguiente),
        _a_base(anterior),
        f"{este:%Y-%m}",
        f"{anterior:%Y-%m}",
        _a_base(ahora),
    )


def crear_app() -> Callable[[dict[str, Any], Respuesta], Iterable[bytes]]:
    """La app WSGI; lee la base y los secretos del entorno, como la app del proyecto."""
    ruta = os.environ["SQLITE_PATH"]
    secreto_jwt = os.environ["JWT_SECRET_KEY"]
    clave_huella = os.environ["SECRET_KEY"].encode()
    umbral = float(os.environ.get("UMBRAL_FIDELIZACION", "5000000"))
    local = threading.local()

    def conexion() -> sqlite3.Connection:
        actual: sqlite3.Connection | None = getattr(local, "conexion", None)
        if actual is None:
            actual = sqlite3.connect(ruta, timeout=5, isolation_level=None)
            for pragma in (
                "journal_mode=WAL",
                "foreign_keys=ON",
                "busy_timeout=5000",
                "synchronous=NORMAL",
                "cache_size=-65536",
                "mmap_size=1073741824",
                "temp_store=MEMORY",
            ):
                actual.execute(f"PRAGMA {pragma}")
            local.conexion = actual
        return actual

    def responder(iniciar: Respuesta, estado: str, cuerpo: dict[str, Any]) -> Iterable[bytes]:
        datos = json.dumps(cuerpo, ensure_ascii=False).encode()
        iniciar(
            estado,
            [("Content-Type", "application/json"), ("Content-Length", str(len(datos)))],
        )
        return [datos]

    def aplicacion(entorno: dict[str, Any], iniciar: Respuesta) -> Iterable[bytes]:
        if entorno.get("PATH_INFO") != "/api/clientes/buscar":
            return responder(iniciar, "404 Not Found", {"error": {"code": "no_encontrado"}})
        autorizacion = entorno.get("HTTP_AUTHORIZATION", "")
        try:
            datos = jwt.decode(
                autorizacion.removeprefix("Bearer "),
                secreto_jwt,
                algorithms=["HS256"],
                audience="sac-api",
                issuer="sac-rios-del-desierto",
            )
            sid, usuario_id = str(datos["sid"]), int(datos["sub"])
            if datos.get("type") != "access":
                raise jwt.InvalidTokenError("no es un token de acceso")
        except (jwt.PyJWTError, KeyError, ValueError):
            return responder(iniciar, "401 Unauthorized", {"error": {"code": "no_autenticado"}})
        ahora = datetime.now(UTC)
        este, siguiente, anterior, nombre_este, nombre_anterior, ahora_base = _meses_utc(ahora)
        base = conexion()
        if base.execute(CONSULTA_SESION, (sid, usuario_id, ahora_base)).fetchone() is None:
            return responder(iniciar, "401 Unauthorized", {"error": {"code": "no_autenticado"}})
        consulta = parse_qs(entorno.get("QUERY_STRING", ""))
        tipo = consulta.get("tipo_documento", [""])[0].strip().upper()
        numero = _LIMPIAR.sub("", consulta.get("numero_documento", [""])[0]).upper()
        if not _DOCUMENTO.match(numero):
            return responder(iniciar, "422 Unprocessable Entity", {"error": {"code": "invalido"}})
        huella = hmac.new(clave_huella, f"{tipo}:{numero}".encode(), hashlib.sha256).hexdigest()
        cliente = base.execute(CONSULTA_CLIENTE, (tipo, numero)).fetchone()
        auditoria = [ahora_base, usuario_id, entorno.get("REMOTE_ADDR"), "consulta"]
        parametros = json.dumps({"tipo_documento": tipo})
        if cliente is None:
            base.execute(
                INSERTAR_AUDITORIA,
                (*auditoria, None, tipo, huella, parametros, "no_encontrado", 404),
            )
            return responder(iniciar, "404 Not Found", {"error": {"code": "no_encontrado"}})
        compras = base.execute(CONSULTA_COMPRAS, (cliente[0], 10)).fetchall()
        totales = base.execute(
            CONSULTA_TOTALES, (este, siguiente, anterior, este, cliente[0])
        ).fetchone()
        base.execute(
            INSERTAR_AUDITORIA, (*auditoria, cliente[0], tipo, huella, parametros, "ok", 200)
        )
        total_este, total_anterior = round(totales[0], 2), round(totales[2], 2)
        return responder(
            iniciar,
            "200 OK",
            {
                "cliente": {
                    "id": cliente[0],
                    "tipo_documento": cliente[1],
                    "tipo_documento_nombre": cliente[2],
                    "numero_documento": cliente[3],
                    "nombre": cliente[4],
                    "apellido": cliente[5],
                    "correo": cliente[6],
                    "telefono": cliente[7],
                    "ciudad": cliente[8],
                    "direccion": cliente[9],
                    "fecha_registro": _a_bogota(cliente[10]),
                    "activo": bool(cliente[11]),
                },
                "compras": [
                    {
                        "id": fila[0],
                        "numero_factura": fila[1],
                        "fecha": _a_bogota(fila[2]),
                        "total": round(fila[3], 2),
                        "estado": fila[4],
                        "canal": fila[5],
                        "tienda": fila[6],
                    }
                    for fila in compras
                ],
                "totales": {
                    "mes_actual": {"mes": nombre_este, "total": total_este, "compras": totales[1]},
                    "mes_anterior": {
                        "mes": nombre_anterior,
                        "total": total_anterior,
                        "compras": totales[3],
                    },
                    "total_mes_actual": total_este,
                    "total_mes_anterior": total_anterior,
                },
                "fidelizacion": {
                    "umbral": umbral,
                    "mes": nombre_anterior,
                    "califica": total_anterior > umbral,
                },
            },
        )

    return aplicacion
