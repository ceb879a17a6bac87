"""Una factura por su número (personal o el titular)."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from controllers.cuponeras import contrato_controller
from routes.contexto import gateway, usuario_actual
from routes.cuponeras.esquemas import PERSONAL_O_TITULAR, FacturaEsquema
from routes.esquemas_comunes import RespuestaError
from routes.seguridad import requiere_permiso

blp = Blueprint("facturas", __name__, url_prefix="/api/facturas", description="Cuponeras: facturas")


@blp.route("/<string:numero_factura>", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.response(200, FacturaEsquema)
@blp.alt_response(404, schema=RespuestaError, description="No existe esa factura (o es ajena)")
def obtener(numero_factura: str) -> dict[str, Any]:
    """La factura con su estado y saldo."""
    return contrato_controller.factura(gateway(), usuario_actual(), numero_factura)
