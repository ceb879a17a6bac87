"""Propiedades (Hypothesis): normalización de documentos, DV del NIT y total del reporte = suma SQL."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, text

from models import Cliente, Compra
from services.documento_service import (
    DocumentoInvalido,
    digito_verificacion_nit,
    normalizar_documento,
)
from services.reporte_service import consultar_fidelizacion
from services.tiempo_service import Mes
from tests.fabricas import crear_cliente

bases_nit = st.text(alphabet="0123456789", min_size=9, max_size=9)
separadores = st.sampled_from(["", " ", ".", "-", " - "])


@given(bases_nit)
def test_el_dv_calculado_siempre_es_aceptado_y_se_retira(base: str) -> None:
    dv = digito_verificacion_nit(base)
    assert 0 <= dv <= 9
    assert normalizar_documento("NIT", f"{base}-{dv}") == ("NIT", base)
    assert normalizar_documento("nit", f"{base}{dv}") == ("NIT", base)


@given(bases_nit, st.integers(min_value=0, max_value=9))
def test_un_dv_distinto_del_calculado_siempre_se_rechaza(base: str, dv: int) -> None:
    if dv == digito_verificacion_nit(base):
        return
    with pytest.raises(DocumentoInvalido, match="dígito de verificación"):
        normalizar_documento("NIT", f"{base}{dv}")


@given(st.text(alphabet="0123456789", min_size=3, max_size=10), st.lists(separadores, max_size=4))
def test_los_separadores_no_cambian_la_cedula(numero: str, seps: list[str]) -> None:
    partes = [numero[i : i + 3] for i in range(0, len(numero), 3)]
    escrito = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(partes))
    assert normalizar_documento("CC", f" {escrito} ") == ("CC", numero)


@given(st.text(max_size=40), st.sampled_from(["CC", "CE", "TI", "PA", "NIT", "XX", ""]))
def test_normalizar_nunca_falla_con_otra_cosa_que_documento_invalido(
    numero: str, tipo: str
) -> None:
    try:
        codigo, normalizado = normalizar_documento(tipo, numero)
    except DocumentoInvalido:
        return
    assert codigo in ("CC", "CE", "TI", "PA", "NIT")
    assert normalizado.isalnum() and normalizado == normalizado.upper()


compras = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3),  # cliente
        st.integers(min_value=-6 * 24, max_value=35 * 24),  # horas desde el inicio del mes en UTC
        st.decimals(min_value=0, max_value=4_000_000, places=2, allow_nan=False),
        st.sampled_from(["pagada", "pagada", "pagada", "anulada", "devuelta"]),
    ),
    max_size=25,
)


@settings(
    max_examples=max(25, settings.default.max_examples // 10),  # cada ejemplo usa la base
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(compras, st.decimals(min_value=0, max_value=6_000_000, places=2, allow_nan=False))
def test_el_reporte_coincide_con_una_suma_sql_plana(gateway, compras, umbral: Decimal) -> None:
    with gateway.session_scope() as sesion:
        sesion.execute(delete(Compra))
        sesion.execute(delete(Cliente))
    ids = [crear_cliente(gateway, numero=str(10_000_000 + i), nombre=f"C{i}") for i in range(4)]
    inicio = datetime(2026, 9, 1, 5, tzinfo=UTC)
    with gateway.session_scope() as sesion:
        for n, (cliente, horas, total, estado) in enumerate(compras):
            sesion.add(
                Compra(
                    cliente_id=ids[cliente],
                    numero_factura=f"P-{n}",
                    fecha=inicio + timedelta(hours=horas, minutes=7),
                    total=total,
                    estado=estado,
                )
            )
    with gateway.session_scope() as sesion:
        filas = consultar_fidelizacion(sesion, Mes(2026, 9), umbral)
    plano = """
        SELECT cliente_id, SUM(total) FROM compras
        WHERE estado = 'pagada' AND fecha >= '2026-09-01 05:00:00' AND fecha < '2026-10-01 05:00:00'
        GROUP BY cliente_id
    """
    with gateway.engine.connect() as conexion:
        sumas = {
            cliente: Decimal(str(suma)).quantize(Decimal("0.01"))
            for cliente, suma in conexion.execute(text(plano))
        }
    esperados = sorted((suma for suma in sumas.values() if suma > umbral), reverse=True)
    assert [fila.monto_total for fila in filas] == esperados
