"""M6 Cuponeras: contratos, facturas, cupones de pago (y las facturas que cubren), pagos,
beneficios, notificaciones, el historial de cada contrato y los tokens de verificación del
registro en el portal. La bandeja de correos es la del núcleo (`models/correo_model.py`)."""

from models.cuponeras.beneficio_model import ESTADOS_BENEFICIO, REGLAS_BENEFICIO, Beneficio
from models.cuponeras.contrato_model import ESTADOS_CONTRATO, SERVICIOS, Contrato
from models.cuponeras.cupon_model import ESTADOS_CUPON, Cupon, CuponFactura
from models.cuponeras.evento_model import TIPOS_EVENTO, EventoContrato
from models.cuponeras.factura_model import ESTADOS_FACTURA, Factura
from models.cuponeras.notificacion_model import Notificacion
from models.cuponeras.pago_model import CANALES_PAGO, Pago
from models.cuponeras.verificacion_model import VerificacionRegistro

__all__ = [
    "CANALES_PAGO",
    "ESTADOS_BENEFICIO",
    "ESTADOS_CONTRATO",
    "ESTADOS_CUPON",
    "ESTADOS_FACTURA",
    "REGLAS_BENEFICIO",
    "SERVICIOS",
    "TIPOS_EVENTO",
    "Beneficio",
    "Contrato",
    "Cupon",
    "CuponFactura",
    "EventoContrato",
    "Factura",
    "Notificacion",
    "Pago",
    "VerificacionRegistro",
]
