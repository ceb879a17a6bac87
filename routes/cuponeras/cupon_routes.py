"""Un cupón de pago por su número (personal o el titular)."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from controllers.cuponeras import cupon_controller
from routes.contexto import gateway, usuario_actual
from routes.cuponeras.esquemas import PERSONAL_O_TITULAR, CuponEsquema
from routes.esquemas_comunes import RespuestaError
from routes.seguridad import requiere_permiso

blp = Blueprint("cupones", __name__, url_prefix="/api/cupones", description="Cuponeras: cupones")


@blp.route("/<string:numero>", methods=["GET"])
@requiere_permiso(PERSONAL_O_TITULAR)
@blp.response(200, CuponEsquema)
@blp.alt_response(404, schema=RespuestaError, description="No existe ese cupón (o es ajeno)")
def obtener(numero: str) -> dict[str, Any]:
    """El cupón con sus facturas y la cadena de su código de barras."""
    return cupon_controller.obtener(gateway(), usuario_actual(), numero)
