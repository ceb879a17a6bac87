"""Límite de intentos fallidos de inicio de sesión por dirección y por usuario (Flask-Limiter)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

ENDPOINT_LOGIN = "auth.login"


def _fallido(respuesta: Response) -> bool:
    return respuesta.status_code == 401


def _usuario_pedido() -> str:
    datos = request.get_json(silent=True)
    usuario = datos.get("usuario") if isinstance(datos, dict) else None
    return f"usuario:{str(usuario).strip().lower()[:60]}" if usuario else get_remote_address()


def configurar_limites(app: Flask) -> Limiter:
    """Solo cuentan los intentos fallidos; bloqueado, ni la contraseña correcta entra (429)."""
    limitador = Limiter(
        get_remote_address,
        app=app,
        storage_uri=app.config.get("REDIS_URL") or "memory://",
        headers_enabled=True,
        key_prefix="sac-limites",
    )
    vista = app.view_functions[ENDPOINT_LOGIN]
    por_usuario = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_USUARIO"]),
        key_func=_usuario_pedido,
        deduct_when=_fallido,
        scope="login-usuario",
    )
    por_direccion = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_IP"]), deduct_when=_fallido, scope="login-ip"
    )
    app.view_functions[ENDPOINT_LOGIN] = por_direccion(por_usuario(vista))  # type: ignore[assignment]
    _ganchos_solo_en_login(app, limitador)
    return limitador


def _ganchos_solo_en_login(app: Flask, limitador: Limiter) -> None:
    """Flask-Limiter engancha su chequeo, sus cabeceras y su limpieza a TODA petición; como solo
    se limita el inicio de sesión, en las demás se saltan (costaban ~10 % de cada consulta)."""
    registros: list[dict[Any, list[Any]]] = [
        app.before_request_funcs,
        app.after_request_funcs,
        app.teardown_request_funcs,
    ]
    for ganchos in registros:
        ganchos[None] = [
            _solo_en_login(gancho) if _es_del_limitador(gancho, limitador) else gancho
            for gancho in ganchos.get(None, [])
        ]


def _es_del_limitador(gancho: Any, limitador: Limiter) -> bool:
    if isinstance(gancho, partial):
        return any(argumento is limitador for argumento in gancho.args)
    return getattr(gancho, "__self__", None) is limitador


def _solo_en_login(gancho: Callable[..., Any]) -> Callable[..., Any]:
    def envoltura(*argumentos: Any) -> Any:
        if request.endpoint == ENDPOINT_LOGIN:
            return gancho(*argumentos)
        return argumentos[0] if argumentos else None  # after_request devuelve la respuesta

    return envoltura
