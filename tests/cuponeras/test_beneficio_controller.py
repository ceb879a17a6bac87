"""`cupones beneficios --mes`: pago_oportuno y cliente_fiel (la regla del reporte de fidelización),
uno por cliente, regla y mes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import pytest
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from controllers.cuponeras import beneficio_controller
from errores import DatosInvalidos
from models.cuponeras import Beneficio
from tests.cuponeras.conftest import Escenario, crear_factura, notificaciones_de
from tests.fabricas import bogota, crear_cliente, crear_compra

UMBRAL = Decimal("5000000")


def _pagada(
    gateway: BaseDatosClient, contrato_id: int, periodo: str, vence: date, pagada: datetime
) -> None:
    crear_factura(gateway, contrato_id, periodo, vence, 50_000, estado="pagada", pagada_en=pagada)


def _beneficios(gateway: BaseDatosClient) -> list[tuple[int, str, str, int, int, date]]:
    with gateway.session_scope() as sesion:
        return [
            tuple(fila)
            for fila in sesion.execute(
                select(
                    Beneficio.cliente_id, Beneficio.regla, Beneficio.mes, Beneficio.porcentaje,
                    Beneficio.tope, Beneficio.vence_en,
                ).order_by(Beneficio.id)
            )
        ]  # fmt: skip


def test_pago_oportuno_pide_todas_las_facturas_de_3_meses_pagadas_a_tiempo_y_al_menos_2(
    escenario: Escenario, gateway: BaseDatosClient, reloj: Callable[[datetime], None]
) -> None:
    # Titular 1: dos facturas del trimestre ago-oct pagadas el día del vencimiento a las 23:59.
    _pagada(
        gateway, escenario.contrato_id, "2026-08", date(2026, 9, 10), bogota(2026, 9, 10, 23, 59)
    )
    _pagada(gateway, escenario.contrato_id, "2026-09", date(2026, 10, 10), bogota(2026, 10, 9))
    # Titular 2: una a tiempo y otra pagada un día tarde.
    _pagada(gateway, escenario.otro_contrato_id, "2026-08", date(2026, 9, 10), bogota(2026, 9, 1))
    _pagada(
        gateway,
        escenario.otro_contrato_id,
        "2026-09",
        date(2026, 10, 10),
        bogota(2026, 10, 11, 0, 1),
    )
    reloj(bogota(2026, 11, 2, 8))
    resumen = beneficio_controller.otorgar(gateway, "2026-10", UMBRAL)
    assert resumen.otorgados == {"pago_oportuno": 1, "cliente_fiel": 0}
    assert _beneficios(gateway) == [
        (escenario.cliente_id, "pago_oportuno", "2026-10", 5, 50_000, date(2027, 1, 1))
    ]
    assert any(
        t == "beneficio_otorgado"
        for t, _ in notificaciones_de(gateway, escenario.usuario_portal_id)
    )


def test_una_sola_factura_o_una_pendiente_en_el_trimestre_no_da_pago_oportuno(
    escenario: Escenario, gateway: BaseDatosClient
) -> None:
    _pagada(gateway, escenario.contrato_id, "2026-09", date(2026, 10, 10), bogota(2026, 10, 9))
    crear_factura(gateway, escenario.otro_contrato_id, "2026-08", date(2026, 9, 10))
    _pagada(gateway, escenario.otro_contrato_id, "2026-09", date(2026, 10, 10), bogota(2026, 10, 1))
    assert beneficio_controller.otorgar(gateway, "2026-10", UMBRAL).otorgados["pago_oportuno"] == 0


def test_cliente_fiel_es_exactamente_quien_sale_en_el_reporte_de_fidelizacion(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    # Justo en el umbral no califica; un peso más sí; el borde de mes es el de Bogotá.
    crear_compra(gateway, escenario.cliente_id, bogota(2026, 10, 31, 23, 59), "5000000.01")
    crear_compra(gateway, escenario.otro_cliente_id, bogota(2026, 10, 15), "5000000.00")
    tercero = crear_cliente(gateway, numero="11223344", correo=None)
    crear_compra(gateway, tercero, bogota(2026, 11, 1, 0, 0), "9000000")  # ya es noviembre
    reporte = client.get(
        "/api/reportes/fidelizacion/resumen",
        query_string={"mes": "2026-10"},
        headers=escenario.cabeceras["supervisor"],
    ).json
    assert [c["numero_documento"] for c in reporte["clientes"]] == ["1020304050"]
    resumen = beneficio_controller.otorgar(gateway, "2026-10", UMBRAL)
    assert resumen.otorgados == {"pago_oportuno": 0, "cliente_fiel": 1}
    (beneficio,) = _beneficios(gateway)
    assert beneficio[:5] == (escenario.cliente_id, "cliente_fiel", "2026-10", 10, 100_000)


def test_correr_beneficios_dos_veces_en_el_mes_no_duplica_nada(
    runner: FlaskCliRunner,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    crear_compra(gateway, escenario.cliente_id, bogota(2026, 10, 5), "7000000")
    _pagada(gateway, escenario.contrato_id, "2026-08", date(2026, 9, 10), bogota(2026, 9, 1))
    _pagada(gateway, escenario.contrato_id, "2026-09", date(2026, 10, 10), bogota(2026, 10, 1))
    reloj(bogota(2026, 11, 15))
    primero = runner.invoke(args=["cupones", "beneficios", "--mes", "2026-10"])
    assert primero.exit_code == 0, primero.output
    assert "2026-10 pago_oportuno: 1 otorgados" in primero.output
    assert "2026-10 cliente_fiel: 1 otorgados" in primero.output
    antes = _beneficios(gateway)
    notificaciones = notificaciones_de(gateway, escenario.usuario_portal_id)
    segundo = runner.invoke(args=["cupones", "beneficios", "--mes", "2026-10"])
    assert "0 otorgados, 1 ya tenían el beneficio" in segundo.output
    assert _beneficios(gateway) == antes
    assert notificaciones_de(gateway, escenario.usuario_portal_id) == notificaciones
    # Sin --mes: el mes anterior (octubre), así que tampoco otorga nada nuevo.
    assert (
        "2026-10 cliente_fiel: 0 otorgados" in runner.invoke(args=["cupones", "beneficios"]).output
    )


@pytest.mark.parametrize("mes", ["2099-01", "2026-13", "octubre", "1999-12"])
def test_un_mes_futuro_o_mal_escrito_se_rechaza(gateway: BaseDatosClient, mes: str) -> None:
    with pytest.raises(DatosInvalidos):
        beneficio_controller.otorgar(gateway, mes, UMBRAL)


def test_el_comando_rechaza_el_mes_futuro_con_mensaje(runner: FlaskCliRunner) -> None:
    resultado = runner.invoke(args=["cupones", "beneficios", "--mes", "2099-01"])
    assert resultado.exit_code == 1 and "aún no ha comenzado" in resultado.output


def test_el_beneficio_otorgado_queda_en_el_historial_de_cada_contrato_del_cliente(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    from tests.cuponeras.conftest import crear_contrato

    crear_contrato(gateway, escenario.cliente_id, "123123123", "internet")
    crear_compra(gateway, escenario.cliente_id, bogota(2026, 10, 5), "7000000")
    beneficio_controller.otorgar(gateway, "2026-10", UMBRAL)
    agente = escenario.cabeceras["agente"]
    for contrato in ("100200300", "123123123"):
        tipos = [
            e["tipo"]
            for e in client.get(f"/api/contratos/{contrato}/historial", headers=agente).json
        ]
        assert tipos == ["beneficio_otorgado"], contrato
    propios = client.get("/api/portal/beneficios", headers=escenario.cabeceras["cliente"]).json
    assert [(b["regla"], b["estado"], len(b["codigo"])) for b in propios] == [
        ("cliente_fiel", "disponible", 12)
    ]
