"""Siembra de demostración de M6: contratos de varios clientes fijos con facturas pagadas (con su
cupón y su pago), vencidas y pendientes y su historial; un beneficio disponible; el usuario del
portal `cliente@demo.co` (verificado) y la cuenta de recaudo `recaudo`. Idempotente: un contrato o
un beneficio que ya existe no se toca."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from config import GLN_DESARROLLO
from controllers.cuponeras import aviso_controller
from controllers.demo_controller import crear_usuarios_demo
from models import Cliente, TipoDocumento, Usuario
from models.cuponeras import Beneficio, Contrato, Cupon, CuponFactura, Factura, Pago
from services import gs1_service
from services.cuponeras import cupon_service
from services.cuponeras import demo_service as datos
from services.cuponeras.demo_service import ContratoDemo, FacturaDemo
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

# Los cupones pagados de la demostración llevan el GLN de desarrollo (el valor por defecto de
# GLN_RECAUDO): la demostración no va a producción.
GLN_DEMO = GLN_DESARROLLO


def _instante(dia: date, hora: int, minuto: int = 0) -> datetime:
    """El instante de un día de Bogotá a una hora."""
    return datetime.combine(dia, time(hora, minuto), tzinfo=ZONA_BOGOTA)


def _cliente(sesion: Session, tipo: str, numero: str) -> Cliente | None:
    return sesion.scalar(
        select(Cliente)
        .join(TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id)
        .where(TipoDocumento.codigo == tipo, Cliente.numero_documento == numero)
    )


def _pagar(
    sesion: Session, contrato: Contrato, factura: Factura, demo: FacturaDemo, orden: int
) -> None:
    assert demo.pagada_el is not None
    numero = gs1_service.con_digito_control(datos.base_numero_cupon(_demo_de(contrato), orden))
    emitido = demo.fecha_vencimiento - timedelta(days=10)
    pagado = _instante(demo.pagada_el, 10, 15)
    cupon = Cupon(
        numero=numero,
        contrato_id=contrato.id,
        subtotal=demo.valor,
        descuento=0,
        valor=demo.valor,
        fecha_emision=emitido,
        fecha_limite=demo.fecha_vencimiento,
        estado="pagado",
        codigo_barras=cupon_service.codigo_barras(
            GLN_DEMO, numero, demo.valor, demo.fecha_vencimiento
        ),
        creado_en=_instante(emitido, 9),
        cerrado_en=pagado,
        facturas=[CuponFactura(factura_id=factura.id, orden=1, saldo=demo.valor)],
    )
    sesion.add(cupon)
    sesion.flush()
    sesion.add(
        Pago(
            cupon_id=cupon.id,
            valor=demo.valor,
            canal="banco",
            referencia=f"DEMO-{numero}",
            pagado_en=pagado,
        )
    )
    pesos = cupon_service.pesos_enteros(demo.valor)
    aviso_controller.evento(
        sesion,
        contrato.id,
        "cupon_generado",
        f"Cupón {numero} por {pesos} (1 factura(s)), límite {demo.fecha_vencimiento:%Y-%m-%d}",
        _instante(emitido, 9),
        f"cupon:{numero}",
        demo.valor,
    )
    aviso_controller.evento(
        sesion,
        contrato.id,
        "pago",
        f"Pago de {pesos} del cupón {numero} por banco (referencia DEMO-{numero})",
        pagado,
        f"cupon:{numero}",
        demo.valor,
    )


_DEMOS = {demo.numero_contrato: demo for demo in datos.CONTRATOS_DEMO}


def _demo_de(contrato: Contrato) -> ContratoDemo:
    return _DEMOS[contrato.numero_contrato]


def _sembrar_contrato(sesion: Session, demo: ContratoDemo, cliente: Cliente, hoy: date) -> None:
    facturas = datos.facturas_demo(demo, hoy)
    contrato = Contrato(
        numero_contrato=demo.numero_contrato,
        cliente_id=cliente.id,
        servicio=demo.servicio,
        direccion=demo.direccion,
        ciudad=demo.ciudad,
        estado="activo",
        fecha_inicio=facturas[0].fecha_emision - timedelta(days=400),
        creado_en=_instante(facturas[0].fecha_emision, 8),
        actualizado_en=_instante(facturas[0].fecha_emision, 8),
    )
    sesion.add(contrato)
    sesion.flush()
    for orden, demo_factura in enumerate(facturas, start=1):
        emitida = _instante(demo_factura.fecha_emision, 8)
        factura = Factura(
            numero_factura=demo_factura.numero_factura,
            contrato_id=contrato.id,
            periodo=demo_factura.periodo,
            fecha_emision=demo_factura.fecha_emision,
            fecha_vencimiento=demo_factura.fecha_vencimiento,
            valor=demo_factura.valor,
            saldo=0 if demo_factura.estado == "pagada" else demo_factura.valor,
            estado=demo_factura.estado,
            pagada_en=_instante(demo_factura.pagada_el, 10, 15) if demo_factura.pagada_el else None,
            creado_en=emitida,
            actualizado_en=emitida,
        )
        sesion.add(factura)
        sesion.flush()
        referencia = f"factura:{factura.numero_factura}"
        pesos = cupon_service.pesos_enteros(factura.valor)
        aviso_controller.evento(
            sesion,
            contrato.id,
            "factura_emitida",
            f"Factura {factura.numero_factura} del periodo {factura.periodo} por {pesos}, vence "
            f"{factura.fecha_vencimiento:%Y-%m-%d}",
            emitida,
            referencia,
            factura.valor,
        )
        if demo_factura.estado == "pagada":
            _pagar(sesion, contrato, factura, demo_factura, orden)
        if demo_factura.estado == "vencida":
            aviso_controller.evento(
                sesion,
                contrato.id,
                "factura_vencida",
                f"Factura {factura.numero_factura} vencida con saldo {pesos}",
                _instante(demo_factura.fecha_vencimiento + timedelta(days=1), 0, 10),
                referencia,
                factura.valor,
            )


def _usuario_portal(sesion: Session, cliente: Cliente, instante: datetime) -> None:
    """Liga el usuario del portal a su titular con el correo verificado (si aún no lo está)."""
    usuario = sesion.scalars(
        select(Usuario).where(Usuario.usuario == datos.USUARIO_PORTAL.usuario)
    ).one()
    if usuario.cliente_id is None:
        usuario.cliente_id = cliente.id
        usuario.correo = datos.USUARIO_PORTAL.usuario
        usuario.correo_verificado_en = instante


def _beneficio(sesion: Session, cliente: Cliente, instante: datetime) -> bool:
    """Un beneficio `pago_oportuno` disponible del mes anterior; False si ya existía."""
    hoy = hoy_bogota(instante)
    anterior = (hoy.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    existe = sesion.scalar(
        select(Beneficio.id).where(
            Beneficio.cliente_id == cliente.id,
            Beneficio.regla == "pago_oportuno",
            Beneficio.mes == anterior,
        )
    )
    if existe is not None:
        return False
    otorgado = instante - timedelta(days=2)
    beneficio = Beneficio(
        codigo=cupon_service.nuevo_codigo_beneficio(),
        cliente_id=cliente.id,
        regla="pago_oportuno",
        mes=anterior,
        porcentaje=5,
        tope=50_000,
        otorgado_en=otorgado,
        vence_en=cupon_service.vence_beneficio(hoy_bogota(otorgado)),
        estado="disponible",
    )
    sesion.add(beneficio)
    sesion.flush()
    aviso_controller.evento_en_contratos_del_cliente(
        sesion,
        cliente.id,
        "beneficio_otorgado",
        f"Beneficio {beneficio.codigo}: 5 % por pago oportuno (tope $ 50.000), vence "
        f"{beneficio.vence_en:%Y-%m-%d}",
        otorgado,
        f"beneficio:{beneficio.codigo}",
    )
    aviso_controller.notificar(
        sesion,
        cliente.id,
        "beneficio_otorgado",
        f"Ganó un beneficio de 5 % por pagar a tiempo: código {beneficio.codigo}, úselo antes "
        f"del {beneficio.vence_en:%Y-%m-%d}.",
        f"beneficio:{beneficio.codigo}",
        otorgado,
    )
    return True


def sembrar(gateway: BaseDatosClient, instante: datetime) -> list[str]:
    """Crea lo que falte (idempotente) y devuelve las líneas que informa el comando seed."""
    hoy = hoy_bogota(instante)
    lineas: list[str] = []
    with gateway.session_scope() as sesion:
        usuarios = crear_usuarios_demo(
            sesion, (datos.USUARIO_PORTAL, datos.USUARIO_RECAUDO), instante
        )
        lineas += [
            f"Usuario {usuario} ({rol}): {'creado' if creado else 'ya existía'}."
            for usuario, rol, creado in usuarios
        ]
        titular = _cliente(sesion, *datos.TITULAR_PORTAL)
        if titular is None:
            lineas.append("Cuponeras: falta el cliente titular de la demostración; no se sembró.")
            return lineas
        _usuario_portal(sesion, titular, instante)
        nuevos = 0
        for demo in datos.CONTRATOS_DEMO:
            cliente = _cliente(sesion, demo.tipo_documento, demo.numero_documento)
            existe = sesion.scalar(
                select(Contrato.id).where(Contrato.numero_contrato == demo.numero_contrato)
            )
            if cliente is None or existe is not None:
                continue
            _sembrar_contrato(sesion, demo, cliente, hoy)
            nuevos += 1
        beneficio = _beneficio(sesion, titular, instante)
    lineas.append(
        f"Cuponeras: {nuevos} contratos nuevos de {len(datos.CONTRATOS_DEMO)} (cada uno con "
        "dos facturas pagadas, una vencida y una pendiente)."
    )
    lineas.append(
        "Cuponeras: beneficio de demostración " + ("creado." if beneficio else "ya existía.")
    )
    return lineas
