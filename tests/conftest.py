"""Fixtures: app sobre un archivo SQLite temporal migrado con Alembic, cliente HTTP y usuarios."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from hypothesis import settings
from sqlalchemy import delete, update

from app import create_app, migrar
from clients.base_datos_client import BaseDatosClient
from controllers import usuario_controller
from models import Base, Usuario
from services import contrasena_service
from tests.bases_prueba import base_temporal, motor_elegido

# `make fuzz` corre las propiedades con el perfil largo (`--hypothesis-profile=largo`).
settings.register_profile("largo", max_examples=2000)

USUARIOS_PRUEBA = {
    "agente": ("agente.prueba", "Ana Agente", "Agente-Prueba-2026"),
    "supervisor": ("supervisor.prueba", "Saúl Supervisor", "Supervisor-Prueba-2026"),
    "admin": ("admin.prueba", "Adela Administradora", "Admin-Prueba-2026"),
    "vendedor": ("vendedor.prueba", "Vicente Vendedor", "Vendedor-Prueba-2026"),
    "catalogo": ("catalogo.prueba", "Catalina Catálogo", "Catalogo-Prueba-2026"),
    "monitor": ("monitor.prueba", "Mónica Monitor", "Monitor-Prueba-2026"),
    "recaudo": ("recaudo.prueba", "Raúl Recaudo", "Recaudo-Prueba-2026"),
}
ZONAS_PRUEBA = {"vendedor": "Caribe"}


@pytest.fixture(scope="session", autouse=True)
def _argon2_liviano() -> Iterator[None]:
    """Hashes baratos en pruebas: la verificación usa los parámetros guardados en cada hash."""
    original = contrasena_service._hasher
    contrasena_service._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    contrasena_service._hasher = original


def pytest_report_header() -> str:
    return f"base de datos de las pruebas: {motor_elegido()}"


@pytest.fixture(scope="session")
def motor() -> str:
    """Motor de las pruebas: sqlite, postgresql o mariadb (variable SAC_BD_PRUEBAS)."""
    return motor_elegido()


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory, motor: str) -> Iterator[Flask]:
    with base_temporal(motor, tmp_path_factory.mktemp("datos")) as url:
        aplicacion = create_app(
            {
                "APP_ENV": "testing",
                "TESTING": True,
                "DATABASE_URL": url,
                "LIMITE_LOGIN_IP": "1000 per minute",
                "LIMITE_LOGIN_USUARIO": "1000 per minute",
            }
        )
        migrar(aplicacion)
        pasarela = aplicacion.extensions["sac_db"]
        for rol, (usuario, nombre, contrasena) in USUARIOS_PRUEBA.items():
            usuario_controller.crear(
                pasarela, usuario, nombre, rol, contrasena, ZONAS_PRUEBA.get(rol)
            )
        yield aplicacion
        pasarela.dispose()


@pytest.fixture
def gateway(app: Flask) -> BaseDatosClient:
    pasarela: BaseDatosClient = app.extensions["sac_db"]
    return pasarela


@pytest.fixture(autouse=True)
def _datos_limpios(app: Flask) -> Iterator[None]:
    """Cada prueba parte sin datos de ningún módulo: se vacían todas las tablas salvo las de
    referencia (`info={"referencia": True}`, cargadas por migraciones) y los usuarios base."""
    yield
    pasarela: BaseDatosClient = app.extensions["sac_db"]
    base = [usuario for usuario, _, _ in USUARIOS_PRUEBA.values()]
    with pasarela.session_scope() as sesion:
        # De las tablas que dependen a las que son referidas: ninguna llave foránea estorba.
        for tabla in reversed(Base.metadata.sorted_tables):
            if tabla.info.get("referencia"):
                continue
            if tabla.name == Usuario.__tablename__:
                sesion.execute(delete(Usuario).where(Usuario.usuario.not_in(base)))
            else:
                sesion.execute(delete(tabla))
        for rol, (usuario, _, _) in USUARIOS_PRUEBA.items():
            sesion.execute(
                update(Usuario)
                .where(Usuario.usuario == usuario)
                .values(rol=rol, activo=True, zona=ZONAS_PRUEBA.get(rol), correo=None)
            )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


def iniciar_sesion(client: FlaskClient, rol: str) -> dict[str, Any]:
    usuario, _, contrasena = USUARIOS_PRUEBA[rol]
    respuesta = client.post("/api/auth/login", json={"usuario": usuario, "contrasena": contrasena})
    assert respuesta.status_code == 200, respuesta.json
    datos: dict[str, Any] = respuesta.json
    return datos


@pytest.fixture
def cabeceras(app: Flask) -> dict[str, dict[str, str]]:
    """Cabecera Bearer por rol, obtenida con un cliente HTTP aparte (sin cookies compartidas)."""
    resultado = {}
    for rol in USUARIOS_PRUEBA:
        datos = iniciar_sesion(app.test_client(), rol)
        resultado[rol] = {"Authorization": f"Bearer {datos['access_token']}"}
    return resultado
