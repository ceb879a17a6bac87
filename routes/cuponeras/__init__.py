"""M6 Cuponeras: rutas HTTP. `BLUEPRINTS` son los que la app registra para el módulo y `LIMITES`
los límites de peticiones que pide (el registro del portal: solo los fallidos, como el login)."""

from __future__ import annotations

from flask_smorest import Blueprint

from controllers.cuponeras import fusion_controller, resumen_controller
from routes.cuponeras import (
    contrato_routes,
    cupon_routes,
    documento_routes,
    factura_routes,
    notificacion_routes,
    pago_routes,
    portal_routes,
    registro_routes,
)
from routes.limites import LimiteFallidos

BLUEPRINTS: list[Blueprint] = [
    registro_routes.blp,
    contrato_routes.blp,
    factura_routes.blp,
    cupon_routes.blp,
    documento_routes.blp,
    pago_routes.blp,
    portal_routes.blp,
    notificacion_routes.blp,
]
LIMITES: list[LimiteFallidos] = [registro_routes.LIMITE]

# Lo que el módulo aporta al resumen del cliente (M10): contratos, facturas, cupones y beneficios.
RESUMEN = {"cuponeras": resumen_controller.aporte_resumen}
# Lo que el módulo mueve al fusionar dos clientes (M10): contratos, beneficios y usuarios del portal.
FUSION = {"cuponeras": fusion_controller.mover}
