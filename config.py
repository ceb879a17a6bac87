"""Configuración leída del entorno (y de `.env` si existe) en el momento de crear la app."""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from dotenv import load_dotenv
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from services.gs1_service import validar_gln

RAIZ = Path(__file__).resolve().parent
SECRETO_DESARROLLO = "desarrollo-no-usar-en-produccion-0123456789abcdef"
LONGITUD_MINIMA_SECRETO = 32
# GLN de desarrollo (prefijo 770 de Colombia, dígito de control GS1 válido); no es de nadie.
GLN_DESARROLLO = "7709999000017"


class ConfiguracionInvalida(RuntimeError):
    """La configuración no permite arrancar (por ejemplo, secretos débiles en producción)."""


def _texto(nombre: str, por_defecto: str = "") -> str:
    """El valor de la variable sin espacios alrededor; ausente o vacía = `por_defecto`.

    `.env.example` deja vacías las opcionales (`SQLITE_PATH=""`): vacía significa «use el valor
    por defecto», nunca «cadena vacía» (con SQLite eso era una base en memoria que no guarda nada).
    """
    valor = os.environ.get(nombre, "").strip()
    return valor or por_defecto


def _entero(nombre: str, por_defecto: int) -> int:
    valor = _texto(nombre)
    if not valor:
        return por_defecto
    try:
        return int(valor)
    except ValueError as exc:
        raise ConfiguracionInvalida(f"{nombre} debe ser un número entero.") from exc


def _decimal(nombre: str, por_defecto: str) -> Decimal:
    valor = _texto(nombre, por_defecto)
    try:
        return Decimal(valor)
    except ArithmeticError as exc:
        raise ConfiguracionInvalida(f"{nombre} debe ser un número.") from exc


def _ruta(nombre: str, por_defecto: Path) -> str:
    """Ruta de archivo; una relativa se entiende desde la carpeta del proyecto (no desde el
    directorio en que se lance el comando)."""
    valor = _texto(nombre)
    if not valor or valor == ":memory:":
        return valor or str(por_defecto)
    return str(RAIZ / Path(valor).expanduser())


def cargar_configuracion(sobrescribir: dict[str, Any] | None = None) -> dict[str, Any]:
    """Arma la configuración desde variables de entorno; `sobrescribir` gana (pruebas)."""
    load_dotenv(RAIZ / ".env", override=False)
    entorno = _texto("APP_ENV", "development")
    produccion = entorno == "production"
    config: dict[str, Any] = {
        "APP_ENV": entorno,
        "SECRET_KEY": _texto("SECRET_KEY", "" if produccion else SECRETO_DESARROLLO),
        "JWT_SECRET_KEY": _texto("JWT_SECRET_KEY", "" if produccion else SECRETO_DESARROLLO),
        "DB_CLIENT": _texto("DB_CLIENT", "sqlite"),
        "DATABASE_URL": _texto("DATABASE_URL", ""),
        "SQLITE_PATH": _ruta("SQLITE_PATH", RAIZ / "instance" / "sac.db"),
        "SQLITE_BUSY_TIMEOUT_MS": _entero("SQLITE_BUSY_TIMEOUT_MS", 5000),
        "SQLSERVER_HOST": _texto("SQLSERVER_HOST", "localhost"),
        "SQLSERVER_PORT": _entero("SQLSERVER_PORT", 1433),
        "SQLSERVER_DB": _texto("SQLSERVER_DB", "sac"),
        "SQLSERVER_USER": _texto("SQLSERVER_USER", ""),
        "SQLSERVER_PASSWORD": _texto("SQLSERVER_PASSWORD", ""),
        "SQLSERVER_DRIVER": _texto("SQLSERVER_DRIVER", "ODBC Driver 18 for SQL Server"),
        "SQLSERVER_ENCRYPT": _texto("SQLSERVER_ENCRYPT", "yes"),
        "SQLSERVER_TRUST_CERT": _texto("SQLSERVER_TRUST_CERT", "no"),
        "SQLSERVER_TIMEOUT": _entero("SQLSERVER_TIMEOUT", 15),
        "UMBRAL_FIDELIZACION": _decimal("UMBRAL_FIDELIZACION", "5000000"),
        "COMPRAS_RECIENTES": _entero("COMPRAS_RECIENTES", 10),
        # Días que se conserva la auditoría (`flask auditoria depurar`); cinco años por defecto.
        "AUDITORIA_RETENCION_DIAS": _entero("AUDITORIA_RETENCION_DIAS", 1825),
        "MAX_CONTENT_LENGTH": _entero("MAX_CONTENT_LENGTH", 1024 * 1024),
        "IMPORTACION_MAX_BYTES": _entero("IMPORTACION_MAX_BYTES", 50 * 1024 * 1024),
        "REDIS_URL": _texto("REDIS_URL", ""),
        # Correo: SMTP si hay SMTP_HOST; si no, archivos .eml en CARPETA_CORREOS (desarrollo).
        "SMTP_HOST": _texto("SMTP_HOST", ""),
        "SMTP_PORT": _entero("SMTP_PORT", 587),
        "SMTP_USUARIO": _texto("SMTP_USUARIO", ""),
        "SMTP_CONTRASENA": _texto("SMTP_CONTRASENA", ""),
        "SMTP_TLS": _texto("SMTP_TLS", "starttls"),
        "SMTP_TIMEOUT": _entero("SMTP_TIMEOUT", 15),
        "CORREO_REMITENTE": _texto("CORREO_REMITENTE", "sac@riosdeldesierto.com.co"),
        "CARPETA_CORREOS": _texto("CARPETA_CORREOS", str(RAIZ / "instance" / "correos")),
        # Dirección pública del sitio: los enlaces de los correos (p. ej. verificar el registro).
        "URL_PUBLICA": _texto("URL_PUBLICA", "http://localhost:5000").rstrip("/"),
        # Orígenes permitidos para CORS, separados por comas; vacío = sin CORS.
        "CORS_ORIGENES": _texto("CORS_ORIGENES", ""),
        "PROXIES_CONFIABLES": _entero("PROXIES_CONFIABLES", 0),
        # Intentos fallidos de inicio de sesión permitidos (sintaxis de Flask-Limiter).
        "LIMITE_LOGIN_IP": _texto("LIMITE_LOGIN_IP", "20 per 5 minutes"),
        "LIMITE_LOGIN_USUARIO": _texto("LIMITE_LOGIN_USUARIO", "5 per 5 minutes"),
        # M8 Entregas: peticiones por segundo de cada dispositivo (sintaxis de Flask-Limiter).
        "LIMITE_INGESTA": _texto("LIMITE_INGESTA", "30 per second"),
        # M8 Entregas: tamaño máximo de un pedido, en bytes (64 KiB).
        "ENTREGAS_MAX_BYTES": _entero("ENTREGAS_MAX_BYTES", 64 * 1024),
        # M8 Entregas: canal de Redis de los eventos del monitor (con REDIS_URL).
        "ENTREGAS_CANAL_EVENTOS": _texto("ENTREGAS_CANAL_EVENTOS", "sac:entregas:eventos"),
        # M8 Entregas: segundos sin eventos tras los que el monitor recibe un latido (máximo 15).
        "ENTREGAS_LATIDO_SEGUNDOS": _entero("ENTREGAS_LATIDO_SEGUNDOS", 15),
        # M8 Entregas: sin Redis, cada cuántos segundos el monitor mira la base (otros workers).
        "ENTREGAS_SONDEO_MS": _entero("ENTREGAS_SONDEO_MS", 250),
        # M8 Entregas: duración máxima de una conexión de eventos (el navegador reconecta solo).
        "ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS": _entero("ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS", 600),
        # M6 Cuponeras: GLN (13 dígitos con dígito GS1) del recaudador en el código de barras.
        "GLN_RECAUDO": _texto("GLN_RECAUDO", GLN_DESARROLLO),
        # JWT: cabecera Bearer para integraciones y cookies httpOnly con CSRF para el navegador.
        "JWT_TOKEN_LOCATION": ["headers", "cookies"],
        "JWT_ACCESS_TOKEN_EXPIRES": timedelta(minutes=_entero("JWT_ACCESO_MINUTOS", 15)),
        "JWT_REFRESH_TOKEN_EXPIRES": timedelta(hours=_entero("JWT_REFRESCO_HORAS", 8)),
        "JWT_COOKIE_SECURE": produccion,
        "JWT_COOKIE_SAMESITE": "Lax",
        "JWT_COOKIE_CSRF_PROTECT": True,
        "JWT_SESSION_COOKIE": False,
        "JWT_ENCODE_ISSUER": "sac-rios-del-desierto",
        "JWT_DECODE_ISSUER": "sac-rios-del-desierto",
        "JWT_ENCODE_AUDIENCE": "sac-api",
        "JWT_DECODE_AUDIENCE": "sac-api",
        "JWT_ALGORITHM": "HS256",
        # OpenAPI y Swagger UI (flask-smorest), servidos sin CDN.
        "API_TITLE": "SAC Ríos del Desierto",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        "OPENAPI_SWAGGER_UI_URL": "/api/docs/recursos/",
        "JSON_SORT_KEYS": False,
    }
    config.update(sobrescribir or {})
    validar_configuracion(config)
    return config


def validar_configuracion(config: dict[str, Any]) -> None:
    """Nunca una base SQLite en memoria (salvo en las pruebas); en producción no se arranca con
    secretos ausentes, cortos o de desarrollo."""
    if config["APP_ENV"] not in ("development", "production", "testing"):
        raise ConfiguracionInvalida("APP_ENV debe ser 'development' o 'production'.")
    if config["APP_ENV"] != "testing" and sqlite_en_memoria(config):
        raise ConfiguracionInvalida(
            "La base de datos configurada es SQLite en memoria: no guardaría nada y cada proceso "
            "vería una base distinta. Defina SQLITE_PATH con la ruta de un archivo (o déjela vacía "
            "para usar instance/sac.db) o DATABASE_URL con una base real."
        )
    try:
        validar_gln(str(config.get("GLN_RECAUDO") or ""))
    except ValueError as error:
        raise ConfiguracionInvalida(str(error)) from error
    if config["APP_ENV"] != "production":
        return
    for nombre in ("SECRET_KEY", "JWT_SECRET_KEY"):
        secreto = str(config.get(nombre) or "")
        if len(secreto) < LONGITUD_MINIMA_SECRETO or secreto == SECRETO_DESARROLLO:
            raise ConfiguracionInvalida(
                f"{nombre} debe definirse en el entorno con al menos "
                f"{LONGITUD_MINIMA_SECRETO} caracteres aleatorios para producción."
            )


def sqlite_en_memoria(config: dict[str, Any]) -> bool:
    """¿La configuración apunta a una base SQLite en memoria (`sqlite://`, `sqlite:///`,
    `:memory:`, `mode=memory` o una ruta vacía)?"""
    url = str(config.get("DATABASE_URL") or "").strip()
    if url:
        try:
            direccion = make_url(url)
        except ArgumentError as exc:
            raise ConfiguracionInvalida("DATABASE_URL no es una URL de SQLAlchemy válida.") from exc
        if direccion.get_backend_name() != "sqlite":
            return False
        return _ruta_sqlite_en_memoria(direccion.database or "", direccion.query.get("mode"))
    if str(config.get("DB_CLIENT") or "sqlite") != "sqlite":
        return False
    return _ruta_sqlite_en_memoria(str(config.get("SQLITE_PATH") or ""), None)


def _ruta_sqlite_en_memoria(ruta: str, modo: object) -> bool:
    ruta = ruta.strip()
    return (
        not ruta
        or ruta == ":memory:"
        or ruta.startswith("file::memory:")
        or "mode=memory" in ruta
        or modo == "memory"
    )
