"""`POST /registrar_pedido_entregado` (la ruta del script del cliente; también en
`/api/entregas/pedidos`): registra un pedido entregado con la clave de un dispositivo."""

from __future__ import annotations

import hashlib
import logging

from flask import Response, current_app, jsonify, request
from flask_limiter.util import get_remote_address
from flask_smorest import Blueprint

from controllers.entregas import dispositivo_controller, pedido_controller
from errores import ErrorSac
from routes.contexto import config, gateway
from routes.limites import LimiteRuta
from routes.manejadores_error import DemasiadoGrande
from routes.respuestas import respuesta_error
from services.entregas.ingesta_service import leer_json

registro = logging.getLogger("sac.entregas")

blp = Blueprint(
    "entregas_ingesta",
    __name__,
    description="Entregas: registro de pedidos entregados por los dispositivos (clave X-Api-Key)",
)

_ERROR = {
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RespuestaError"}}}
}
_RESPUESTAS = {
    "200": {
        "description": "Registrado, o reintento idéntico (`estado: duplicado`)",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["pedido_id", "estado", "unidades", "total"],
                    "properties": {
                        "pedido_id": {"type": "string"},
                        "estado": {"type": "string", "enum": ["registrado", "duplicado"]},
                        "unidades": {"type": "integer"},
                        "total": {"type": "string", "example": "24.50"},
                    },
                }
            }
        },
    },
    "400": {"description": "El cuerpo no es un JSON válido", **_ERROR},
    "401": {
        "description": "Falta la clave, es desconocida, fue revocada o la firma falla",
        **_ERROR,
    },
    "409": {"description": "El mismo pedido_id ya se registró con otro contenido", **_ERROR},
    "413": {"description": "Cuerpo de más de 64 KiB", **_ERROR},
    "422": {"description": "Un campo o una línea no es válida (se nombra)", **_ERROR},
    "429": {"description": "Demasiadas peticiones de este dispositivo (Retry-After)", **_ERROR},
}
_CUERPO = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["pedido_id", "repartidor", "productos", "timestamp"],
                "properties": {
                    "pedido_id": {"type": "string", "maxLength": 64},
                    "repartidor": {
                        "type": "object",
                        "required": ["IdRepartidor", "Nombre"],
                        "properties": {
                            "IdRepartidor": {"type": "integer"},
                            "Nombre": {"type": "string"},
                        },
                    },
                    "productos": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 100,
                        "items": {
                            "type": "object",
                            "required": ["IdProducto", "producto", "precio"],
                            "properties": {
                                "IdProducto": {"type": "string"},
                                "producto": {"type": "string"},
                                "precio": {"type": "number"},
                            },
                        },
                    },
                    "timestamp": {
                        "type": "string",
                        "description": "Hora local de Bogotá sin desfase, o ISO 8601 con desfase",
                    },
                },
            }
        }
    },
}
_DOC = {
    "security": [{"claveDispositivo": []}],
    "requestBody": _CUERPO,
    "responses": _RESPUESTAS,
    "parameters": [
        {
            "name": "X-Firma",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": "Solo dispositivos creados con --firmar: t=<unix>,v1=<HMAC-SHA256 hex>",
        }
    ],
}


def clave_del_dispositivo() -> str:
    """A quién cuenta el límite de la ingesta: la clave enviada (su huella), o la dirección."""
    clave = request.headers.get("X-Api-Key", "")
    if clave:
        return "dispositivo:" + hashlib.sha256(clave.encode("utf-8")).hexdigest()[:32]
    return "direccion:" + get_remote_address()


def _cerrar(respuesta: Response) -> Response:
    """El cuerpo no se leyó: la conexión se cierra en vez de quedar esperando el resto."""
    respuesta.headers["Connection"] = "close"
    return respuesta


def _error(error: ErrorSac, cuerpo_leido: bool) -> tuple[Response, int]:
    respuesta, estado = respuesta_error(error)
    return (respuesta if cuerpo_leido else _cerrar(respuesta)), estado


def _leer_cuerpo(limite: int) -> bytes | None:
    """El cuerpo crudo, o None si supera `limite` bytes (sin leer más de `limite` + 1)."""
    largo = request.content_length
    if largo is not None and largo > limite:
        return None
    cuerpo = request.stream.read(limite + 1)
    return None if len(cuerpo) > limite else cuerpo


@blp.route("/registrar_pedido_entregado", methods=["POST"], endpoint="registrar")
@blp.doc(**_DOC)
def registrar() -> tuple[Response, int]:
    """Registra un pedido entregado (idempotente por pedido_id).

    Contrato del script del cliente: cantidad = repeticiones de un producto en `productos`;
    nombres y precios deben coincidir con los de referencia; 200 `registrado` o `duplicado`.
    """
    return _registrar()


@blp.route("/api/entregas/pedidos", methods=["POST"], endpoint="registrar_api")
@blp.doc(**_DOC)
def registrar_api() -> tuple[Response, int]:
    """Registra un pedido entregado (la misma operación que /registrar_pedido_entregado)."""
    return _registrar()


def _registrar() -> tuple[Response, int]:
    pasarela = gateway()
    cuerpo_leido = False
    try:
        dispositivo = dispositivo_controller.autenticar(
            pasarela, request.headers.get("X-Api-Key"), config("APP_ENV") == "production"
        )
        cuerpo = _leer_cuerpo(int(config("ENTREGAS_MAX_BYTES")))
        if cuerpo is None:
            raise DemasiadoGrande(
                f"El pedido supera el máximo de {int(config('ENTREGAS_MAX_BYTES')) // 1024} KiB."
            )
        cuerpo_leido = True
        dispositivo_controller.verificar_firma(
            pasarela, dispositivo, request.headers.get("X-Firma"), cuerpo, config("SECRET_KEY")
        )
        pedido = pedido_controller.interpretar(pasarela, leer_json(cuerpo))
        resultado = pedido_controller.registrar(pasarela, pedido, dispositivo.id)
    except ErrorSac as error:
        return _error(error, cuerpo_leido)
    if resultado.evento is not None:
        pedido_controller.publicar(
            current_app.extensions["sac_eventos"],
            config("ENTREGAS_CANAL_EVENTOS"),
            resultado.evento,
        )
    return jsonify(resultado.respuesta()), 200


LIMITE = LimiteRuta(
    endpoints=("entregas_ingesta.registrar", "entregas_ingesta.registrar_api"),
    configuracion="LIMITE_INGESTA",
    clave=clave_del_dispositivo,
    alcance="entregas-ingesta",
)
