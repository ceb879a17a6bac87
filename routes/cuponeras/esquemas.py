"""Esquemas de M6 compartidos por sus rutas."""

from __future__ import annotations

from marshmallow import Schema, fields

# El personal o el titular en el portal (el caso de uso responde 404 a lo ajeno).
PERSONAL_O_TITULAR = ("cuponeras.consultar", "cuponeras.portal")
_PESOS = {"description": "Pesos COP enteros"}


class Titular(Schema):
    tipo_documento = fields.String(required=True, metadata={"example": "CC"})
    numero_documento = fields.String(required=True, metadata={"example": "1020304050"})
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)


class ContratoEsquema(Schema):
    numero_contrato = fields.String(required=True, metadata={"example": "100200300"})
    servicio = fields.String(
        required=True, metadata={"enum": ["energia", "agua", "gas", "internet"]}
    )
    direccion = fields.String(required=True)
    ciudad = fields.String(required=True)
    estado = fields.String(required=True, metadata={"enum": ["activo", "suspendido", "retirado"]})
    fecha_inicio = fields.Date(required=True)
    titular = fields.Nested(Titular, required=True)
    facturas_por_pagar = fields.Integer(required=True)
    saldo_por_pagar = fields.Integer(required=True, metadata=_PESOS)


class FacturaEsquema(Schema):
    numero_factura = fields.String(required=True, metadata={"example": "FE-2026-0001"})
    numero_contrato = fields.String(required=True)
    periodo = fields.String(required=True, metadata={"example": "2026-10"})
    fecha_emision = fields.Date(required=True)
    fecha_vencimiento = fields.Date(required=True)
    valor = fields.Integer(required=True, metadata=_PESOS)
    saldo = fields.Integer(required=True, metadata=_PESOS)
    estado = fields.String(
        required=True, metadata={"enum": ["pendiente", "pagada", "vencida", "anulada"]}
    )
    pagada_en = fields.DateTime(allow_none=True)


class FacturaCubierta(Schema):
    numero_factura = fields.String(required=True)
    periodo = fields.String(required=True)
    saldo = fields.Integer(required=True, metadata=_PESOS)


class CuponEsquema(Schema):
    numero = fields.String(
        required=True, metadata={"example": "1234567890128", "description": "12 dígitos + GS1"}
    )
    numero_contrato = fields.String(required=True)
    subtotal = fields.Integer(required=True, metadata=_PESOS)
    descuento = fields.Integer(required=True, metadata=_PESOS)
    valor = fields.Integer(required=True, metadata=_PESOS)
    beneficio = fields.String(allow_none=True, metadata={"description": "Código del beneficio"})
    fecha_emision = fields.Date(required=True)
    fecha_limite = fields.Date(required=True)
    estado = fields.String(
        required=True, metadata={"enum": ["emitido", "pagado", "vencido", "anulado"]}
    )
    facturas = fields.List(fields.Nested(FacturaCubierta), required=True)
    codigo_barras = fields.String(
        required=True,
        metadata={"example": "(415)7709999000017(8020)1234567890128(3900)0000185400(96)20261130"},
    )


class EventoEsquema(Schema):
    tipo = fields.String(required=True)
    fecha = fields.DateTime(required=True)
    descripcion = fields.String(required=True)
    referencia = fields.String(allow_none=True)
    valor = fields.Integer(allow_none=True, metadata=_PESOS)


class BeneficioEsquema(Schema):
    codigo = fields.String(required=True)
    regla = fields.String(required=True, metadata={"enum": ["pago_oportuno", "cliente_fiel"]})
    mes = fields.String(required=True)
    porcentaje = fields.Integer(required=True)
    tope = fields.Integer(required=True, metadata=_PESOS)
    otorgado_en = fields.DateTime(required=True)
    vence_en = fields.Date(required=True)
    estado = fields.String(required=True, metadata={"enum": ["disponible", "usado", "vencido"]})
    usado_en = fields.DateTime(allow_none=True)
    numero_cupon = fields.String(allow_none=True)


class NotificacionEsquema(Schema):
    id = fields.Integer(required=True)
    tipo = fields.String(required=True)
    mensaje = fields.String(required=True)
    referencia = fields.String(allow_none=True)
    creada_en = fields.DateTime(required=True)
    leida_en = fields.DateTime(allow_none=True)
