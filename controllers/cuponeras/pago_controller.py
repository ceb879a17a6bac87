"""Pago de un cupón (banco, corresponsal, o el titular en el portal): todo en una transacción e
idempotente por canal + referencia."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers import correo_controller
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import aviso_controller
from controllers.cuponeras.cupon_controller import cupon_visible
from errores import Conflicto, DatosInvalidos, Prohibido
from models.cuponeras import CANALES_PAGO, Beneficio, Contrato, Cupon, Factura, Pago
from services import tiempo_service
from services.cuponeras import cupon_service

_REFERENCIA_PERMITIDA = "Solo letras, dígitos, guion, guion bajo, punto, barra y dos puntos."


class CuponVencido(Conflicto):
    codigo = "cupon_vencido"
    mensaje_por_defecto = "El cupón venció: genere uno nuevo."


class CuponPagado(Conflicto):
    codigo = "cupon_pagado"
    mensaje_por_defecto = "El cupón ya está pagado."


class CuponAnulado(Conflicto):
    codigo = "cupon_anulado"
    mensaje_por_defecto = "El cupón fue anulado: use el cupón vigente del contrato."


class ReferenciaUsada(Conflicto):
    codigo = "referencia_usada"
    mensaje_por_defecto = "Esa referencia ya se usó en este canal para otro cupón o por otro valor."


class ValorIncorrecto(DatosInvalidos):
    codigo = "valor_incorrecto"


class _OtroLoPago(Exception):
    """Otra transacción pagó el cupón entre la lectura y la escritura (SQLite no bloquea la fila
    al leerla): se revierte y se vuelve a intentar, que ya ve ese pago."""


def _validar(datos: dict[str, Any]) -> tuple[str, int, str, str]:
    numero = str(datos.get("numero_cupon") or "").strip()
    if not cupon_service.numero_cupon_valido(numero):
        raise DatosInvalidos.de_campo(
            "numero_cupon", "El número de cupón tiene 13 dígitos con un dígito de control válido."
        )
    canal = str(datos.get("canal") or "").strip().lower()
    if canal not in CANALES_PAGO:
        raise DatosInvalidos.de_campo("canal", "Canal no válido: use banco, portal o corresponsal.")
    referencia = str(datos.get("referencia") or "").strip()
    if not 1 <= len(referencia) <= 64 or not all(c.isalnum() or c in "-_./:" for c in referencia):
        raise DatosInvalidos.de_campo(
            "referencia", f"La referencia tiene de 1 a 64 caracteres. {_REFERENCIA_PERMITIDA}"
        )
    valor = datos.get("valor")
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 0:
        raise DatosInvalidos.de_campo("valor", "El valor va en pesos enteros, sin decimales.")
    return numero, valor, canal, referencia


def _repeticion(
    sesion: Session, numero: str, valor: int, canal: str, referencia: str
) -> int | None:
    """El id del pago si canal + referencia ya existen con el mismo cupón y valor; 409 si existen
    con otro; None si son nuevos."""
    anterior = sesion.execute(
        select(Pago.id, Pago.valor, Cupon.numero)
        .join(Cupon, Cupon.id == Pago.cupon_id)
        .where(Pago.canal == canal, Pago.referencia == referencia)
        # Lectura con bloqueo: ve el pago que otra transacción acabe de confirmar (MariaDB).
        .with_for_update(of=Pago)
    ).first()
    if anterior is None:
        return None
    if anterior.numero != numero or anterior.valor != valor:
        raise ReferenciaUsada()
    return int(anterior.id)


def _recibo(contrato: Contrato, cupon: Cupon, pago: Pago, facturas: list[Factura]) -> str:
    lineas = [
        "Recibimos su pago. Gracias.",
        "",
        f"Contrato: {contrato.numero_contrato} ({contrato.servicio}, {contrato.direccion}, "
        f"{contrato.ciudad})",
        f"Cupón: {cupon.numero}",
        f"Valor pagado: {cupon_service.pesos_enteros(pago.valor)}",
    ]
    if cupon.descuento:
        lineas.append(f"Descuento del beneficio: {cupon_service.pesos_enteros(cupon.descuento)}")
    lineas += [
        f"Canal: {pago.canal}",
        f"Referencia: {pago.referencia}",
        f"Fecha del pago: {tiempo_service.a_bogota(pago.pagado_en):%Y-%m-%d %H:%M} (hora de Bogotá)",
        f"Número de pago: {pago.id}",
        "",
        "Facturas pagadas:",
        *(f"  - {f.numero_factura} (periodo {f.periodo})" for f in facturas),
        "",
        "SAC Ríos del Desierto",
    ]
    return "\n".join(lineas)


def _aplicar(
    sesion: Session,
    cupon: Cupon,
    valor: int,
    canal: str,
    referencia: str,
    usuario: UsuarioActual,
    ahora: datetime,
) -> tuple[int, list[int]]:
    """Cupón pagado, facturas pagadas con saldo 0, la fila del pago, el beneficio usado, eventos,
    notificaciones y el recibo en la bandeja: todo o nada (la transacción de quien llama)."""
    hoy = tiempo_service.hoy_bogota(ahora)
    if cupon.estado == "pagado":
        raise CuponPagado()
    if cupon.estado == "anulado":
        raise CuponAnulado()
    if cupon.estado == "vencido" or cupon.fecha_limite < hoy:
        raise CuponVencido(
            f"El cupón venció el {cupon.fecha_limite:%Y-%m-%d} (hora de Bogotá): genere uno nuevo."
        )
    if valor != cupon.valor:
        raise ValorIncorrecto(
            f"El valor pagado ({cupon_service.pesos_enteros(valor)}) no es el del cupón "
            f"({cupon_service.pesos_enteros(cupon.valor)}): se paga el valor exacto.",
            {"campos": {"valor": ["Debe ser exactamente el valor del cupón."]},
             "esperado": cupon.valor, "recibido": valor},
        )  # fmt: skip
    # Solo un pago gana aunque dos lleguen a la vez (la fila no estaba bloqueada en SQLite).
    tomado = (
        sesion.connection()
        .execute(
            update(Cupon)
            .where(Cupon.id == cupon.id, Cupon.estado == "emitido")
            .values(estado="pagado", cerrado_en=ahora)
        )
        .rowcount
    )
    if tomado != 1:
        raise _OtroLoPago()
    contrato = sesion.get_one(Contrato, cupon.contrato_id)
    facturas = [linea.factura for linea in cupon.facturas]
    for factura in facturas:
        factura.estado = "pagada"
        factura.saldo = 0
        factura.pagada_en = ahora
        factura.actualizado_en = ahora
    pago = Pago(
        cupon_id=cupon.id,
        valor=valor,
        canal=canal,
        referencia=referencia,
        pagado_en=ahora,
        registrado_por_id=usuario.id,
    )
    sesion.add(pago)
    sesion.flush()
    ref_cupon = f"cupon:{cupon.numero}"
    pesos = cupon_service.pesos_enteros(valor)
    aviso_controller.evento(
        sesion,
        contrato.id,
        "pago",
        f"Pago de {pesos} del cupón {cupon.numero} por {canal} (referencia {referencia}); "
        f"facturas pagadas: {', '.join(f.numero_factura for f in facturas)}.",
        ahora,
        ref_cupon,
        valor,
    )
    if cupon.beneficio_id is not None:
        beneficio = sesion.get_one(Beneficio, cupon.beneficio_id)
        beneficio.estado = "usado"
        beneficio.usado_en = ahora
        aviso_controller.evento(
            sesion,
            contrato.id,
            "beneficio_usado",
            f"Beneficio {beneficio.codigo} usado en el cupón {cupon.numero}: descuento de "
            f"{cupon_service.pesos_enteros(cupon.descuento)}.",
            ahora,
            f"beneficio:{beneficio.codigo}",
            cupon.descuento,
        )
    aviso_controller.notificar(
        sesion,
        contrato.cliente_id,
        "pago",
        f"Contrato {contrato.numero_contrato}: recibimos su pago de {pesos} (cupón "
        f"{cupon.numero}); {len(facturas)} factura(s) pagada(s).",
        ref_cupon,
        ahora,
    )
    correos = []
    destinatario = aviso_controller.destinatario_titular(sesion, contrato.cliente_id)
    if destinatario:
        correos.append(
            correo_controller.encolar(
                sesion,
                destinatario,
                f"Recibo de pago — contrato {contrato.numero_contrato}",
                _recibo(contrato, cupon, pago, facturas),
                referencia=ref_cupon,
            )
        )
    return pago.id, correos


def pagar(
    gateway: BaseDatosClient, usuario: UsuarioActual, datos: dict[str, Any]
) -> tuple[dict[str, Any], list[int]]:
    """Aplica el pago (o devuelve el mismo si canal + referencia se repiten); devuelve la respuesta
    y los correos encolados (para despacharlos tras responder)."""
    numero, valor, canal, referencia = _validar(datos)
    if not usuario.puede("pagos.registrar"):
        if not usuario.puede("cuponeras.portal"):
            raise Prohibido()
        if canal != "portal":
            raise Prohibido("Desde el portal solo se registran pagos con el canal portal.")
    for intento in range(2):
        try:
            with gateway.session_scope() as sesion:
                cupon = cupon_visible(sesion, usuario, numero, bloquear=True)
                repetido = _repeticion(sesion, numero, valor, canal, referencia)
                if repetido is not None:
                    return {"pago_id": repetido, "estado": "aplicado"}, []
                pago_id, correos = _aplicar(
                    sesion, cupon, valor, canal, referencia, usuario, tiempo_service.ahora_utc()
                )
                return {"pago_id": pago_id, "estado": "aplicado"}, correos
        except (IntegrityError, _OtroLoPago) as error:
            # Otro proceso registró la misma referencia o pagó el cupón a la vez: se revirtió
            # todo; la segunda vuelta responde como una repetición (200) o como conflicto (409).
            if intento:
                raise Conflicto("El cupón se pagó en otra operación al mismo tiempo.") from error
    raise AssertionError("inalcanzable")
