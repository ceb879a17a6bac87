"""Límites de peticiones (Flask-Limiter): intentos fallidos de inicio de sesión por dirección y por
usuario (y de las rutas públicas que los módulos declaran igual, p. ej. el registro de M6 por
dirección y por correo), y los límites que declaran los módulos para sus rutas (p. ej. la ingesta
de M8 por dispositivo). Fuera de esas rutas los ganchos del limitador no corren (costaban ~10 % de
cada consulta)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

ENDPOINT_LOGIN = "auth.login"
# Con Redis caído, cada intento espera como mucho esto antes de seguir con el almacén en memoria.
ESPERA_REDIS_SEGUNDOS = 0.5


@dataclass(frozen=True)
class LimiteRuta:
    """Un límite que un módulo pide para sus rutas.

    `configuracion`: nombre de la variable de configuración con el límite (sintaxis de
    Flask-Limiter, p. ej. "30 per second"); se lee en cada petición. `clave`: a quién se cuenta
    (el dispositivo, el usuario...). Las rutas de un mismo `alcance` comparten el contador.
    """

    endpoints: tuple[str, ...]
    configuracion: str
    clave: Callable[[], str]
    alcance: str


@dataclass(frozen=True)
class LimiteFallidos:
    """Una ruta pública donde solo los intentos fallidos cuentan, por dirección y por la identidad
    que se intenta (el campo `campo` del JSON: el usuario del inicio de sesión, el correo del
    registro), con los mismos límites del inicio de sesión (`LIMITE_LOGIN_IP` y
    `LIMITE_LOGIN_USUARIO`). Bloqueado, ni un intento correcto pasa (429). `alcance` separa sus
    contadores de los de otras rutas."""

    endpoint: str
    campo: str
    alcance: str
    fallido: Callable[[Response], bool]
    largo_campo: int = 60


def _credenciales_erradas(respuesta: Response) -> bool:
    return respuesta.status_code == 401


LOGIN = LimiteFallidos(ENDPOINT_LOGIN, "usuario", "login", _credenciales_erradas)


def _identidad_pedida(campo: str, largo: int) -> str:
    datos = request.get_json(silent=True)
    valor = datos.get(campo) if isinstance(datos, dict) else None
    return f"{campo}:{str(valor).strip().lower()[:largo]}" if valor else get_remote_address()


def _limitar_fallidos(app: Flask, limitador: Limiter, limite: LimiteFallidos) -> None:
    vista = app.view_functions[limite.endpoint]
    por_identidad = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_USUARIO"]),
        key_func=partial(_identidad_pedida, limite.campo, limite.largo_campo),
        deduct_when=limite.fallido,
        scope=f"{limite.alcance}-{limite.campo}",
    )
    por_direccion = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_IP"]),
        deduct_when=limite.fallido,
        scope=f"{limite.alcance}-ip",
    )
    app.view_functions[limite.endpoint] = por_direccion(por_identidad(vista))  # type: ignore[assignment]


def configurar_limites(app: Flask, limites: Sequence[LimiteRuta | LimiteFallidos] = ()) -> Limiter:
    """En el inicio de sesión (y en cada `LimiteFallidos` de `limites`) solo cuentan los intentos
    fallidos; bloqueado, ni la contraseña correcta entra (429). Los `LimiteRuta` cuentan toda
    petición. 429 con `Retry-After`.

    Con `REDIS_URL` los intentos se cuentan en Redis, compartidos por todos los workers y
    procesos. Si Redis no responde, el inicio de sesión sigue funcionando (falla abierto) con los
    mismos límites contados en la memoria de cada worker (Flask-Limiter `in_memory_fallback`), y
    vuelve a Redis solo cuando Redis vuelve; el paso a memoria queda como aviso en el registro.
    """
    redis = app.config.get("REDIS_URL") or ""
    opciones: dict[str, Any] = (
        {
            "socket_connect_timeout": ESPERA_REDIS_SEGUNDOS,
            "socket_timeout": ESPERA_REDIS_SEGUNDOS,
        }
        if redis
        else {}
    )
    limitador = Limiter(
        get_remote_address,
        app=app,
        storage_uri=redis or "memory://",
        storage_options=opciones,
        headers_enabled=True,
        key_prefix="sac-limites",
        # Redis caído: los mismos límites en memoria, y un error al descontar no tumba el login.
        in_memory_fallback_enabled=bool(redis),
        swallow_errors=True,
    )
    _avisos_en_espanol()
    limitados: set[str] = set()
    for fallidos in (LOGIN, *(x for x in limites if isinstance(x, LimiteFallidos))):
        _limitar_fallidos(app, limitador, fallidos)
        limitados.add(fallidos.endpoint)
    for limite in (x for x in limites if isinstance(x, LimiteRuta)):
        decorador = limitador.limit(
            partial(_leer_limite, app, limite.configuracion),
            key_func=limite.clave,
            scope=limite.alcance,
        )
        for endpoint in limite.endpoints:
            app.view_functions[endpoint] = decorador(app.view_functions[endpoint])  # type: ignore[assignment]
            limitados.add(endpoint)
    _ganchos_solo_en(app, limitador, frozenset(limitados))
    return limitador


def _leer_limite(app: Flask, nombre: str) -> str:
    return str(app.config[nombre])


def _ganchos_solo_en(app: Flask, limitador: Limiter, endpoints: Collection[str]) -> None:
    """Flask-Limiter engancha su chequeo, sus cabeceras y su limpieza a TODA petición; solo se
    limitan unas rutas, así que en las demás se saltan."""
    registros: list[dict[Any, list[Any]]] = [
        app.before_request_funcs,
        app.after_request_funcs,
        app.teardown_request_funcs,
    ]
    for ganchos in registros:
        ganchos[None] = [
            _solo_en(gancho, endpoints) if _es_del_limitador(gancho, limitador) else gancho
            for gancho in ganchos.get(None, [])
        ]


def _es_del_limitador(gancho: Any, limitador: Limiter) -> bool:
    if isinstance(gancho, partial):
        return any(argumento is limitador for argumento in gancho.args)
    return getattr(gancho, "__self__", None) is limitador


def _solo_en(gancho: Callable[..., Any], endpoints: Collection[str]) -> Callable[..., Any]:
    def envoltura(*argumentos: Any) -> Any:
        if request.endpoint in endpoints:
            return gancho(*argumentos)
        return argumentos[0] if argumentos else None  # after_request devuelve la respuesta

    return envoltura


AVISOS_LIMITADOR = {
    "Rate limit storage unreachable - falling back to in-memory storage": (
        "Redis (REDIS_URL) no responde: los límites de peticiones (inicio de sesión, ingesta) se "
        "cuentan en la memoria de cada worker hasta que vuelva."
    ),
    "Rate limit storage recovered": "Redis volvió: los límites de peticiones se comparten otra vez.",
    "Failed to deduct rate limit. Swallowing error": (
        "No se pudo contar un intento para un límite de peticiones (almacén de límites caído)."
    ),
    "Failed to rate limit. Swallowing error": (
        "No se pudo consultar un límite de peticiones (almacén de límites caído)."
    ),
}


class _AvisosDelLimitador(logging.Filter):
    """Los avisos de Flask-Limiter (Redis caído o de vuelta) en español y por el registro JSON."""

    def filter(self, evento: logging.LogRecord) -> bool:
        traduccion = AVISOS_LIMITADOR.get(evento.getMessage())
        if traduccion is not None:
            evento.msg, evento.args = traduccion, ()
        evento.name = "sac.limites"
        return True


def _avisos_en_espanol() -> None:
    registro = logging.getLogger("flask-limiter")
    if any(isinstance(filtro, _AvisosDelLimitador) for filtro in registro.filters):
        return
    registro.addFilter(_AvisosDelLimitador())
    for manejador in logging.getLogger("sac").handlers:
        registro.addHandler(manejador)
    registro.propagate = False
