"""Generación y consulta de cupones de pago: un cupón vivo por contrato, con el beneficio del
titular si lo pide (reservado al cupón hasta que se pague, se anule o venza)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import aviso_controller
from controllers.cuponeras.alcance_controller import cliente_del_portal, contrato_visible
from errores import Conflicto, DatosInvalidos, NoEncontrado
from models.cuponeras import Beneficio, Contrato, Cupon, CuponFactura, Factura
from services import tiempo_service
from services.cuponeras import cupon_service

NO_EXISTE_CUPON = "No existe un cupón con ese número."
INTENTOS_NUMERO = 10


class NadaQuePagar(DatosInvalidos):
    codigo = "nada_que_pagar"
    mensaje_por_defecto = "El contrato no tiene facturas con saldo por pagar."


class BeneficioInvalido(DatosInvalidos):
    codigo = "beneficio_invalido"


@dataclass(frozen=True)
class CuponGenerado:
    cupon: dict[str, Any]
    nuevo: bool


def cupon_publico(sesion: Session, cupon: Cupon) -> dict[str, Any]:
    contrato = sesion.get_one(Contrato, cupon.contrato_id)
    beneficio = sesion.get(Beneficio, cupon.beneficio_id) if cupon.beneficio_id else None
    return {
        "numero": cupon.numero,
        "numero_contrato": contrato.numero_contrato,
        "subtotal": cupon.subtotal,
        "descuento": cupon.descuento,
        "valor": cupon.valor,
        "beneficio": beneficio.codigo if beneficio else None,
        "fecha_emision": cupon.fecha_emision,
        "fecha_limite": cupon.fecha_limite,
        "estado": cupon.estado,
        "facturas": [
            {
                "numero_factura": linea.factura.numero_factura,
                "periodo": linea.factura.periodo,
                "saldo": linea.saldo,
            }
            for linea in cupon.facturas
        ],
        "codigo_barras": cupon.codigo_barras,
    }


def cerrar_cupon(sesion: Session, cupon: Cupon, estado: str, motivo: str, ahora: datetime) -> bool:
    """Anula o vence un cupón que sigue emitido (su beneficio, si tenía, vuelve a quedar
    disponible: la reserva es el propio cupón emitido) y lo anota en el historial. False si otra
    transacción ya lo había cerrado o pagado."""
    if not aviso_controller.transicion(
        sesion, Cupon, cupon.id, "emitido", estado, cerrado_en=ahora
    ):
        return False
    tipo = "cupon_anulado" if estado == "anulado" else "cupon_vencido"
    aviso_controller.evento(
        sesion, cupon.contrato_id, tipo, motivo, ahora, f"cupon:{cupon.numero}", cupon.valor
    )
    return True


def _beneficio_para(
    sesion: Session, codigo: str, contrato: Contrato, hoy: date, vivo: Cupon | None
) -> Beneficio:
    """El beneficio pedido si es del titular, está disponible, no venció y ningún otro cupón
    emitido lo tiene reservado; si no, 422 con el motivo (uno ajeno se trata como inexistente)."""
    limpio = cupon_service.normalizar_codigo_beneficio(codigo)
    beneficio = sesion.scalar(select(Beneficio).where(Beneficio.codigo == limpio).with_for_update())
    if beneficio is None or beneficio.cliente_id != contrato.cliente_id:
        raise BeneficioInvalido.de_campo(
            "beneficio", "No existe un beneficio con ese código para el titular del contrato."
        )
    if beneficio.estado == "usado":
        raise BeneficioInvalido.de_campo("beneficio", "Ese beneficio ya se usó.")
    if beneficio.estado == "vencido" or beneficio.vence_en < hoy:
        raise BeneficioInvalido.de_campo(
            "beneficio", f"Ese beneficio venció el {beneficio.vence_en:%Y-%m-%d}."
        )
    reservado = sesion.scalar(
        select(Cupon.numero)
        .where(
            Cupon.beneficio_id == beneficio.id,
            Cupon.estado == "emitido",
            Cupon.id != (vivo.id if vivo else 0),
        )
        # Lectura con bloqueo: ve la reserva que otro contrato del titular acabe de confirmar.
        .with_for_update()
    )
    if reservado:
        raise BeneficioInvalido.de_campo(
            "beneficio",
            f"Ese beneficio está reservado en el cupón {reservado}; anúlelo o deje que venza.",
        )
    return beneficio


def _numero_libre(sesion: Session) -> str:
    for _ in range(INTENTOS_NUMERO):
        numero = cupon_service.nuevo_numero_cupon()
        if sesion.scalar(select(Cupon.id).where(Cupon.numero == numero)) is None:
            return numero
    raise RuntimeError("No se encontró un número de cupón libre.")  # 10^12 números: no ocurre


def generar(
    gateway: BaseDatosClient,
    usuario: UsuarioActual,
    numero_contrato: str,
    codigo_beneficio: str | None,
    gln: str,
) -> CuponGenerado:
    """Cupón de las facturas con saldo (la más antigua primero). Mismas facturas y sin beneficio:
    el cupón vivo (200); si no, el emitido anterior queda anulado y se emite uno nuevo (201)."""
    ahora = tiempo_service.ahora_utc()
    hoy = tiempo_service.hoy_bogota(ahora)
    with gateway.session_scope() as sesion:
        # Generaciones del mismo contrato, en fila: esta escritura, antes de cualquier lectura,
        # bloquea la fila del contrato (PostgreSQL, MariaDB) o toma el candado de escritura
        # (SQLite); lo que se lee después ya ve lo que confirmó la generación anterior (también en
        # MariaDB, cuya foto de la transacción empieza en la primera lectura). Si el contrato no
        # existe o es ajeno, el 404 revierte esta escritura.
        sesion.execute(
            update(Contrato)
            .where(Contrato.numero_contrato == (numero_contrato or "").strip())
            .values(actualizado_en=ahora)
        )
        contrato = contrato_visible(sesion, usuario, numero_contrato)
        por_pagar = sesion.scalars(
            select(Factura)
            .where(
                Factura.contrato_id == contrato.id,
                Factura.estado.in_(("pendiente", "vencida")),
                Factura.saldo > 0,
            )
            .order_by(Factura.fecha_vencimiento, Factura.periodo, Factura.id)
        ).all()
        if not por_pagar:
            raise NadaQuePagar()
        vivo = sesion.scalar(
            select(Cupon)
            .where(Cupon.contrato_id == contrato.id, Cupon.estado == "emitido")
            .order_by(Cupon.id.desc())
        )
        pedido = (codigo_beneficio or "").strip()
        beneficio = _beneficio_para(sesion, pedido, contrato, hoy, vivo) if pedido else None
        if vivo is not None and beneficio is None and vivo.fecha_limite >= hoy:
            cubiertas = [(linea.factura_id, linea.saldo) for linea in vivo.facturas]
            if cubiertas == [(f.id, f.saldo) for f in por_pagar]:
                return CuponGenerado(cupon_publico(sesion, vivo), nuevo=False)
        if vivo is not None:
            estado, motivo = (
                ("vencido", "Cupón vencido sin pagar.")
                if vivo.fecha_limite < hoy
                else ("anulado", "Cupón anulado: se generó uno nuevo.")
            )
            if not cerrar_cupon(sesion, vivo, estado, motivo, ahora):
                raise Conflicto(
                    f"El cupón {vivo.numero} se pagó mientras se generaba otro; consulte las "
                    "facturas del contrato antes de generar de nuevo."
                )
        subtotal = sum(f.saldo for f in por_pagar)
        rebaja = (
            cupon_service.descuento(subtotal, beneficio.porcentaje, beneficio.tope)
            if beneficio
            else 0
        )
        valor = subtotal - rebaja
        limite = cupon_service.fecha_limite(max(f.fecha_vencimiento for f in por_pagar), hoy)
        numero = _numero_libre(sesion)
        cupon = Cupon(
            numero=numero,
            contrato_id=contrato.id,
            subtotal=subtotal,
            descuento=rebaja,
            valor=valor,
            beneficio_id=beneficio.id if beneficio else None,
            fecha_emision=hoy,
            fecha_limite=limite,
            estado="emitido",
            codigo_barras=cupon_service.codigo_barras(gln, numero, valor, limite),
            creado_en=ahora,
            facturas=[
                CuponFactura(factura_id=f.id, orden=orden, saldo=f.saldo)
                for orden, f in enumerate(por_pagar, start=1)
            ],
        )
        sesion.add(cupon)
        sesion.flush()
        pesos = cupon_service.pesos_enteros(valor)
        descripcion = (
            f"Cupón {numero} por {pesos} ({len(por_pagar)} factura(s)), límite "
            f"{limite:%Y-%m-%d}"
            + (f"; beneficio {beneficio.codigo} (-{rebaja})" if beneficio else "")
        )
        referencia = f"cupon:{numero}"
        aviso_controller.evento(
            sesion, contrato.id, "cupon_generado", descripcion, ahora, referencia, valor
        )
        aviso_controller.notificar(
            sesion,
            contrato.cliente_id,
            "cupon_generado",
            f"Contrato {contrato.numero_contrato}: cupón {numero} por {pesos}, pague a más "
            f"tardar el {limite:%Y-%m-%d}.",
            referencia,
            ahora,
        )
        sesion.refresh(cupon)
        return CuponGenerado(cupon_publico(sesion, cupon), nuevo=True)


def cupon_visible(
    sesion: Session, usuario: UsuarioActual, numero: str, bloquear: bool = False
) -> Cupon:
    """El cupón si el usuario ve su contrato; si no, 404."""
    cliente_id = cliente_del_portal(sesion, usuario)
    consulta = select(Cupon).where(Cupon.numero == (numero or "").strip())
    if cliente_id is not None:
        consulta = consulta.join(Contrato, Contrato.id == Cupon.contrato_id).where(
            Contrato.cliente_id == cliente_id
        )
    if bloquear:
        consulta = consulta.with_for_update(of=Cupon)
    cupon = sesion.scalar(consulta)
    if cupon is None:
        raise NoEncontrado(NO_EXISTE_CUPON)
    return cupon


def obtener(gateway: BaseDatosClient, usuario: UsuarioActual, numero: str) -> dict[str, Any]:
    with gateway.session_scope() as sesion:
        return cupon_publico(sesion, cupon_visible(sesion, usuario, numero))
