"""Documentos de M6 para el personal y el titular: el PDF de una factura, el código de barras
(SVG) y el cupón imprimible (PDF). Lo ajeno responde 404 a un usuario del portal (el alcance de
`contrato_controller.factura_visible` y `cupon_controller.cupon_visible`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.correo_controller import Adjunto
from controllers.cuponeras import contrato_controller, cupon_controller
from models import Cliente
from models.cuponeras import Contrato, Cupon, Factura
from services.cuponeras import documentos_service
from services.cuponeras.documentos_service import (
    DatosContrato,
    DatosCupon,
    DatosFactura,
    LineaCupon,
    Titular,
)

TIPO_PDF = "application/pdf"
TIPO_SVG = "image/svg+xml"


@dataclass(frozen=True)
class Documento:
    nombre: str
    tipo_mime: str
    contenido: bytes
    filas: int = 1  # filas de datos (X-Total-Filas): la factura; las facturas que paga un cupón


def _titular(cliente: Cliente) -> Titular:
    nombre = f"{cliente.nombre} {cliente.apellido or ''}".strip()
    return Titular(nombre, cliente.tipo_documento.codigo, cliente.numero_documento)


def _contrato(contrato: Contrato) -> DatosContrato:
    return DatosContrato(
        contrato.numero_contrato, contrato.servicio, contrato.direccion, contrato.ciudad
    )


def datos_factura(factura: Factura, contrato: Contrato) -> DatosFactura:
    return DatosFactura(
        numero_factura=factura.numero_factura,
        periodo=factura.periodo,
        fecha_emision=factura.fecha_emision,
        fecha_vencimiento=factura.fecha_vencimiento,
        valor=factura.valor,
        saldo=factura.saldo,
        estado=factura.estado,
        contrato=_contrato(contrato),
        titular=_titular(contrato.cliente),
    )


def pdf_factura(factura: Factura, contrato: Contrato) -> Documento:
    contenido = documentos_service.factura_pdf(datos_factura(factura, contrato))
    return Documento(f"factura_{factura.numero_factura}.pdf", TIPO_PDF, contenido)


def adjunto_factura(factura: Factura, contrato: Contrato) -> Adjunto:
    """El PDF de la factura como adjunto de un correo de la bandeja."""
    documento = pdf_factura(factura, contrato)
    return Adjunto(documento.nombre, documento.tipo_mime, documento.contenido)


def _contrato_de(sesion: Session, contrato_id: int) -> Contrato:
    return sesion.get_one(Contrato, contrato_id)


def factura_pdf(gateway: BaseDatosClient, usuario: UsuarioActual, numero_factura: str) -> Documento:
    with gateway.session_scope() as sesion:
        factura = contrato_controller.factura_visible(sesion, usuario, numero_factura)
        return pdf_factura(factura, _contrato_de(sesion, factura.contrato_id))


def _datos_cupon(cupon: Cupon, contrato: Contrato) -> DatosCupon:
    return DatosCupon(
        numero=cupon.numero,
        contrato=_contrato(contrato),
        titular=_titular(contrato.cliente),
        facturas=[
            LineaCupon(linea.factura.numero_factura, linea.factura.periodo, linea.saldo)
            for linea in cupon.facturas
        ],
        valor=cupon.valor,
        descuento=cupon.descuento,
        fecha_emision=cupon.fecha_emision,
        fecha_limite=cupon.fecha_limite,
        estado=cupon.estado,
        codigo_barras=cupon.codigo_barras,
    )


def cupon_svg(gateway: BaseDatosClient, usuario: UsuarioActual, numero: str) -> Documento:
    """La imagen Code 128 (GS1-128) de la cadena del código de barras del cupón."""
    with gateway.session_scope() as sesion:
        cupon = cupon_controller.cupon_visible(sesion, usuario, numero)
        contenido = documentos_service.codigo_barras_svg(cupon.codigo_barras)
        return Documento(f"cupon_{cupon.numero}.svg", TIPO_SVG, contenido)


def cupon_pdf(gateway: BaseDatosClient, usuario: UsuarioActual, numero: str) -> Documento:
    """El cupón imprimible, con sus facturas y el código de barras."""
    with gateway.session_scope() as sesion:
        cupon = cupon_controller.cupon_visible(sesion, usuario, numero)
        datos = _datos_cupon(cupon, _contrato_de(sesion, cupon.contrato_id))
        return Documento(
            f"cupon_{cupon.numero}.pdf",
            TIPO_PDF,
            documentos_service.cupon_pdf(datos),
            len(datos.facturas),
        )
