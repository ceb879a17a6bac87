"""Configuración leída del entorno (y de `.env` si existe) en el momento de crear la app."""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from dotenv import load_dotenv

RAIZ = Path(__file__).resolve().parent
SECRETO_DESARROLLO = "desarrollo-no-usar-en-produccion-0123456789abcdef"
LONGITUD_MINIMA_SECRETO = 32


class ConfiguracionInvalida(RuntimeError):
    """La configuración no permite arrancar (por ejemplo, secretos débiles en producción)."""


def _entero(nombre: str, por_defecto: int) -> int:
    valor = os.environ.get(nombre)
    if valor is None or valor == "":
        return por_defecto
    try:
        return int(valor)
    except ValueError as exc:
        raise ConfiguracionInvalida(f"{nombre} debe ser un número entero.") from exc


def cargar_configuracion(sobrescribir: dict[str, Any] | None = None) -> dict[str, Any]:
    """Arma la configuración desde variables de entorno; `sobrescribir` gana (pruebas)."""
    load_dotenv(RAIZ / ".env", override=False)
    entorno = os.environ.get("APP_ENV", "development")
    produccion = entorno == "production"
    config: dict[str, Any] = {
        "APP_ENV": entorno,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or ("" if produccion else SECRETO_DESARROLLO),
        "JWT_SECRET_KEY": os.environ.get("JWT_SECRET_KEY")
        or ("" if produccion else SECRETO_DESARROLLO),
        "DB_CLIENT": os.environ.get("DB_CLIENT", "sqlite"),
        "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
        "SQLITE_PATH": os.environ.get("SQLITE_PATH", str(RAIZ / "instance" / "sac.db")),
        "SQLITE_BUSY_TIMEOUT_MS": _entero("SQLITE_BUSY_TIMEOUT_MS", 5000),
        "SQLSERVER_HOST": os.environ.get("SQLSERVER_HOST", "localhost"),
        "SQLSERVER_PORT": _entero("SQLSERVER_PORT", 1433),
        "SQLSERVER_DB": os.environ.get("SQLSERVER_DB", "sac"),
        "SQLSERVER_USER": os.environ.get("SQLSERVER_USER", ""),
        "SQLSERVER_PASSWORD": os.environ.get("SQLSERVER_PASSWORD", ""),
        "SQLSERVER_DRIVER": os.environ.get("SQLSERVER_DRIVER", "ODBC Driver 18 for SQL Server"),
        "SQLSERVER_ENCRYPT": os.environ.get("SQLSERVER_ENCRYPT", "yes"),
        "SQLSERVER_TRUST_CERT": os.environ.get("SQLSERVER_TRUST_CERT", "no"),
        "SQLSERVER_TIMEOUT": _entero("SQLSERVER_TIMEOUT", 15),
        "UMBRAL_FIDELIZACION": Decimal(os.environ.get("UMBRAL_FIDELIZACION", "5000000")),
        "COMPRAS_RECIENTES": _entero("COMPRAS_RECIENTES", 10),
        # Días que se conserva la auditoría (`flask auditoria depurar`); cinco años por defecto.
        "AUDITORIA_RETENCION_DIAS": _entero("AUDITORIA_RETENCION_DIAS", 1825),
        "MAX_CONTENT_LENGTH": _entero("MAX_CONTENT_LENGTH", 1024 * 1024),
        "IMPORTACION_MAX_BYTES": _entero("IMPORTACION_MAX_BYTES", 50 * 1024 * 1024),
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        # Correo: SMTP si hay SMTP_HOST; si no, archivos .eml en CARPETA_CORREOS (desarrollo).
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": _entero("SMTP_PORT", 587),
        "SMTP_USUARIO": os.environ.get("SMTP_USUARIO", ""),
        "SMTP_CONTRASENA": os.environ.get("SMTP_CONTRASENA", ""),
        "SMTP_TLS": os.environ.get("SMTP_TLS") or "starttls",
        "SMTP_TIMEOUT": _entero("SMTP_TIMEOUT", 15),
        "CORREO_REMITENTE": os.environ.get("CORREO_REMITENTE") or "sac@riosdeldesierto.com.co",
        "CARPETA_CORREOS": os.environ.get("CARPETA_CORREOS") or str(RAIZ / "instance" / "correos"),
        # Orígenes permitidos para CORS, separados por comas; vacío = sin CORS.
        "CORS_ORIGENES": os.environ.get("CORS_ORIGENES", ""),
        "PROXIES_CONFIABLES": _entero("PROXIES_CONFIABLES", 0),
        # Intentos fallidos de inicio de sesión permitidos (sintaxis de Flask-Limiter).
        "LIMITE_LOGIN_IP": os.environ.get("LIMITE_LOGIN_IP", "20 per 5 minutes"),
        "LIMITE_LOGIN_USUARIO": os.environ.get("LIMITE_LOGIN_USUARIO", "5 per 5 minutes"),
        # M8 Entregas: peticiones por segundo de cada dispositivo (sintaxis de Flask-Limiter).
        "LIMITE_INGESTA": os.environ.get("LIMITE_INGESTA", "30 per second"),
        # M8 Entregas: tamaño máximo de un pedido, en bytes (64 KiB).
        "ENTREGAS_MAX_BYTES": _entero("ENTREGAS_MAX_BYTES", 64 * 1024),
        # M8 Entregas: canal de Redis de los eventos del monitor (con REDIS_URL).
        "ENTREGAS_CANAL_EVENTOS": os.environ.get("ENTREGAS_CANAL_EVENTOS")
        or "sac:entregas:eventos",
        # M8 Entregas: segundos sin eventos tras los que el monitor recibe un latido (máximo 15).
        "ENTREGAS_LATIDO_SEGUNDOS": _entero("ENTREGAS_LATIDO_SEGUNDOS", 15),
        # M8 Entregas: sin Redis, cada cuántos segundos el monitor mira la base (otros workers).
        "ENTREGAS_SONDEO_SEGUNDOS": _entero("ENTREGAS_SONDEO_SEGUNDOS", 2),
        # M8 Entregas: duración máxima de una conexión de eventos (el navegador reconecta solo).
        "ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS": _entero("ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS", 600),
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
    """En producción no se arranca con secretos ausentes, cortos o de desarrollo."""
    if config["APP_ENV"] not in ("development", "production", "testing"):
        raise ConfiguracionInvalida("APP_ENV debe ser 'development' o 'production'.")
    if config["APP_ENV"] != "production":
        return
    for nombre in ("SECRET_KEY", "JWT_SECRET_KEY"):
        secreto = str(config.get(nombre) or "")
        if len(secreto) < LONGITUD_MINIMA_SECRETO or secreto == SECRETO_DESARROLLO:
            raise ConfiguracionInvalida(
                f"{nombre} debe definirse en el entorno con al menos "
                f"{LONGITUD_MINIMA_SECRETO} caracteres aleatorios para producción."
            )
