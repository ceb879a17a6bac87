"""`cupones beneficios --mes`: beneficios del mes por `pago_oportuno` y `cliente_fiel` (la regla
del reporte de fidelización del SAC, la misma consulta), idempotente por cliente, regla y mes; y
los beneficios propios del portal."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers import reporte_controller
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import aviso_controller
from controllers.cuponeras.alcance_controller import cliente_del_portal
from errores import Conflicto
from models.cuponeras import Beneficio, Contrato, Cupon, Factura
from services import reporte_service, tiempo_service
from services.cuponeras import cupon_service
from services.tiempo_service import Mes

# regla: (porcentaje, tope en pesos)
REGLAS = {"pago_oportuno": (5, 50_000), "cliente_fiel": (10, 100_000)}
MESES_PAGO_OPORTUNO = 3
MINIMO_FACTURAS = 2


@dataclass
class ResumenBeneficios:
    mes: str
    otorgados: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REGLAS, 0))
    ya_otorgados: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REGLAS, 0))


def clientes_pago_oportuno(sesion: Session, mes: Mes) -> set[int]:
    """Clientes cuyas facturas (no anuladas) que vencían en los 3 meses que terminan en `mes` se
    pagaron todas a más tardar el día del vencimiento (en Bogotá); al menos 2 facturas."""
    desde, fin = mes.anterior().anterior(), mes.siguiente()
    primer_dia = date(desde.anio, desde.mes, 1)
    ultimo_dia = date(fin.anio, fin.mes, 1) - timedelta(days=1)
    filas = sesion.execute(
        select(Contrato.cliente_id, Factura.estado, Factura.fecha_vencimiento, Factura.pagada_en)
        .join(Contrato, Contrato.id == Factura.contrato_id)
        .where(
            Factura.fecha_vencimiento >= primer_dia,
            Factura.fecha_vencimiento <= ultimo_dia,
            Factura.estado != "anulada",
        )
    ).all()
    cuenta: dict[int, list[bool]] = defaultdict(list)
    for cliente_id, estado, vence, pagada_en in filas:
        a_tiempo = (
            estado == "pagada"
            and pagada_en is not None
            and tiempo_service.hoy_bogota(pagada_en) <= vence
        )
        cuenta[cliente_id].append(a_tiempo)
    return {c for c, marcas in cuenta.items() if len(marcas) >= MINIMO_FACTURAS and all(marcas)}


def clientes_fieles(sesion: Session, mes: Mes, umbral: Decimal) -> set[int]:
    """Los clientes del reporte de fidelización del mes (la misma regla y consulta del SAC)."""
    fieles = reporte_service.clientes_fieles(mes, umbral)
    return set(sesion.scalars(select(fieles.c.cliente_id)).all())


def otorgar(gateway: BaseDatosClient, mes: str | None, umbral: Decimal) -> ResumenBeneficios:
    """Evalúa el mes (por defecto el anterior; nunca uno que no ha empezado) con los datos de hoy.

    Todo en una transacción; un cliente que ya tiene el beneficio de esa regla y mes no recibe otro.
    """
    elegido = reporte_controller.periodo(mes)
    ahora = tiempo_service.ahora_utc()
    hoy = tiempo_service.hoy_bogota(ahora)
    resumen = ResumenBeneficios(str(elegido))
    try:
        with gateway.session_scope() as sesion:
            candidatos = {
                "pago_oportuno": clientes_pago_oportuno(sesion, elegido),
                "cliente_fiel": clientes_fieles(sesion, elegido, umbral),
            }
            for regla, clientes in candidatos.items():
                ya = set(
                    sesion.scalars(
                        select(Beneficio.cliente_id).where(
                            Beneficio.regla == regla, Beneficio.mes == str(elegido)
                        )
                    ).all()
                )
                porcentaje, tope = REGLAS[regla]
                for cliente_id in sorted(clientes):
                    if cliente_id in ya:
                        resumen.ya_otorgados[regla] += 1
                        continue
                    _nuevo(sesion, cliente_id, regla, elegido, porcentaje, tope, ahora, hoy)
                    resumen.otorgados[regla] += 1
    except IntegrityError as error:
        raise Conflicto(
            "Otro proceso otorgó beneficios del mismo mes al mismo tiempo; no se guardó nada. "
            "Vuelva a correr el comando."
        ) from error
    return resumen


def _nuevo(
    sesion: Session,
    cliente_id: int,
    regla: str,
    mes: Mes,
    porcentaje: int,
    tope: int,
    ahora: datetime,
    hoy: date,
) -> None:
    codigo = cupon_service.nuevo_codigo_beneficio()
    while sesion.scalar(select(Beneficio.id).where(Beneficio.codigo == codigo)) is not None:
        codigo = cupon_service.nuevo_codigo_beneficio()
    vence = cupon_service.vence_beneficio(hoy)
    sesion.add(
        Beneficio(
            codigo=codigo,
            cliente_id=cliente_id,
            regla=regla,
            mes=str(mes),
            porcentaje=porcentaje,
            tope=tope,
            otorgado_en=ahora,
            vence_en=vence,
            estado="disponible",
        )
    )
    motivo = "pago oportuno" if regla == "pago_oportuno" else "cliente fiel"
    texto = (
        f"Beneficio {codigo} por {motivo} ({mes}): {porcentaje} % de descuento, hasta "
        f"{cupon_service.pesos_enteros(tope)}, válido hasta el {vence:%Y-%m-%d}."
    )
    referencia = f"beneficio:{codigo}"
    aviso_controller.evento_en_contratos_del_cliente(
        sesion, cliente_id, "beneficio_otorgado", texto, ahora, referencia
    )
    aviso_controller.notificar(sesion, cliente_id, "beneficio_otorgado", texto, referencia, ahora)


def beneficio_publico(beneficio: Beneficio, cupon: str | None) -> dict[str, Any]:
    return {
        "codigo": beneficio.codigo,
        "regla": beneficio.regla,
        "mes": beneficio.mes,
        "porcentaje": beneficio.porcentaje,
        "tope": beneficio.tope,
        "otorgado_en": tiempo_service.a_bogota(beneficio.otorgado_en),
        "vence_en": beneficio.vence_en,
        "estado": beneficio.estado,
        "usado_en": tiempo_service.a_bogota(beneficio.usado_en) if beneficio.usado_en else None,
        "numero_cupon": cupon,
    }


def del_portal(gateway: BaseDatosClient, usuario: UsuarioActual) -> list[dict[str, Any]]:
    """Los beneficios del cliente del usuario, los más recientes primero, con el cupón que los usa
    o los tiene reservados."""
    with gateway.session_scope() as sesion:
        cliente_id = cliente_del_portal(sesion, usuario)
        if cliente_id is None:
            return []
        beneficios = sesion.scalars(
            select(Beneficio)
            .where(Beneficio.cliente_id == cliente_id)
            .order_by(Beneficio.otorgado_en.desc(), Beneficio.id.desc())
        ).all()
        resultado = []
        for beneficio in beneficios:
            cupon = sesion.scalar(
                select(Cupon.numero).where(
                    Cupon.beneficio_id == beneficio.id, Cupon.estado.in_(("emitido", "pagado"))
                )
            )
            resultado.append(beneficio_publico(beneficio, cupon))
        return resultado
