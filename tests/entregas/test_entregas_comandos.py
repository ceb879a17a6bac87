"""CLI de M8: `entregas dispositivo crear|listar|revocar`, `entregas simular` contra un servidor
real y la siembra de demostración (usuario monitor y dispositivo demo)."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from controllers.entregas import demo_controller
from models import Usuario
from models.entregas import Dispositivo, Pedido
from services.entregas import claves_service
from tests.entregas.servidor import puerto, servidor


def test_crear_imprime_la_clave_una_vez_como_ultima_linea_y_guarda_solo_su_huella(
    runner: FlaskCliRunner, gateway
) -> None:
    resultado = runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "bodega-1"])
    assert resultado.exit_code == 0, resultado.output
    clave = resultado.output.strip().splitlines()[-1]
    assert clave.startswith("ent_") and len(clave) > 40
    with gateway.session_scope() as sesion:
        fila = sesion.scalar(select(Dispositivo).where(Dispositivo.nombre == "bodega-1"))
        assert fila.clave_hash == claves_service.huella_clave(clave)
        assert fila.clave_cifrada is None
        assert not fila.firmar
    listado = runner.invoke(args=["entregas", "dispositivo", "listar"])
    assert "bodega-1" in listado.output and "activo" in listado.output
    assert clave not in listado.output
    # Dice cuántos lista (nada se corta en silencio): la primera línea y una por dispositivo.
    encabezado, *dispositivos = listado.output.strip().splitlines()
    assert encabezado == f"{len(dispositivos)} dispositivo(s):"


def test_crear_con_firmar_guarda_la_clave_cifrada_no_en_claro(
    app: Flask, runner: FlaskCliRunner, gateway
) -> None:
    resultado = runner.invoke(
        args=["entregas", "dispositivo", "crear", "--nombre", "firma-1", "--firmar"]
    )
    assert resultado.exit_code == 0, resultado.output
    clave = resultado.output.strip().splitlines()[-1]
    with gateway.session_scope() as sesion:
        fila = sesion.scalar(select(Dispositivo).where(Dispositivo.nombre == "firma-1"))
        assert fila.firmar
        assert clave not in (fila.clave_cifrada or "")
        assert claves_service.descifrar_clave(fila.clave_cifrada, app.config["SECRET_KEY"]) == clave
        assert claves_service.descifrar_clave(fila.clave_cifrada, "otra-clave-secreta") is None
    assert "firma" in runner.invoke(args=["entregas", "dispositivo", "listar"]).output


def test_un_nombre_repetido_o_vacio_falla_con_mensaje_y_codigo_1(runner: FlaskCliRunner) -> None:
    assert runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "x"]).exit_code == 0
    repetido = runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "x"])
    assert repetido.exit_code == 1
    assert "Ya existe" in repetido.output
    vacio = runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "  "])
    assert vacio.exit_code == 1
    assert "nombre" in vacio.output


def test_revocar_marca_el_dispositivo_y_revocar_un_inexistente_falla(
    runner: FlaskCliRunner,
) -> None:
    runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "moto-7"])
    revocado = runner.invoke(args=["entregas", "dispositivo", "revocar", "moto-7"])
    assert revocado.exit_code == 0
    assert "revocado" in revocado.output
    otra_vez = runner.invoke(args=["entregas", "dispositivo", "revocar", "moto-7"])
    assert "ya estaba revocado" in otra_vez.output
    assert "REVOCADO" in runner.invoke(args=["entregas", "dispositivo", "listar"]).output
    inexistente = runner.invoke(args=["entregas", "dispositivo", "revocar", "no-existe"])
    assert inexistente.exit_code == 1
    assert "No existe" in inexistente.output


def test_listar_sin_dispositivos_explica_como_crear_uno(runner: FlaskCliRunner) -> None:
    assert (
        "entregas dispositivo crear"
        in runner.invoke(args=["entregas", "dispositivo", "listar"]).output
    )


def test_la_siembra_crea_el_usuario_monitor_y_el_dispositivo_demo_una_sola_vez(
    app: Flask, runner: FlaskCliRunner, gateway
) -> None:
    from comandos.seed_comandos import SIEMBRAS_MODULOS
    from services.tiempo_service import ahora_utc

    for _ in range(2):
        lineas = [linea for siembra in SIEMBRAS_MODULOS for linea in siembra(gateway, ahora_utc())]
    assert any("monitor" in linea and "ya existía" in linea for linea in lineas)
    with gateway.session_scope() as sesion:
        monitor = sesion.scalar(select(Usuario).where(Usuario.usuario == "monitor"))
        assert monitor.rol == "monitor"
        demo = sesion.scalar(select(Dispositivo).where(Dispositivo.nombre == "demo"))
        assert demo.demo
        assert demo.clave_hash == claves_service.huella_clave(demo_controller.CLAVE_DEMO)


def test_simular_contra_un_servidor_real_registra_y_resume(
    app: Flask, runner: FlaskCliRunner, gateway, tmp_path
) -> None:
    clave = runner.invoke(args=["entregas", "dispositivo", "crear", "--nombre", "sim", "--firmar"])
    clave = clave.output.strip().splitlines()[-1]
    with servidor(app.config["DATABASE_URL"], puerto(3), tmp_path) as base:
        resultado = runner.invoke(
            args=[
                "entregas",
                "simular",
                "--url",
                f"{base}/registrar_pedido_entregado",
                "--clave",
                clave,
                "--firmar",
                "--por-segundo",
                "20",
                "--duracion",
                "1",
                "--semilla",
                "7",
            ]
        )
    assert resultado.exit_code == 0, resultado.output
    assert "registrados: 20" in resultado.output
    assert "rechazados: 0" in resultado.output
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Pedido)) == 20
        productos = {x.producto_id for p in sesion.scalars(select(Pedido)) for x in p.lineas}
    assert len(productos) >= 8  # el error de catálogo del script original no está


def test_simular_sin_servidor_reintenta_y_sale_con_1(runner: FlaskCliRunner) -> None:
    resultado = runner.invoke(
        args=[
            "entregas",
            "simular",
            "--url",
            "http://127.0.0.1:5449/registrar_pedido_entregado",
            "--clave",
            "x",
            "--duracion",
            "0",
            "--reintentos",
            "1",
            "--timeout",
            "1",
        ]
    )
    assert resultado.exit_code == 1
    assert "sin registrar: 1" in resultado.output
    assert "reintentos: 1" in resultado.output


def test_los_reintentos_del_simulador_conservan_el_pedido_id(gateway) -> None:
    import json

    from clients.http_client import ErrorConexion, RespuestaHttp
    from controllers.entregas import simulador_controller

    cuerpos: list[bytes] = []
    respuestas = iter(["caida", 503, 429, 200])

    def enviar(url, cuerpo, cabeceras, timeout):
        cuerpos.append(cuerpo)
        siguiente = next(respuestas)
        if siguiente == "caida":
            raise ErrorConexion("rechazada")
        if siguiente == 200:
            datos = json.loads(cuerpo)
            respuesta = {
                "pedido_id": datos["pedido_id"],
                "estado": "duplicado",
                "unidades": 1,
                "total": "0.20",
            }
            return RespuestaHttp(200, json.dumps(respuesta), None)
        return RespuestaHttp(siguiente, "{}", "1")

    esperas: list[float] = []
    opciones = simulador_controller.OpcionesSimulacion("http://x", "clave", 1, 0, reintentos=3)
    resumen = simulador_controller.simular(gateway, opciones, enviar=enviar, dormir=esperas.append)
    assert len(cuerpos) == 4
    assert len({json.loads(c)["pedido_id"] for c in cuerpos}) == 1
    assert len(set(cuerpos)) == 1
    assert resumen.reintentos == 3
    assert resumen.duplicados == 1
    assert 1.0 in esperas  # respetó Retry-After
