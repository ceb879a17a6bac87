"""El portal del cliente: sus contratos y sus beneficios."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint

from controllers.cuponeras import beneficio_controller, contrato_controller
from routes.contexto import gateway, usuario_actual
from routes.cuponeras.esquemas import BeneficioEsquema, ContratoEsquema
from routes.respuestas import doc_total_filas, lista_con_total
from routes.seguridad import requiere_permiso

blp = Blueprint("portal", __name__, url_prefix="/api/portal", description="Cuponeras: portal")


@blp.route("/contratos", methods=["GET"])
@requiere_permiso("cuponeras.portal")
@blp.response(200, ContratoEsquema(many=True), headers=doc_total_filas("Contratos de la lista"))
def contratos() -> tuple[Sequence[Any], dict[str, str]]:
    """Los contratos del cliente, por número."""
    return lista_con_total(contrato_controller.del_portal(gateway(), usuario_actual()))


@blp.route("/beneficios", methods=["GET"])
@requiere_permiso("cuponeras.portal")
@blp.response(200, BeneficioEsquema(many=True), headers=doc_total_filas("Beneficios de la lista"))
def beneficios() -> tuple[Sequence[Any], dict[str, str]]:
    """Los beneficios del cliente con su estado y vencimiento, los más recientes primero."""
    return lista_con_total(beneficio_controller.del_portal(gateway(), usuario_actual()))
