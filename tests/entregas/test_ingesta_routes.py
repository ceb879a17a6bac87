"""POST /registrar_pedido_entregado: el contrato del script del cliente, entrada por entrada."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from controllers.entregas import pedido_controller
from models.entregas import LineaPedido, Pedido, ProductoEntrega, Repartidor
from services.entregas import claves_service
from tests.entregas.conftest import (
    PRODUCTOS_SEED,
    REPARTIDORES_SEED,
    cuerpo,
    enviar,
    es_error,
    pedido,
)


def test_la_migracion_carga_los_diez_productos_y_repartidores_del_seed(gateway) -> None:
    with gateway.session_scope() as sesion:
        productos = {p.id: (p.nombre, p.precio) for p in sesion.scalars(select(ProductoEntrega))}
        repartidores = {r.id: r.nombre for r in sesion.scalars(select(Repartidor))}
        activos = {r.activo for r in sesion.scalars(select(Repartidor))}
    assert productos == PRODUCTOS_SEED
    assert repartidores == REPARTIDORES_SEED
    assert activos == {True}


def test_un_pedido_valido_se_registra_con_cantidades_por_repeticion(
    client: FlaskClient, gateway, clave: str
) -> None:
    datos = pedido(["pk0004", "pk0009", "pk0004", "pk0010", "pk0004"])
    respuesta = enviar(client, datos, clave)
    assert respuesta.status_code == 200
    assert respuesta.json == {
        "pedido_id": datos["pedido_id"],
        "estado": "registrado",
        "unidades": 5,
        "total": "36.70",
    }
    with gateway.session_scope() as sesion:
        fila = sesion.scalar(select(Pedido).where(Pedido.pedido_id == datos["pedido_id"]))
        lineas = {(x.producto_id, x.cantidad, str(x.precio)) for x in fila.lineas}
        assert lineas == {("pk0004", 3, "12.00"), ("pk0009", 1, "0.50"), ("pk0010", 1, "0.20")}
        # Sin desfase = hora de Bogotá: 17:03 en Bogotá son las 22:03 UTC.
        assert fila.entregado_en.isoformat() == "2026-11-23T22:03:04.322968+00:00"
        assert fila.repartidor_id == 106


def test_los_decimales_son_exactos_0_2_es_0_20(client: FlaskClient, gateway, clave: str) -> None:
    respuesta = enviar(client, pedido(["pk0010"]), clave)
    assert respuesta.json["total"] == "0.20"
    tres = enviar(client, pedido(["pk0010", "pk0010", "pk0010"]), clave)
    assert tres.json["total"] == "0.60"  # 0.2 * 3 en float sería 0.6000000000000001
    with gateway.session_scope() as sesion:
        assert {str(t) for t in sesion.scalars(select(Pedido.total))} == {"0.20", "0.60"}


def test_el_cuerpo_crudo_con_escapes_unicode_coincide_con_la_referencia(
    client: FlaskClient, clave: str
) -> None:
    crudo = (
        b'{"pedido_id": "6f1c2b8e-0000-4000-8000-000000000001", '
        b'"repartidor": {"IdRepartidor": 106, "Nombre": "Pedro G\\u00f3mez"}, '
        b'"productos": [{"IdProducto": "pk0003", "producto": "Peque\\u00f1o espejo de bolsillo", '
        b'"precio": 5.0}], "timestamp": "2026-11-23 17:03:04.322968"}'
    )
    respuesta = enviar(client, crudo, clave)
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["total"] == "5.00"


def test_un_instante_con_desfase_tambien_se_acepta(client: FlaskClient, gateway, clave) -> None:
    datos = pedido(timestamp="2026-11-23T22:03:04+00:00")
    assert enviar(client, datos, clave).status_code == 200
    with gateway.session_scope() as sesion:
        entregado = sesion.scalar(select(Pedido.entregado_en))
    assert entregado.isoformat() == "2026-11-23T22:03:04+00:00"


def test_un_reintento_identico_responde_200_duplicado_y_no_cuenta_dos_veces(
    client: FlaskClient, gateway, clave: str
) -> None:
    datos = pedido()
    primero = enviar(client, datos, clave)
    segundo = enviar(client, datos, clave)
    # El mismo contenido en otro orden también es el mismo pedido.
    datos["productos"].reverse()
    tercero = enviar(client, datos, clave)
    assert primero.json["estado"] == "registrado"
    for respuesta in (segundo, tercero):
        assert respuesta.status_code == 200
        assert respuesta.json == {**primero.json, "estado": "duplicado"}
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Pedido)) == 1
        assert sesion.scalar(select(func.count()).select_from(LineaPedido)) == 2


@pytest.mark.parametrize(
    "cambio",
    [
        {"productos": ["pk0004"]},
        {"repartidor": 101},
        {"timestamp": "2026-11-23 17:03:05.322968"},
    ],
)
def test_otro_contenido_con_el_mismo_pedido_id_responde_409(
    client: FlaskClient, gateway, clave: str, cambio
) -> None:
    original = pedido()
    assert enviar(client, original, clave).status_code == 200
    distinto = pedido(pedido_id=original["pedido_id"], **cambio)
    error = es_error(enviar(client, distinto, clave), 409, "conflicto")
    assert original["pedido_id"] in error["message"]
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Pedido)) == 1


def _campo(respuesta) -> str:
    error = es_error(respuesta, 422, "datos_invalidos")
    campos = error["details"]["campos"]
    assert len(campos) == 1
    campo = str(next(iter(campos)))
    assert error["message"].startswith(campo)
    return campo


def _con(datos, ruta: list, valor):
    destino = datos
    for paso in ruta[:-1]:
        destino = destino[paso]
    if valor is _QUITAR:
        del destino[ruta[-1]]
    else:
        destino[ruta[-1]] = valor
    return datos


_QUITAR = object()


@pytest.mark.parametrize(
    ("ruta", "valor", "campo"),
    [
        (["pedido_id"], _QUITAR, "pedido_id"),
        (["pedido_id"], "", "pedido_id"),
        (["pedido_id"], 12345, "pedido_id"),
        (["pedido_id"], "x" * 65, "pedido_id"),
        (["repartidor"], _QUITAR, "repartidor"),
        (["repartidor"], "106", "repartidor"),
        (["repartidor", "IdRepartidor"], _QUITAR, "repartidor.IdRepartidor"),
        (["repartidor", "IdRepartidor"], "106", "repartidor.IdRepartidor"),
        (["repartidor", "IdRepartidor"], 106.5, "repartidor.IdRepartidor"),
        (["repartidor", "IdRepartidor"], True, "repartidor.IdRepartidor"),
        (["repartidor", "IdRepartidor"], 999, "repartidor.IdRepartidor"),
        (["repartidor", "Nombre"], "Pedro Gomez", "repartidor.Nombre"),
        (["repartidor", "Nombre"], _QUITAR, "repartidor.Nombre"),
        (["productos"], _QUITAR, "productos"),
        (["productos"], [], "productos"),
        (["productos"], {"IdProducto": "pk0001"}, "productos"),
        (["productos", 1], "pk0004", "productos[1]"),
        (["productos", 1, "IdProducto"], "pk0011", "productos[1].IdProducto"),
        (["productos", 1, "IdProducto"], _QUITAR, "productos[1].IdProducto"),
        (["productos", 2, "producto"], "Goma", "productos[2].producto"),
        (["productos", 2, "precio"], 0.51, "productos[2].precio"),
        (["productos", 2, "precio"], "0.5", "productos[2].precio"),
        (["productos", 2, "precio"], _QUITAR, "productos[2].precio"),
        (["timestamp"], _QUITAR, "timestamp"),
        (["timestamp"], "ayer", "timestamp"),
        (["timestamp"], 1732400000, "timestamp"),
    ],
)
def test_cada_campo_invalido_responde_422_nombrando_linea_y_campo(
    client: FlaskClient, gateway, clave: str, ruta, valor, campo
) -> None:
    datos = _con(pedido(), ruta, valor)
    assert _campo(enviar(client, datos, clave)) == campo
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Pedido)) == 0


def test_un_repartidor_inactivo_responde_422(client: FlaskClient, gateway, clave: str) -> None:
    with gateway.session_scope() as sesion:
        sesion.execute(update(Repartidor).where(Repartidor.id == 103).values(activo=False))
    pedido_controller.olvidar_referencia()
    try:
        respuesta = enviar(client, pedido(repartidor=103), clave)
        assert _campo(respuesta) == "repartidor.IdRepartidor"
        assert "activo" in respuesta.json["error"]["message"]
    finally:
        with gateway.session_scope() as sesion:
            sesion.execute(update(Repartidor).where(Repartidor.id == 103).values(activo=True))


def test_mas_de_100_entradas_antes_de_agrupar_responde_422(client: FlaskClient, clave) -> None:
    assert enviar(client, pedido(["pk0001"] * 100), clave).json["unidades"] == 100
    assert _campo(enviar(client, pedido(["pk0001"] * 101), clave)) == "productos"


@pytest.mark.parametrize(
    "crudo",
    [
        b"{no es json",
        b"",
        b"[]",
        b'"texto"',
        b"null",
        b'{"pedido_id": NaN}',
        b"\xff\xfe{}",
        b"[" * 100_00 + b"]" * 100_00,
    ],
)
def test_un_cuerpo_roto_responde_400(client: FlaskClient, clave: str, crudo: bytes) -> None:
    es_error(enviar(client, crudo, clave), 400, "solicitud_invalida")


def test_un_cuerpo_de_mas_de_64_kib_responde_413_y_cierra_la_conexion(
    client: FlaskClient, clave: str
) -> None:
    datos = pedido()
    datos["relleno"] = "x" * (64 * 1024)
    respuesta = enviar(client, datos, clave)
    es_error(respuesta, 413, "demasiado_grande")
    assert respuesta.headers["Connection"] == "close"
    # Sin Content-Length (por partes, como lo entrega gunicorn): se lee solo hasta el límite.
    troceada = client.post(
        "/registrar_pedido_entregado",
        input_stream=io.BytesIO(cuerpo(datos)),
        headers={"X-Api-Key": clave, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    es_error(troceada, 413, "demasiado_grande")


def test_sin_clave_con_clave_desconocida_o_revocada_responde_401(
    app: Flask, client: FlaskClient, gateway, clave: str, runner
) -> None:
    es_error(enviar(client, pedido(), None), 401, "no_autenticado")
    es_error(enviar(client, pedido(), ""), 401, "no_autenticado")
    es_error(enviar(client, pedido(), "ent_inventada"), 401, "no_autenticado")
    assert enviar(client, pedido(), clave).status_code == 200
    resultado = runner.invoke(args=["entregas", "dispositivo", "revocar", "equipo-pruebas"])
    assert resultado.exit_code == 0, resultado.output
    error = es_error(enviar(client, pedido(), clave), 401, "no_autenticado")
    assert clave not in error["message"]
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Pedido)) == 1


def test_la_misma_operacion_vive_tambien_bajo_api(client: FlaskClient, clave: str) -> None:
    respuesta = client.post(
        "/api/entregas/pedidos", data=cuerpo(pedido()), headers={"X-Api-Key": clave}
    )
    assert respuesta.status_code == 200
    assert respuesta.json["estado"] == "registrado"


def test_sobre_el_limite_por_dispositivo_responde_429_con_retry_after(
    app: Flask, client: FlaskClient, clave: str
) -> None:
    app.config["LIMITE_INGESTA"] = "3 per minute"
    try:
        for _ in range(3):
            assert enviar(client, pedido(), clave).status_code == 200
        bloqueada = enviar(client, pedido(), clave)
        es_error(bloqueada, 429, "demasiadas_solicitudes")
        assert int(bloqueada.headers["Retry-After"]) > 0
        # El límite es por dispositivo: otra clave sigue pasando.
        assert enviar(client, pedido(), "ent_otra").status_code == 401
    finally:
        app.extensions["sac_limites"].reset()


def _firma(clave: str, crudo: bytes, t: int | None = None) -> str:
    return claves_service.cabecera_firma(clave, t if t is not None else int(time.time()), crudo)


def test_un_dispositivo_que_firma_registra_con_firma_valida(
    client: FlaskClient, clave_firma: str
) -> None:
    crudo = cuerpo(pedido())
    respuesta = enviar(client, crudo, clave_firma, **{"X-Firma": _firma(clave_firma, crudo)})
    assert respuesta.status_code == 200, respuesta.json


def test_firma_ausente_mala_o_de_otro_cuerpo_responde_401(
    client: FlaskClient, clave_firma: str
) -> None:
    crudo = cuerpo(pedido())
    es_error(enviar(client, crudo, clave_firma), 401, "no_autenticado")
    es_error(enviar(client, crudo, clave_firma, **{"X-Firma": "t=1,v1=zz"}), 401, "no_autenticado")
    otra = _firma(clave_firma, cuerpo(pedido()))
    es_error(enviar(client, crudo, clave_firma, **{"X-Firma": otra}), 401, "no_autenticado")
    con_otra_clave = _firma("ent_otra-clave", crudo)
    es_error(
        enviar(client, crudo, clave_firma, **{"X-Firma": con_otra_clave}), 401, "no_autenticado"
    )


def test_una_firma_fuera_de_la_ventana_de_300_s_responde_401(
    client: FlaskClient, clave_firma: str
) -> None:
    crudo = cuerpo(pedido())
    for desfase in (-301, 301):
        vencida = _firma(clave_firma, crudo, int(time.time()) + desfase)
        error = es_error(
            enviar(client, crudo, clave_firma, **{"X-Firma": vencida}), 401, "no_autenticado"
        )
        assert "venció" in error["message"]
    dentro = _firma(clave_firma, crudo, int(time.time()) - 290)
    assert enviar(client, crudo, clave_firma, **{"X-Firma": dentro}).status_code == 200


def test_una_firma_ya_aceptada_responde_401_aunque_sea_un_reintento_identico(
    client: FlaskClient, clave_firma: str
) -> None:
    crudo = cuerpo(pedido())
    firma = _firma(clave_firma, crudo)
    assert enviar(client, crudo, clave_firma, **{"X-Firma": firma}).status_code == 200
    repetida = enviar(client, crudo, clave_firma, **{"X-Firma": firma})
    es_error(repetida, 401, "no_autenticado")
    # Con una firma nueva, el reintento es un duplicado normal.
    time.sleep(1.05)
    nueva = enviar(client, crudo, clave_firma, **{"X-Firma": _firma(clave_firma, crudo)})
    assert nueva.json["estado"] == "duplicado"


def test_un_dispositivo_sin_firma_ignora_la_cabecera_de_firma(client: FlaskClient, clave) -> None:
    respuesta = enviar(client, pedido(), clave, **{"X-Firma": "t=1,v1=" + "0" * 64})
    assert respuesta.status_code == 200


def test_el_dispositivo_demo_no_sirve_en_produccion(
    app: Flask, client: FlaskClient, runner
) -> None:
    from controllers.entregas import demo_controller

    demo_controller.sembrar(app.extensions["sac_db"], datetime.now(UTC))
    assert enviar(client, pedido(), demo_controller.CLAVE_DEMO).status_code == 200
    app.config["APP_ENV"] = "production"
    try:
        es_error(enviar(client, pedido(), demo_controller.CLAVE_DEMO), 401, "no_autenticado")
    finally:
        app.config["APP_ENV"] = "testing"
