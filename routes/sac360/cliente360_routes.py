"""Búsqueda única, resumen del cliente, revelar un dato, notas de llamadas y clientes recientes."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from controllers.sac360 import (
    busqueda_controller,
    cliente360_controller,
    fusion_controller,
    nota_controller,
)
from routes.cliente_routes import ClienteEsquema
from routes.contexto import (
    aportes_al_resumen,
    config,
    contexto_auditoria,
    gateway,
    movedores_de_fusion,
    usuario_actual,
)
from routes.esquemas_comunes import EsquemaConsulta, Paginacion, RespuestaError, pagina_de
from routes.seguridad import requiere_permiso

blp = Blueprint(
    "sac360", __name__, url_prefix="/api/clientes", description="SAC 360: búsqueda y resumen"
)
blp_yo = Blueprint("yo", __name__, url_prefix="/api/yo", description="Lo del usuario actual")

_CAMPOS = ["telefono", "correo", "direccion"]


class ConsultaBusqueda(EsquemaConsulta):
    q = fields.String(
        required=True,
        validate=validate.Length(max=200, error="La búsqueda admite como máximo 200 caracteres."),
        metadata={"description": "Documento (con o sin tipo), teléfono, correo o nombre"},
    )
    limite = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=100, error="El límite debe estar entre 1 y 100."),
    )


class ResultadoBusquedaUnica(Schema):
    id = fields.Integer(required=True)
    tipo_documento = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)
    coincidencia = fields.String(required=True, metadata={"enum": ["exacta", "parcial"]})
    telefono = fields.String(
        allow_none=True, metadata={"description": "Enmascarado para el agente"}
    )
    correo = fields.String(allow_none=True, metadata={"description": "Enmascarado para el agente"})


class RespuestaBusqueda(Schema):
    modo = fields.String(
        required=True, metadata={"enum": ["documento", "telefono", "correo", "nombre"]}
    )
    total = fields.Integer(required=True)
    truncado = fields.Boolean(required=True)
    resultados = fields.List(fields.Nested(ResultadoBusquedaUnica), required=True)


class PedidoRevelar(Schema):
    campo = fields.String(
        required=True,
        validate=validate.OneOf(_CAMPOS, error="El campo debe ser telefono, correo o direccion."),
    )
    motivo = fields.String(
        required=True,
        validate=validate.Length(max=2000, error="El motivo admite como máximo 300 caracteres."),
    )


class DatoRevelado(Schema):
    campo = fields.String(required=True)
    valor = fields.String(allow_none=True)


class Autor(Schema):
    usuario = fields.String(required=True)
    nombre = fields.String(required=True)


class VersionNotaEsquema(Schema):
    texto = fields.String(required=True)
    reemplazada_en = fields.DateTime(required=True)


class NotaEsquema(Schema):
    id = fields.Integer(required=True)
    texto = fields.String(required=True)
    motivo = fields.String(allow_none=True)
    autor = fields.Nested(Autor, required=True)
    creada_en = fields.DateTime(required=True)
    editada_en = fields.DateTime(allow_none=True)
    versiones = fields.List(fields.Nested(VersionNotaEsquema), required=True)


class PedidoNota(Schema):
    texto = fields.String(
        required=True,
        validate=validate.Length(max=4000, error="La nota admite como máximo 2000 caracteres."),
    )
    motivo = fields.String(
        allow_none=True,
        validate=validate.Length(max=1000, error="El motivo admite como máximo 300 caracteres."),
    )


class CambioNota(Schema):
    texto = fields.String(
        required=True,
        validate=validate.Length(max=4000, error="La nota admite como máximo 2000 caracteres."),
    )


class TotalMes360(Schema):
    mes = fields.String(required=True, metadata={"example": "2026-10"})
    total = fields.String(required=True, metadata={"description": "Pesos COP, decimal en texto"})
    compras = fields.Integer(required=True)


class Fidelizacion360(Schema):
    umbral = fields.String(required=True)
    mes_actual = fields.Nested(TotalMes360, required=True)
    mes_anterior = fields.Nested(TotalMes360, required=True)
    califico_mes_anterior = fields.Boolean(required=True)
    falta_mes_actual = fields.String(
        required=True,
        metadata={"description": "max(0, umbral − total del mes); la pantalla dice «más de»"},
    )
    ultimos_6_meses = fields.List(fields.Nested(TotalMes360), required=True)


class Identidad(Schema):
    id = fields.Integer(required=True)
    tipo_documento = fields.String(required=True)
    tipo_documento_nombre = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)
    ciudad = fields.String(allow_none=True)
    fecha_registro = fields.DateTime(required=True)
    activo = fields.Boolean(required=True)
    fusionado_con = fields.Integer(
        metadata={"description": "Solo en un cliente fusionado: el id de su sobreviviente"}
    )


class Contacto(Schema):
    telefono = fields.String(allow_none=True)
    correo = fields.String(allow_none=True)
    direccion = fields.String(allow_none=True)
    enmascarado = fields.Boolean(required=True)


class ResumenCliente(Schema):
    cliente = fields.Nested(Identidad, required=True)
    contacto = fields.Nested(Contacto, required=True)
    fidelizacion = fields.Nested(Fidelizacion360, required=True)
    notas = fields.List(fields.Nested(NotaEsquema), required=True)
    advertencias = fields.List(fields.Dict(), required=True)
    modulos = fields.Dict(required=True)


class ClienteReciente(Schema):
    id = fields.Integer(required=True)
    tipo_documento = fields.String(required=True)
    numero_documento = fields.String(required=True)
    nombre = fields.String(required=True)
    apellido = fields.String(required=True)
    abierto_en = fields.DateTime(required=True)


class Recientes(Schema):
    items = fields.List(fields.Nested(ClienteReciente), required=True)


class PedidoFusion(Schema):
    con = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(
            min=1, max=2_147_483_647, error="Indique el id de otro cliente existente."
        ),
        metadata={
            "description": "Id del cliente absorbido (queda inactivo, su documento como alias)"
        },
    )
    motivo = fields.String(
        required=True,
        validate=validate.Length(max=2000, error="El motivo admite como máximo 300 caracteres."),
        metadata={"description": "10 a 300 caracteres (sin contar espacios de los extremos)"},
    )


class DocumentoAlias(Schema):
    tipo_documento = fields.String(required=True)
    numero_documento = fields.String(required=True)


class ClienteFusionado(ClienteEsquema):
    """La ficha del sobreviviente (la de la consulta, sin nombre del tipo ni fecha de registro)."""

    class Meta:
        exclude = ("tipo_documento_nombre", "fecha_registro")

    alias = fields.List(
        fields.Nested(DocumentoAlias),
        required=True,
        metadata={"description": "Documentos de los clientes fusionados en este"},
    )
    movidos = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={
            "description": "Filas que pasaron al sobreviviente: compras, notas, alias y las de "
            "cada módulo (contratos, beneficios, beneficios_conservados, usuarios_portal)"
        },
    )


PaginaNotas = pagina_de(NotaEsquema, "PaginaNotas")


def _contacto_completo() -> bool:
    return usuario_actual().puede("clientes.contacto_completo")


@blp.route("/busqueda", methods=["GET"])
@requiere_permiso("clientes.consultar")
@blp.arguments(ConsultaBusqueda, location="query")
@blp.response(200, RespuestaBusqueda)
@blp.alt_response(422, schema=RespuestaError, description="Búsqueda vacía, corta o inválida")
def busqueda(consulta: dict[str, Any]) -> Response:
    """Una sola caja: documento (con o sin tipo), teléfono, correo o parte del nombre.

    Exactas primero y luego por apellido y nombre; `total` cuenta todas aunque solo vengan
    `limite`. Para el agente, teléfono y correo van enmascarados. Cada búsqueda queda auditada con
    su modo y una huella, nunca con el texto buscado.
    """
    return jsonify(
        busqueda_controller.buscar(
            gateway(), consulta["q"], consulta["limite"], contexto_auditoria(), _contacto_completo()
        )
    )


@blp.route("/<int:cliente_id>/resumen", methods=["GET"])
@requiere_permiso("clientes.consultar")
@blp.response(200, ResumenCliente)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
def resumen(cliente_id: int) -> dict[str, Any]:
    """El cliente de un vistazo: identidad, contacto, fidelización que se explica, notas y lo que
    tiene en otros módulos (`modulos`)."""
    return cliente360_controller.resumen(
        gateway(),
        cliente_id,
        contexto_auditoria(),
        config("UMBRAL_FIDELIZACION"),
        _contacto_completo(),
        aportes_al_resumen(),
    )


@blp.route("/<int:cliente_id>/revelar", methods=["POST"])
@requiere_permiso("clientes.revelar")
@blp.arguments(PedidoRevelar)
@blp.response(200, DatoRevelado)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
@blp.alt_response(422, schema=RespuestaError, description="Campo o motivo inválido")
def revelar(pedido: dict[str, str], cliente_id: int) -> dict[str, Any]:
    """El dato completo (teléfono, correo o dirección); el motivo (10 a 300 caracteres) se audita."""
    return cliente360_controller.revelar(
        gateway(), cliente_id, pedido["campo"], pedido["motivo"], contexto_auditoria()
    )


@blp.route("/<int:cliente_id>/fusionar", methods=["POST"])
@requiere_permiso("clientes.fusionar")
@blp.arguments(PedidoFusion)
@blp.response(200, ClienteFusionado)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
@blp.alt_response(409, schema=RespuestaError, description="Alguno ya está inactivo o fusionado")
@blp.alt_response(422, schema=RespuestaError, description="Motivo inválido o el mismo cliente")
def fusionar(pedido: dict[str, Any], cliente_id: int) -> dict[str, Any]:
    """Fusiona el cliente `con` en este (la misma persona bajo dos documentos), en una transacción.

    Compras, notas, contratos, beneficios y usuarios del portal pasan a este cliente; el otro queda
    inactivo y su documento como alias (la consulta por él encuentra a este). Se audita con el
    motivo (10 a 300 caracteres). Responde este cliente con contacto completo, sus alias y lo movido.
    """
    return fusion_controller.fusionar(
        gateway(),
        cliente_id,
        pedido["con"],
        pedido["motivo"],
        contexto_auditoria(),
        movedores_de_fusion(),
    )


@blp.route("/<int:cliente_id>/notas", methods=["GET"])
@requiere_permiso("clientes.notas")
@blp.arguments(Paginacion, location="query")
@blp.response(200, PaginaNotas)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
def notas(paginacion: dict[str, int], cliente_id: int) -> dict[str, Any]:
    """Notas de llamadas del cliente, de la más nueva a la más antigua, con autor y hora."""
    return nota_controller.listar(
        gateway(), cliente_id, paginacion["pagina"], paginacion["por_pagina"]
    )


@blp.route("/<int:cliente_id>/notas", methods=["POST"])
@requiere_permiso("clientes.notas")
@blp.arguments(PedidoNota)
@blp.response(201, NotaEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Cliente no encontrado")
@blp.alt_response(422, schema=RespuestaError, description="Texto o motivo inválido")
def crear_nota(pedido: dict[str, Any], cliente_id: int) -> dict[str, Any]:
    """Nueva nota de llamada (texto de 1 a 2000 caracteres, motivo opcional). No se borran."""
    return nota_controller.crear(
        gateway(), cliente_id, usuario_actual(), pedido["texto"], pedido.get("motivo")
    )


@blp.route("/<int:cliente_id>/notas/<int:nota_id>", methods=["PATCH"])
@requiere_permiso("clientes.notas")
@blp.arguments(CambioNota)
@blp.response(200, NotaEsquema)
@blp.alt_response(404, schema=RespuestaError, description="Nota no encontrada")
@blp.alt_response(422, schema=RespuestaError, description="Texto inválido")
def editar_nota(pedido: dict[str, Any], cliente_id: int, nota_id: int) -> dict[str, Any]:
    """Corrige una nota: solo su autor y durante 15 minutos (403 si no); el texto previo queda."""
    return nota_controller.editar(gateway(), cliente_id, nota_id, usuario_actual(), pedido["texto"])


@blp_yo.route("/clientes-recientes", methods=["GET"])
@requiere_permiso("clientes.consultar")
@blp_yo.response(200, Recientes)
def clientes_recientes() -> dict[str, Any]:
    """Los últimos 10 clientes distintos que usted abrió (consulta o resumen), del más reciente."""
    return cliente360_controller.recientes(gateway(), usuario_actual().id)
