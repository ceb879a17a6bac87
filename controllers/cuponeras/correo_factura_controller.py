"""El correo de una factura (al importarla y al reenviarla), con la factura en PDF adjunta: a la
bandeja, en la transacción de quien lo pide, para el correo verificado del portal del titular o,
si no hay, el de su ficha."""

from __future__ import annotations

from sqlalchemy.orm import Session

from controllers import correo_controller
from controllers.cuponeras import aviso_controller, documento_controller
from models.cuponeras import Contrato, Factura
from services.cuponeras import cupon_service


def cuerpo_factura(factura: Factura, contrato: Contrato) -> str:
    return "\n".join(
        [
            "Le enviamos su factura.",
            "",
            f"Contrato: {contrato.numero_contrato} ({contrato.servicio}, {contrato.direccion}, "
            f"{contrato.ciudad})",
            f"Factura: {factura.numero_factura}",
            f"Periodo: {factura.periodo}",
            f"Fecha de emisión: {factura.fecha_emision:%Y-%m-%d}",
            f"Fecha de vencimiento: {factura.fecha_vencimiento:%Y-%m-%d}",
            f"Valor: {cupon_service.pesos_enteros(factura.valor)}",
            f"Saldo: {cupon_service.pesos_enteros(factura.saldo)}",
            "",
            "Para pagar, genere un cupón en el portal o comuníquese con el SAC.",
            "",
            "SAC Ríos del Desierto",
        ]
    )


def correo_de_factura(sesion: Session, factura: Factura, contrato: Contrato) -> int | None:
    """Encola el correo de la factura con su PDF adjunto; devuelve su id, o None si el titular no
    tiene correo."""
    destinatario = aviso_controller.destinatario_titular(sesion, contrato.cliente_id)
    if not destinatario:
        return None
    return correo_controller.encolar(
        sesion,
        destinatario,
        f"Factura {factura.numero_factura} — contrato {contrato.numero_contrato} ({factura.periodo})",
        cuerpo_factura(factura, contrato),
        adjuntos=[documento_controller.adjunto_factura(factura, contrato)],
        referencia=f"factura:{factura.numero_factura}",
    )
