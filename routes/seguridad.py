"""JWT (flask-jwt-extended): sesiones revocables, errores en la forma única y control de roles."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Response, current_app, g, request
from flask_jwt_extended import JWTManager, verify_jwt_in_request
from flask_jwt_extended.config import config as configuracion_jwt
from flask_jwt_extended.default_callbacks import default_decode_key_callback
from flask_jwt_extended.tokens import _decode_jwt
from jwt import ExpiredSignatureError

from controllers import auth_controller
from controllers.auditoria_controller import ContextoAuditoria
from controllers.auth_controller import UsuarioActual
from errores import NoAutenticado, Prohibido
from routes.contexto import gateway
from routes.respuestas import respuesta_error
from services import permisos_service

F = TypeVar("F", bound=Callable[..., Any])


class GestorJwt(JWTManager):
    """JWTManager que verifica el token con una sola decodificación.

    La biblioteca decodifica cada token dos veces antes de verificarlo (sin firma, para ofrecer los
    datos a un `decode_key_loader` que elija la llave por token); aquí la llave es siempre la misma
    (`JWT_SECRET_KEY`), y PyJWT 2.15 revisa cada segmento carácter por carácter: esas pasadas
    costaban ~10 % de cada consulta. La verificación es la misma (`_decode_jwt` de la biblioteca:
    firma, `exp`, `iss`, `aud`, CSRF); un token vencido va por el camino original, que adjunta
    cabecera y datos al error.
    """

    def _decode_jwt_from_config(
        self, encoded_token: str, csrf_value: str | None = None, allow_expired: bool = False
    ) -> dict[str, Any]:
        if allow_expired or self._decode_key_callback is not default_decode_key_callback:
            # Un `decode_key_loader` propio sí necesita los datos sin verificar: camino original.
            return cast(
                dict[str, Any],
                super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired),
            )
        try:
            return cast(
                dict[str, Any],
                _decode_jwt(
                    algorithms=configuracion_jwt.decode_algorithms,
                    allow_expired=False,
                    audience=configuracion_jwt.decode_audience,
                    csrf_value=cast(str, csrf_value),  # None = sin CSRF, como en la biblioteca
                    encoded_token=encoded_token,
                    identity_claim_key=configuracion_jwt.identity_claim_key,
                    issuer=configuracion_jwt.decode_issuer,
                    leeway=configuracion_jwt.leeway,
                    secret=configuracion_jwt.decode_key,
                    verify_aud=configuracion_jwt.decode_audience is not None,
                    verify_sub=configuracion_jwt.verify_sub,
                ),
            )
        except ExpiredSignatureError:
            return cast(dict[str, Any], super()._decode_jwt_from_config(encoded_token, csrf_value))


def configurar_jwt(jwt: JWTManager) -> None:
    """Sesión vigente y usuario activo en cada petición; todo fallo de token responde 401."""

    @jwt.token_in_blocklist_loader
    def _sesion_revocada(_cabecera: dict[str, Any], datos: dict[str, Any]) -> bool:
        sid = datos.get("sid")
        try:
            usuario_id = int(datos.get("sub", ""))
        except ValueError:
            return True
        if not isinstance(sid, str):
            return True
        usuario = auth_controller.usuario_de_sesion(gateway(), sid, usuario_id)
        g.sac_usuario = usuario
        if usuario is None and datos.get("type") == "refresh":
            contexto = ContextoAuditoria(
                usuario_id, request.remote_addr, current_app.config["SECRET_KEY"]
            )
            auth_controller.revocar_familia_si_reuso(gateway(), sid, usuario_id, contexto)
        return usuario is None

    @jwt.user_lookup_loader
    def _usuario(_cabecera: dict[str, Any], _datos: dict[str, Any]) -> UsuarioActual | None:
        return cast(UsuarioActual | None, g.get("sac_usuario"))

    def _no_autenticado(mensaje: str) -> Callable[..., tuple[Response, int]]:
        def manejador(*_args: Any) -> tuple[Response, int]:
            return respuesta_error(NoAutenticado(mensaje))

        return manejador

    jwt.unauthorized_loader(_mensaje_sin_token)
    jwt.invalid_token_loader(_no_autenticado("El token de sesión no es válido."))
    jwt.expired_token_loader(_no_autenticado("La sesión expiró. Inicie sesión de nuevo."))
    jwt.revoked_token_loader(_no_autenticado("La sesión fue cerrada. Inicie sesión de nuevo."))
    jwt.user_lookup_error_loader(_no_autenticado("La sesión ya no es válida."))
    jwt.needs_fresh_token_loader(
        _no_autenticado("Esta operación requiere iniciar sesión de nuevo.")
    )
    jwt.token_verification_failed_loader(_no_autenticado("El token de sesión no es válido."))


def _mensaje_sin_token(motivo: str) -> tuple[Response, int]:
    if "CSRF" in motivo:
        return respuesta_error(
            NoAutenticado("Falta o no coincide el token CSRF de la sesión. Recargue la página.")
        )
    return respuesta_error(NoAutenticado())


def requiere_permiso(
    permiso: str | tuple[str, ...] | None, refresco: bool = False
) -> Callable[[F], F]:
    """Exige un token válido (401) y, si se indica, el permiso en la tabla de su rol (403).

    `permiso=None`: basta con una sesión válida (cualquier rol). Una tupla de permisos: basta con
    tener uno (p. ej. el personal o el titular en el portal; el caso de uso decide el alcance).
    """
    permisos = (permiso,) if isinstance(permiso, str) else permiso or ()
    for nombre in permisos:
        permisos_service.puede("admin", nombre)  # un permiso mal escrito falla al arrancar

    def decorador(funcion: F) -> F:
        @wraps(funcion)
        def envoltura(*args: Any, **kwargs: Any) -> Any:
            verify_jwt_in_request(refresh=refresco)
            usuario = cast(UsuarioActual, g.sac_usuario)
            if permisos and not any(usuario.puede(nombre) for nombre in permisos):
                raise Prohibido()
            return funcion(*args, **kwargs)

        _documentar(envoltura, permisos)
        return cast(F, envoltura)

    return decorador


def requiere_sesion(refresco: bool = False) -> Callable[[F], F]:
    """Exige un token válido de cualquier rol (401 sin sesión)."""
    return requiere_permiso(None, refresco)


def _documentar(vista: Any, permisos: tuple[str, ...]) -> None:
    """Declara en OpenAPI la autenticación requerida y las respuestas 401/403: `x-permiso` con un
    permiso; `x-permisos` (basta uno) con varios."""
    error = {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RespuestaError"}}}
    }
    apidoc = vista.__dict__.setdefault("_apidoc", {})
    manual = apidoc.setdefault("manual_doc", {})
    manual["security"] = [{"bearerAuth": []}, {"cookieAuth": []}]
    respuestas = manual.setdefault("responses", {})
    respuestas["401"] = {"description": "Sin sesión o sesión inválida", **error}
    if not permisos:
        return
    roles = ", ".join(
        dict.fromkeys(rol for p in permisos for rol in permisos_service.ROLES_POR_PERMISO[p])
    )
    descripcion = " o ".join(permisos)
    respuestas["403"] = {"description": f"Requiere el permiso {descripcion} ({roles})", **error}
    if len(permisos) == 1:
        manual["x-permiso"] = permisos[0]
    else:
        manual["x-permisos"] = list(permisos)
