"""Límite de intentos fallidos de inicio de sesión por dirección y por usuario (Flask-Limiter)."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


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
    vista = app.view_functions["auth.login"]
    por_usuario = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_USUARIO"]),
        key_func=_usuario_pedido,
        deduct_when=_fallido,
        scope="login-usuario",
    )
    por_direccion = limitador.limit(
        lambda: str(app.config["LIMITE_LOGIN_IP"]), deduct_when=_fallido, scope="login-ip"
    )
    app.view_functions["auth.login"] = por_direccion(por_usuario(vista))  # type: ignore[assignment]
    return limitador
