"""Límite de inicio de sesión con Redis: compartido entre procesos gunicorn reales y, con Redis
caído, el inicio de sesión sigue respondiendo con los mismos límites en memoria (falla abierto)."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from tests.conftest import USUARIOS_PRUEBA
from tests.gunicorn_pruebas import arrancar, base_migrada, detener, entorno, esperar_listo, pedir

REDIS_PRUEBAS = os.environ.get("SAC_PRUEBAS_REDIS", "redis://127.0.0.1:6379/15")


def _puerto_cerrado() -> int:
    with closing(socket.socket()) as zocalo:
        zocalo.bind(("127.0.0.1", 0))
        puerto: int = zocalo.getsockname()[1]
    return puerto  # nadie escucha ahí: conectar se rechaza al instante


class _Avisos(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.mensajes: list[str] = []

    def emit(self, evento: logging.LogRecord) -> None:
        self.mensajes.append(evento.getMessage())


@pytest.fixture
def avisos() -> Iterator[_Avisos]:
    manejador = _Avisos()
    registro = logging.getLogger("flask-limiter")
    registro.addHandler(manejador)
    yield manejador
    registro.removeHandler(manejador)


def test_con_redis_caido_el_login_sigue_respondiendo_y_limita_en_memoria(
    app: Flask, avisos: _Avisos
) -> None:
    caida = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": app.config["DATABASE_URL"],
            "REDIS_URL": f"redis://127.0.0.1:{_puerto_cerrado()}/0",
            "LIMITE_LOGIN_USUARIO": "3 per minute",
            "LIMITE_LOGIN_IP": "1000 per minute",
        }
    )
    cliente = caida.test_client()
    usuario, _, contrasena = USUARIOS_PRUEBA["agente"]
    assert (
        cliente.post(
            "/api/auth/login", json={"usuario": usuario, "contrasena": contrasena}
        ).status_code
        == 200
    )
    for _ in range(3):
        errada = cliente.post(
            "/api/auth/login", json={"usuario": usuario, "contrasena": "otra-cosa"}
        )
        assert errada.status_code == 401
    bloqueado = cliente.post("/api/auth/login", json={"usuario": usuario, "contrasena": contrasena})
    assert bloqueado.status_code == 429  # los mismos límites, contados en la memoria del worker
    assert bloqueado.json["error"]["code"] == "demasiadas_solicitudes"
    assert any("Redis (REDIS_URL) no responde" in mensaje for mensaje in avisos.mensajes)
    caida.extensions["sac_db"].dispose()


@pytest.fixture
def redis_limpio() -> Iterator[tuple[str, str]]:
    """Usuario y dirección únicos de esta corrida en la base de Redis de las pruebas; al terminar se
    borran sus claves (y solo esas: otras corridas pueden estar usando la misma base)."""
    import redis

    cliente = redis.Redis.from_url(REDIS_PRUEBAS, socket_timeout=2, socket_connect_timeout=2)
    try:
        cliente.ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis no responde en {REDIS_PRUEBAS}: {error} (en CI es obligatorio)")
        pytest.skip(f"Redis no responde en {REDIS_PRUEBAS}: {error}")
    unico = uuid.uuid4()
    usuario = f"redis-{unico.hex[:16]}"
    direccion = f"10.{unico.bytes[0]}.{unico.bytes[1]}.{unico.bytes[2]}"
    yield usuario, direccion
    for patron in (f"*{usuario}*", f"*{direccion}*"):
        for clave in cliente.scan_iter(match=patron):
            cliente.delete(clave)
    cliente.close()


def test_con_redis_los_intentos_fallidos_se_suman_entre_dos_procesos_gunicorn(
    tmp_path: Path, motor: str, redis_limpio: tuple[str, str]
) -> None:
    if motor != "sqlite":
        pytest.skip("se prueba una vez, sobre SQLite")
    usuario, direccion = redis_limpio
    variables = entorno(
        base_migrada(tmp_path),
        REDIS_URL=REDIS_PRUEBAS,
        PROXIES_CONFIABLES="1",  # la dirección del cliente viene en X-Forwarded-For
        LIMITE_LOGIN_USUARIO="3 per 5 minutes",
        LIMITE_LOGIN_IP="1000 per minute",
    )
    procesos = [arrancar(variables, tmp_path / f"gunicorn-{n}.log") for n in (1, 2)]
    try:
        for n, (proceso, puerto) in enumerate(procesos, 1):
            esperar_listo(proceso, puerto, tmp_path / f"gunicorn-{n}.log")
        a, b = (puerto for _, puerto in procesos)
        cabeceras = {"X-Forwarded-For": direccion}
        intento = {"usuario": usuario, "contrasena": "no-es-esta"}
        estados = [
            pedir(puerto, "POST", "/api/auth/login", intento, cabeceras, espera=10)[0]
            for puerto in (a, b, a, b, a)
        ]
        # 3 fallidos repartidos entre los dos procesos agotan el límite de 3 por usuario: el 4.º y
        # el 5.º se rechazan en cualquiera de los dos (cada proceso por su cuenta habría dejado 3).
        assert estados == [401, 401, 401, 429, 429]
    finally:
        for proceso, _ in procesos:
            detener(proceso)
