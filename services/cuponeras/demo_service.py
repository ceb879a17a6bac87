"""Datos de demostración de M6 (puros): contratos de varios clientes fijos del SAC, sus facturas
(pagadas, vencida y pendiente) relativas al día de Bogotá de la siembra, el usuario del portal y la
cuenta de recaudo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from services.demo_service import NIT_DEMO, UsuarioDemo

USUARIO_PORTAL = UsuarioDemo(
    "cliente@demo.co", "María José Peña (portal, demostración)", "cliente", "Cliente-Demo-2026"
)
USUARIO_RECAUDO = UsuarioDemo(
    "recaudo", "Raúl Recaudo (demostración)", "recaudo", "Recaudo-Demo-2026"
)
# El titular del usuario del portal, que además tiene un beneficio disponible.
TITULAR_PORTAL = ("CC", "1020304050")


@dataclass(frozen=True)
class ContratoDemo:
    tipo_documento: str
    numero_documento: str
    numero_contrato: str
    servicio: str
    direccion: str
    ciudad: str
    valor_base: int  # pesos de la factura más antigua; las siguientes varían un poco


CONTRATOS_DEMO = (
    ContratoDemo("CC", "1020304050", "100200300", "energia", "Carrera 7 # 72-41 Apto 502", "Bogotá", 148_350),
    ContratoDemo("CC", "1020304050", "100200301", "agua", "Carrera 7 # 72-41 Apto 502", "Bogotá", 62_900),
    ContratoDemo("CE", "4567890", "200300400", "gas", "Calle 10 Sur # 43A-15", "Medellín", 38_700),
    ContratoDemo("NIT", NIT_DEMO, "300400500", "internet", "Vía 40 # 71-124", "Barranquilla", 459_000),
    ContratoDemo("CC", "79845123", "400500600", "energia", "Avenida 6N # 23-50", "Cali", 97_450),
)  # fmt: skip


@dataclass(frozen=True)
class FacturaDemo:
    numero_factura: str
    periodo: str
    fecha_emision: date
    fecha_vencimiento: date
    valor: int
    estado: str  # pagada, vencida o pendiente
    pagada_el: date | None  # día (Bogotá) del pago de una pagada


def _mes_anterior(anio: int, mes: int, meses: int) -> tuple[int, int]:
    total = anio * 12 + (mes - 1) - meses
    return total // 12, total % 12 + 1


def facturas_demo(contrato: ContratoDemo, hoy: date) -> list[FacturaDemo]:
    """Cuatro facturas, la más antigua primero: dos pagadas a tiempo, una vencida sin pagar y la
    del último periodo pendiente (vence dentro de 15 días). El periodo facturado es el mes anterior
    al de la factura más reciente y así hacia atrás: nunca se repite."""
    facturas = []
    for atras in (3, 2, 1, 0):
        anio, mes = _mes_anterior(hoy.year, hoy.month, atras + 1)
        emision = hoy - timedelta(days=5 + 30 * atras)
        vencimiento = emision + timedelta(days=20)
        estado = "pendiente" if atras == 0 else "vencida" if atras == 1 else "pagada"
        facturas.append(
            FacturaDemo(
                numero_factura=f"FE-{anio}{mes:02d}-{contrato.numero_contrato}",
                periodo=f"{anio}-{mes:02d}",
                fecha_emision=emision,
                fecha_vencimiento=vencimiento,
                valor=contrato.valor_base + 3_150 * (3 - atras) * (1 if atras % 2 else -1) + 10_000,
                estado=estado,
                pagada_el=vencimiento - timedelta(days=3) if estado == "pagada" else None,
            )
        )
    return facturas


def base_numero_cupon(contrato: ContratoDemo, factura: int) -> str:
    """Los 12 dígitos del cupón de demostración con que se pagó una factura (sin el de control):
    9, el contrato en 9 dígitos y el orden de la factura."""
    return f"9{contrato.numero_contrato[-9:]:0>9}{factura:02d}"
