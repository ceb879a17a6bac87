"""`flask seed`: datos de demostración deterministas, idempotentes y útiles para el reporte."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from controllers import demo_controller
from errores import Prohibido
from models import Cliente, Compra, TipoDocumento, Usuario
from services import contrasena_service, demo_service
from services.reporte_service import consultar_fidelizacion
from services.tiempo_service import ZONA_BOGOTA, mes_actual
from tests.conftest import USUARIOS_PRUEBA


def _documentos(gateway) -> set[tuple[str, str]]:
    with gateway.session_scope() as sesion:
        consulta = select(TipoDocumento.codigo, Cliente.numero_documento).join(TipoDocumento)
        return {(codigo, numero) for codigo, numero in sesion.execute(consulta)}


def _conteos(gateway) -> tuple[int, int]:
    with gateway.session_scope() as sesion:
        clientes = sesion.scalar(select(func.count()).select_from(Cliente)) or 0
        return clientes, sesion.scalar(select(func.count()).select_from(Compra)) or 0


def test_seed_crea_los_clientes_fijos_los_generados_y_los_usuarios(
    runner: FlaskCliRunner, gateway
) -> None:
    resultado = runner.invoke(args=["seed", "--clientes", "30"])
    assert resultado.exit_code == 0, resultado.output
    documentos = _documentos(gateway)
    assert {(c.tipo, c.numero) for c in demo_service.CLIENTES_DEMO} <= documentos
    assert len(documentos) == len(demo_service.CLIENTES_DEMO) + 30
    assert {"CC", "CE", "NIT", "PA", "TI"} <= {tipo for tipo, _ in documentos}
    assert {("CC", "1020304050"), ("TI", "1020304050")} <= documentos
    with gateway.session_scope() as sesion:
        usuarios = {u.usuario: u for u in sesion.scalars(select(Usuario))}
        for demo in demo_service.USUARIOS_DEMO:
            assert usuarios[demo.usuario].rol == demo.rol
            assert contrasena_service.verificar(
                usuarios[demo.usuario].contrasena_hash, demo.contrasena
            )
        formula = sesion.scalar(select(Cliente).where(Cliente.nombre.startswith("=")))
        assert formula is not None and formula.numero_documento == "1012345678"
        assert formula.nombre == '=HYPERLINK("https://example.com","Ver")'
        empresa = sesion.scalars(select(Cliente).where(Cliente.numero_documento == "900123456"))
        assert empresa.one().apellido == ""
        # La importación guarda E.164: solo el cliente del teléfono extranjero no lleva +57.
        sin_57 = sesion.scalars(
            select(Cliente.numero_documento).where(Cliente.telefono.not_like("+57%"))
        ).all()
        assert sin_57 == ["US7654321"]


def test_seed_deja_compras_en_los_bordes_del_mes_anterior_en_hora_de_bogota(
    runner: FlaskCliRunner, gateway
) -> None:
    assert runner.invoke(args=["seed", "--clientes", "0"]).exit_code == 0
    inicio_mes_actual = mes_actual().inicio_utc()
    with gateway.session_scope() as sesion:
        fechas = dict(sesion.execute(select(Compra.numero_factura, Compra.fecha)).tuples().all())
    ultima_noche = fechas["FV-D00021"].astimezone(ZONA_BOGOTA)
    assert (ultima_noche.hour, ultima_noche.minute) == (23, 30)
    assert fechas["FV-D00021"] < inicio_mes_actual
    if "FV-D00023" in fechas:  # solo existe después de las 00:10 del día 1
        assert fechas["FV-D00023"] - inicio_mes_actual == timedelta(minutes=10)


def test_seed_dos_veces_no_duplica_nada(runner: FlaskCliRunner, gateway) -> None:
    primero = runner.invoke(args=["seed", "--clientes", "25"])
    assert primero.exit_code == 0, primero.output
    conteos = _conteos(gateway)
    with gateway.session_scope() as sesion:
        usuarios = sesion.scalar(select(func.count()).select_from(Usuario))
    segundo = runner.invoke(args=["seed", "--clientes", "25"])
    assert segundo.exit_code == 0, segundo.output
    assert "clientes: 0 nuevas, 0 actualizadas" in segundo.output
    assert "compras: 0 nuevas, 0 actualizadas" in segundo.output
    assert "Usuario admin (admin): ya existía." in segundo.output
    assert _conteos(gateway) == conteos
    with gateway.session_scope() as sesion:
        # Los del SAC y los de las siembras de los módulos (p. ej. monitor de M8), una sola vez.
        assert sesion.scalar(select(func.count()).select_from(Usuario)) == usuarios
    assert usuarios >= len(USUARIOS_PRUEBA) + len(demo_service.USUARIOS_DEMO)


def test_seed_es_determinista_para_el_mismo_dia() -> None:
    ahora = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    assert list(demo_service.filas_clientes(40)) == list(demo_service.filas_clientes(40))
    assert list(demo_service.filas_compras(40, ahora)) == list(
        demo_service.filas_compras(40, ahora)
    )


def test_reporte_del_mes_anterior_tras_el_seed_incluye_y_excluye_a_los_clientes_correctos(
    runner: FlaskCliRunner, gateway
) -> None:
    assert runner.invoke(args=["seed"]).exit_code == 0
    with gateway.session_scope() as sesion:
        filas = consultar_fidelizacion(sesion, mes_actual().anterior(), Decimal("5000000"))
    califican = {(f.tipo_documento, f.numero_documento): f.monto_total for f in filas}
    assert len(califican) >= 3
    for documento in demo_service.CALIFICAN_DEMO:
        assert documento in califican
    for documento in demo_service.NO_CALIFICAN_DEMO:
        assert documento not in califican
    assert califican[("CC", "1020304050")] == Decimal("6250000.00")
    assert califican[("CC", "1143567890")] == Decimal("5250000.00")


def test_seed_si_vacia_no_hace_nada_si_ya_hay_clientes(runner: FlaskCliRunner, gateway) -> None:
    assert runner.invoke(args=["seed", "--clientes", "0", "--si-vacia"]).exit_code == 0
    conteos = _conteos(gateway)
    assert conteos[0] == len(demo_service.CLIENTES_DEMO)
    resultado = runner.invoke(args=["seed", "--clientes", "50", "--si-vacia"])
    assert resultado.exit_code == 0
    assert "no se sembró nada" in resultado.output
    assert _conteos(gateway) == conteos


def test_seed_en_produccion_se_niega_sin_forzar(
    runner: FlaskCliRunner, gateway, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "APP_ENV", "production")
    resultado = runner.invoke(args=["seed", "--clientes", "0"])
    assert resultado.exit_code == 1
    assert "En producción no se siembran datos de demostración" in resultado.output
    assert _conteos(gateway) == (0, 0)
    with pytest.raises(Prohibido):
        demo_controller.sembrar(gateway, 0, entorno="production")
    forzado = runner.invoke(args=["seed", "--clientes", "0", "--forzar"])
    assert forzado.exit_code == 0, forzado.output
    assert _conteos(gateway)[0] == len(demo_service.CLIENTES_DEMO)
