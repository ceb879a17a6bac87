"""Fábrica de la aplicación SAC Ríos del Desierto (API + pantallas React construidas)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click
from flask import Flask, Response, abort, request, send_from_directory
from flask.cli import ScriptInfo
from flask_cors import CORS
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

from clients.base_datos_client import crear_client
from clients.email_client import crear_email_client
from clients.eventos_client import crear_eventos_client
from config import RAIZ, ConfiguracionInvalida, cargar_configuracion
from controllers import salud_controller
from errores import ServicioNoDisponible
from models import Base
from routes import (
    auditoria_routes,
    auth_routes,
    catalogo,
    cliente_routes,
    correo_routes,
    cuponeras,
    entregas,
    importacion_routes,
    reporte_routes,
    sac360,
    salud_routes,
    tipo_documento_routes,
    usuario_routes,
)
from routes.conexiones import CerrarSiElCuerpoNoSeLeyo
from routes.esquemas_comunes import RespuestaError
from routes.limites import LimiteFallidos, LimiteRuta, configurar_limites
from routes.manejadores_error import registrar_manejadores
from routes.registro import configurar_registro
from routes.respuestas import ENCABEZADO_TOTAL_FILAS, ProveedorJson
from routes.seguridad import GestorJwt, configurar_jwt

CARPETA_FRONTEND = RAIZ / "frontend" / "dist"
MODULOS_RUTAS = (
    *catalogo.BLUEPRINTS,
    *entregas.BLUEPRINTS,
    *cuponeras.BLUEPRINTS,
    *sac360.BLUEPRINTS,
)
# Límites de peticiones que piden los módulos para sus rutas (M8: ingesta por dispositivo; M6:
# registros fallidos del portal).
MODULOS_LIMITES: tuple[LimiteRuta | LimiteFallidos, ...] = (*entregas.LIMITES, *cuponeras.LIMITES)
# Lo que cada módulo aporta al resumen del cliente de M10 (`modulos`).
MODULOS_RESUMEN = {**cuponeras.RESUMEN}
# Lo que cada módulo mueve al fusionar dos clientes de M10 (contratos, beneficios...).
MODULOS_FUSION = {**cuponeras.FUSION}


class _MetadatosMigracion:
    """Lo que Flask-Migrate espera de `db`: los metadatos de los modelos y la pasarela."""

    def __init__(self, app: Flask) -> None:
        self.metadata = Base.metadata
        self.app = app


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Crea la app: configuración, pasarela de datos, extensiones, rutas, errores, CLI y frontend."""
    app = Flask(__name__, instance_path=str(RAIZ / "instance"))
    app.config.update(cargar_configuracion(config))
    app.json = ProveedorJson(app)
    configurar_registro(app)
    registrar_extensiones(app)
    registrar_blueprints(app)
    app.extensions["sac_limites"] = configurar_limites(app, MODULOS_LIMITES)
    registrar_manejadores(app)
    registrar_comandos(app)
    registrar_cabeceras(app)
    registrar_frontend(app)
    verificar_esquema_al_servir(app)
    return app


def verificar_esquema_al_servir(app: Flask) -> None:
    """En producción no se sirve con una base sin migrar o atrasada (`ConfiguracionInvalida`: el
    worker de gunicorn no arranca y gunicorn termina con el mensaje). Los comandos de la CLI de
    Flask (`flask db upgrade` sobre todo) cargan la app dentro de un contexto de click y no se
    verifican: con ellos se migra. Si la base no responde al arrancar, se arranca igual: la
    caída es pasajera y `/api/salud` (que también compara el esquema) responde 503 mientras dure."""
    if app.config["APP_ENV"] != "production" or click.get_current_context(silent=True):
        return
    try:
        problema = salud_controller.problema_de_esquema(app.extensions["sac_db"])
    except ServicioNoDisponible:
        app.logger.warning("La base de datos no responde al arrancar; /api/salud responde 503.")
        return
    if problema is not None:
        raise ConfiguracionInvalida(problema)


def registrar_extensiones(app: Flask) -> None:
    app.extensions["sac_db"] = crear_client(app.config)
    app.extensions["sac_email"] = crear_email_client(app.config)
    # Publicación de eventos entre procesos (Redis con REDIS_URL; si no, dentro del proceso).
    app.extensions["sac_eventos"] = crear_eventos_client(app.config)
    app.extensions["sac_resumen_modulos"] = MODULOS_RESUMEN
    # Copia por app: una prueba puede registrar un movedor propio sin tocar a las demás apps.
    app.extensions["sac_fusion_modulos"] = dict(MODULOS_FUSION)
    proxies = int(app.config.get("PROXIES_CONFIABLES", 0) or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    # Respuesta sin haber leído el cuerpo (413, 405...) = conexión cerrada (routes/conexiones.py).
    app.wsgi_app = CerrarSiElCuerpoNoSeLeyo(app.wsgi_app)  # type: ignore[method-assign]
    configurar_jwt(GestorJwt(app))
    origenes = [
        o.strip() for o in str(app.config.get("CORS_ORIGENES") or "").split(",") if o.strip()
    ]
    if origenes:  # cerrado salvo que se configure una lista de orígenes
        CORS(
            app,
            resources={r"/api/*": {"origins": origenes}},
            supports_credentials=True,
            # Que el navegador de otro origen pueda leer el nombre del archivo y su conteo de filas.
            expose_headers=["Content-Disposition", ENCABEZADO_TOTAL_FILAS],
        )
    app.cli.add_command(
        _ComandosMigracion("db", help="Migraciones de la base de datos (Flask-Migrate / Alembic).")
    )


class _ComandosMigracion(click.Group):
    """`flask db …` de Flask-Migrate, cargado solo al usarse: importar Alembic cuesta ~0,3 s en
    cada arranque (cada worker de gunicorn y cada comando de la CLI). Al invocarlo, el contexto
    lo arma el grupo real de Flask-Migrate (sus opciones, subcomandos y ayuda)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        from flask_migrate.cli import db

        contexto = parent or click.get_current_context()
        preparar_migraciones(contexto.ensure_object(ScriptInfo).load_app())
        return cast(click.Context, db.make_context(info_name, args, parent=parent, **extra))


def preparar_migraciones(app: Flask) -> None:
    """Configura Flask-Migrate en la app (lo necesitan `flask db` y `flask_migrate.upgrade()`)."""
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        Migrate(app, _MetadatosMigracion(app), directory=str(RAIZ / "migrations"))


def migrar(app: Flask) -> None:
    """Aplica las migraciones pendientes (como `flask --app app db upgrade`)."""
    preparar_migraciones(app)
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()


class ApiSac(Api):  # type: ignore[misc]
    """flask-smorest con la forma única de error del contrato en el documento OpenAPI."""

    ERROR_SCHEMA = RespuestaError


def registrar_blueprints(app: Flask) -> None:
    api = ApiSac(app, spec_kwargs={"servers": [{"url": "/"}]})
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    api.spec.components.security_scheme(
        "cookieAuth", {"type": "apiKey", "in": "cookie", "name": "access_token_cookie"}
    )
    api.spec.components.security_scheme(
        "claveDispositivo", {"type": "apiKey", "in": "header", "name": "X-Api-Key"}
    )
    for modulo in (
        auth_routes,
        tipo_documento_routes,
        cliente_routes,
        reporte_routes,
        salud_routes,
        usuario_routes,
        auditoria_routes,
        importacion_routes,
        correo_routes,
    ):
        api.register_blueprint(modulo.blp)
    # Los módulos (M7 catálogo, ...) declaran sus blueprints en su paquete de rutas.
    for blueprint in MODULOS_RUTAS:
        api.register_blueprint(blueprint)
    app.extensions["sac_api"] = api

    import swagger_ui_bundle

    @app.get("/api/docs/recursos/<path:archivo>")
    def recursos_swagger(archivo: str) -> Response:
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, archivo)


def registrar_comandos(app: Flask) -> None:
    from comandos import registrar

    registrar(app)


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI arranca con un script en línea: solo su página lo permite.
CSP_DOCUMENTACION = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def registrar_cabeceras(app: Flask) -> None:
    """Cabeceras de seguridad en toda respuesta; sin caché en las respuestas de la API."""
    produccion = app.config["APP_ENV"] == "production"

    @app.after_request
    def _cabeceras(respuesta: Response) -> Response:
        cabeceras = respuesta.headers
        documentacion = request.path.startswith("/api/docs")
        cabeceras.setdefault("Content-Security-Policy", CSP_DOCUMENTACION if documentacion else CSP)
        cabeceras.setdefault("X-Content-Type-Options", "nosniff")
        cabeceras.setdefault("Referrer-Policy", "same-origin")
        cabeceras.setdefault("X-Frame-Options", "DENY")
        cabeceras.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if produccion:
            cabeceras.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if request.path.startswith("/api/") and not documentacion:
            cabeceras["Cache-Control"] = "no-store"
        return respuesta


def registrar_frontend(app: Flask) -> None:
    """Sirve la app React construida; las rutas del cliente vuelven a `index.html`."""
    carpeta = Path(app.config.get("CARPETA_FRONTEND") or CARPETA_FRONTEND)

    @app.get("/")
    @app.get("/<path:ruta>")
    def frontend(ruta: str = "") -> Response:
        if ruta.startswith("api/") or ruta == "api":
            abort(404)
        if ruta and (carpeta / ruta).is_file():
            return send_from_directory(carpeta, ruta)
        if ruta.startswith("assets/"):
            abort(404)  # un recurso que falta no es una ruta de la aplicación
        indice = carpeta / "index.html"
        if indice.is_file():
            # Leído entero (unos cientos de bytes): ningún archivo queda abierto si el cliente no
            # cierra la respuesta, y nunca se guarda en caché (apunta a los recursos de esta versión).
            respuesta = Response(indice.read_bytes(), mimetype="text/html")
            respuesta.headers["Cache-Control"] = "no-cache"
            return respuesta
        return Response(
            "<!doctype html><html lang='es'><meta charset='utf-8'><title>SAC Ríos del Desierto</title>"
            "<p>API en funcionamiento. Documentación en <a href='/api/docs'>/api/docs</a>.</p>",
            mimetype="text/html",
        )
