"""GET /api/entregas/eventos (Server-Sent Events): evento por pedido, id creciente, latido,
reanudación con Last-Event-ID, sin eventos de duplicados; en proceso, por Redis y entre dos
procesos reales."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient

from clients.eventos_client import EventosLocalClient, EventosRedisClient
from controllers.entregas import pedido_controller
from services.entregas.ingesta_service import leer_json
from tests.conftest import USUARIOS_PRUEBA
from tests.entregas.conftest import cuerpo, enviar, pedido
from tests.entregas.servidor import FlujoEventos, leer_evento, pedir, puerto, servidor

REDIS = "redis://127.0.0.1:6379/0"
CAMPOS_EVENTO = {"pedido_id", "id_repartidor", "unidades", "total", "entregado_en", "registrado_en"}


def _redis_disponible() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def _eventos_rapidos(app: Flask, monkeypatch) -> None:
    monkeypatch.setitem(app.config, "ENTREGAS_LATIDO_SEGUNDOS", 0.5)
    monkeypatch.setitem(app.config, "ENTREGAS_SONDEO_MS", 300)
    monkeypatch.setitem(app.config, "ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS", 20)


@pytest.fixture(params=["en_proceso", "redis"])
def bus(request, app: Flask, monkeypatch) -> str:
    """El mismo comportamiento con el bus en proceso y con Redis (canal propio de la prueba)."""
    if request.param == "redis":
        if not _redis_disponible():
            pytest.skip("Redis local (127.0.0.1:6379) no responde")
        monkeypatch.setitem(app.extensions, "sac_eventos", EventosRedisClient(REDIS))
        monkeypatch.setitem(app.config, "ENTREGAS_CANAL_EVENTOS", f"pruebas:{uuid.uuid4().hex}")
    else:
        monkeypatch.setitem(app.extensions, "sac_eventos", EventosLocalClient())
    return str(request.param)


class Lector:
    """Lee el flujo del cliente de pruebas de Flask (respuesta sin búfer)."""

    def __init__(self, client: FlaskClient, cabeceras: dict[str, str]) -> None:
        self.respuesta = client.get("/api/entregas/eventos", headers=cabeceras, buffered=False)
        assert self.respuesta.status_code == 200
        assert self.respuesta.mimetype == "text/event-stream"
        self.partes: Iterator[bytes] = iter(self.respuesta.response)
        self.pendiente = ""

    def bloque(self) -> str:
        while "\n\n" not in self.pendiente:
            self.pendiente += next(self.partes).decode("utf-8")
        bloque, _, self.pendiente = self.pendiente.partition("\n\n")
        return bloque

    def eventos(self, cantidad: int, segundos: float = 5) -> list[dict[str, Any]]:
        encontrados: list[dict[str, Any]] = []
        limite = time.monotonic() + segundos
        while len(encontrados) < cantidad and time.monotonic() < limite:
            bloque = self.bloque()
            if bloque.startswith("event: entrega"):
                encontrados.append(leer_evento(bloque))
        return encontrados

    def cerrar(self) -> None:
        self.respuesta.close()


def test_cada_pedido_registrado_llega_como_evento_con_id_creciente(
    client: FlaskClient, cabeceras, clave, bus
) -> None:
    lector = Lector(client, cabeceras["monitor"])
    try:
        assert ": conectado" in lector.bloque()
        datos = [pedido(["pk0010", "pk0010"]), pedido(["pk0004"], 101)]
        for d in datos:
            assert enviar(client, d, clave).status_code == 200
        eventos = lector.eventos(2)
    finally:
        lector.cerrar()
    assert [e["data"]["pedido_id"] for e in eventos] == [d["pedido_id"] for d in datos]
    assert eventos[0]["id"] < eventos[1]["id"]
    assert all(e["event"] == "entrega" for e in eventos)
    primero = eventos[0]["data"]
    assert set(primero) == CAMPOS_EVENTO
    assert primero["total"] == "0.40"
    assert primero["unidades"] == 2
    assert primero["id_repartidor"] == 106
    assert primero["entregado_en"] == "2026-11-23T17:03:04.322968-05:00"
    assert primero["registrado_en"].endswith("-05:00")


def test_un_duplicado_no_emite_evento(client: FlaskClient, cabeceras, clave, bus) -> None:
    lector = Lector(client, cabeceras["admin"])
    try:
        lector.bloque()
        primero, segundo = pedido(), pedido(["pk0001"])
        enviar(client, primero, clave)
        assert enviar(client, primero, clave).json["estado"] == "duplicado"
        enviar(client, segundo, clave)
        eventos = lector.eventos(2)
    finally:
        lector.cerrar()
    assert [e["data"]["pedido_id"] for e in eventos] == [primero["pedido_id"], segundo["pedido_id"]]


def test_sin_eventos_llega_un_latido(client: FlaskClient, cabeceras, bus) -> None:
    lector = Lector(client, cabeceras["supervisor"])
    try:
        assert "retry: 3000" in lector.bloque()
        inicio = time.monotonic()
        assert lector.bloque() == ": latido"
        assert time.monotonic() - inicio < 3
    finally:
        lector.cerrar()


def test_con_last_event_id_se_reenvia_lo_registrado_despues(
    client: FlaskClient, cabeceras, clave, bus
) -> None:
    datos = [pedido() for _ in range(3)]
    for d in datos:
        enviar(client, d, clave)
    lector = Lector(client, cabeceras["monitor"])
    try:
        lector.bloque()
        # Sin Last-Event-ID no se reenvía lo anterior: el primer evento es uno nuevo.
        nuevo = pedido()
        enviar(client, nuevo, clave)
        (evento,) = lector.eventos(1)
    finally:
        lector.cerrar()
    assert evento["data"]["pedido_id"] == nuevo["pedido_id"]
    primero_id = evento["id"] - 3
    reanudado = Lector(client, {**cabeceras["monitor"], "Last-Event-ID": str(primero_id)})
    try:
        eventos = reanudado.eventos(3)
    finally:
        reanudado.cerrar()
    assert [e["data"]["pedido_id"] for e in eventos] == [
        datos[1]["pedido_id"],
        datos[2]["pedido_id"],
        nuevo["pedido_id"],
    ]


def test_sin_redis_llega_lo_que_registro_otro_proceso_por_sondeo(
    app: Flask, client: FlaskClient, cabeceras, gateway, monkeypatch
) -> None:
    monkeypatch.setitem(app.extensions, "sac_eventos", EventosLocalClient())
    lector = Lector(client, cabeceras["monitor"])
    try:
        lector.bloque()
        # Registrado sin publicar en este proceso (como si lo hubiera hecho otro worker).
        entrante = pedido_controller.interpretar(gateway, leer_json(cuerpo(pedido())))
        pedido_controller.registrar(gateway, entrante, None)
        (evento,) = lector.eventos(1)
    finally:
        lector.cerrar()
    assert evento["data"]["pedido_id"] == entrante.pedido_id


def test_sin_redis_un_solo_vigia_por_proceso_avisa_a_todos_los_monitores_y_se_va_al_cerrarlos(
    app: Flask, client: FlaskClient, cabeceras, gateway, monkeypatch
) -> None:
    monkeypatch.setitem(app.extensions, "sac_eventos", EventosLocalClient())
    antes = set(threading.enumerate())  # el vigía de una prueba anterior puede seguir saliendo
    lectores = [Lector(client, cabeceras["monitor"]) for _ in range(3)]
    try:
        for lector in lectores:
            lector.bloque()
        vigias = [h for h in set(threading.enumerate()) - antes if h.name == "vigia-entregas"]
        assert len(vigias) == 1
        entrante = pedido_controller.interpretar(gateway, leer_json(cuerpo(pedido())))
        pedido_controller.registrar(gateway, entrante, None)  # sin publicar: «otro worker»
        for lector in lectores:
            (evento,) = lector.eventos(1)
            assert evento["data"]["pedido_id"] == entrante.pedido_id
    finally:
        for lector in lectores:
            lector.cerrar()
    vigias[0].join(timeout=5)
    assert not vigias[0].is_alive()


@pytest.mark.skipif(not _redis_disponible(), reason="Redis local (127.0.0.1:6379) no responde")
def test_entre_dos_procesos_el_evento_llega_via_redis(app: Flask, clave, tmp_path, motor) -> None:
    """Dos servidores gunicorn (gevent) sobre la misma base y el mismo canal de Redis: el monitor
    abierto en uno recibe el pedido registrado en el otro; un cuerpo grande por partes, 413."""
    canal = f"pruebas:{uuid.uuid4().hex}"
    entorno = {
        "REDIS_URL": REDIS,
        "ENTREGAS_CANAL_EVENTOS": canal,
        "ENTREGAS_SONDEO_MS": "600000",
    }
    url = app.config["DATABASE_URL"]
    uno, dos = puerto(1), puerto(2)
    with (
        servidor(url, uno, tmp_path, entorno),
        servidor(url, dos, tmp_path, entorno),
    ):
        usuario, _, contrasena = USUARIOS_PRUEBA["monitor"]
        estado, _, sesion = pedir(
            uno,
            "POST",
            "/api/auth/login",
            cuerpo({"usuario": usuario, "contrasena": contrasena}),
            {"Content-Type": "application/json"},
        )
        assert estado == 200
        flujo = FlujoEventos(uno, {"Authorization": f"Bearer {sesion['access_token']}"})
        try:
            assert flujo.respuesta.status == 200
            assert "conectado" in flujo.siguiente_bloque()
            datos = pedido()
            inicio = time.monotonic()
            estado, _, respuesta = pedir(
                dos, "POST", "/registrar_pedido_entregado", cuerpo(datos), {"X-Api-Key": clave}
            )
            assert estado == 200, respuesta
            evento = flujo.siguiente_evento()
            assert time.monotonic() - inicio < 5
        finally:
            flujo.cerrar()
        assert evento["data"]["pedido_id"] == datos["pedido_id"]
        grande = cuerpo({**pedido(), "relleno": "x" * 70_000})
        estado, _, error = pedir(
            dos,
            "POST",
            "/registrar_pedido_entregado",
            iter([grande[:40_000], grande[40_000:]]),
            {"X-Api-Key": clave},
        )
        # Por partes (sin Content-Length) el servidor responde 413 sin quedarse esperando.
        assert estado == 413
        assert error["error"]["code"] == "demasiado_grande"
