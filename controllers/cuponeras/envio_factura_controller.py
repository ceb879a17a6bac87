"""Reenvío de una factura por correo (personal o titular): el correo con el PDF adjunto va a la
bandeja, al correo verificado del portal del titular o, si no hay, al de su ficha en el SAC. El
historial lo muestra como `correo_enviado` cuando de verdad sale (lo lee de la bandeja)."""

from __future__ import annotations

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import contrato_controller, correo_factura_controller
from errores import DatosInvalidos
from models.cuponeras import Contrato


class TitularSinCorreo(DatosInvalidos):
    codigo = "sin_correo"
    mensaje_por_defecto = (
        "El titular no tiene un correo registrado (ni en el portal ni en su ficha del SAC): "
        "actualice su ficha para enviarle la factura."
    )


def enviar(gateway: BaseDatosClient, usuario: UsuarioActual, numero_factura: str) -> int:
    """Encola el correo de la factura con su PDF y devuelve el id del correo (422 sin correo)."""
    with gateway.session_scope() as sesion:
        factura = contrato_controller.factura_visible(sesion, usuario, numero_factura)
        contrato = sesion.get_one(Contrato, factura.contrato_id)
        correo_id = correo_factura_controller.correo_de_factura(sesion, factura, contrato)
        if correo_id is None:
            raise TitularSinCorreo()
        return correo_id
