"""Fallas: base bloqueada o de solo lectura → 503 con Retry-After y recuperación; importación
interrumpida con SIGKILL → nada parcial; dos importaciones a la vez → datos consistentes."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flask import Flask

from app import create_app, migrar
from controllers import usuario_controller

RAIZ = Path(__file__).resolve().parent.parent
CREDENCIALES = {"usuario": "agente.fallas", "contrasena": "Clave-Fallas-2026"}


@pytest.fixture
def base_propia(motor: str, tmp_path: Path) -> Path:
    if motor != "sqlite":
        pytest.skip("fallas del archivo SQLite")
    ruta = tmp_path / "fallas.db"
    app = _app(ruta)
    migrar(app)
    usuario_controller.crear(
        app.extensions["sac_db"],
        CREDENCIALES["usuario"],
        "Falla",
        "agente",
        CREDENCIALES["contrasena"],
    )
    app.extensions["sac_db"].dispose()
    return ruta


def _app(ruta: Path, espera_ms: int = 5000) -> Flask:
    return create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{ruta}",
            "SQLITE_BUSY_TIMEOUT_MS": espera_ms,
        }
    )


def _entorno(ruta: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{ruta}", "APP_ENV": "development"}


def test_base_bloqueada_mas_que_la_espera_responde_503_y_se_recupera(base_propia: Path) -> None:
    app = _app(base_propia, espera_ms=200)
    cliente = app.test_client()
    bloqueo = sqlite3.connect(base_propia, isolation_level=None)
    bloqueo.execute("BEGIN IMMEDIATE")  # otro proceso tiene la escritura tomada
    try:
        respuesta = cliente.post("/api/auth/login", json=CREDENCIALES)
        assert respuesta.status_code == 503
        assert respuesta.json["error"]["code"] == "servicio_no_disponible"
        assert respuesta.headers["Retry-After"]
    finally:
        bloqueo.execute("ROLLBACK")
        bloqueo.close()
    despues = cliente.post("/api/auth/login", json=CREDENCIALES)
    assert despues.status_code == 200  # se liberó el bloqueo: la app se recupera sola
    app.extensions["sac_db"].dispose()


def test_conexion_que_quedo_de_solo_lectura_se_descarta_y_la_app_se_recupera(
    base_propia: Path,
) -> None:
    """Como si el archivo hubiera sido de solo lectura al abrir la conexión (root no lo sufre con
    chmod): la conexión del pool queda en solo lectura; la app responde 503 una vez y la cambia."""
    app = _app(base_propia)
    cliente = app.test_client()
    assert cliente.post("/api/auth/login", json=CREDENCIALES).status_code == 200
    motor = app.extensions["sac_db"].engine
    conexion = motor.raw_connection()  # la única del pool, ya abierta por el login
    conexion.driver_connection.execute("PRAGMA query_only=ON")
    conexion.close()  # vuelve al pool así, de solo lectura
    respuesta = cliente.post("/api/auth/login", json=CREDENCIALES)  # abrir sesión escribe
    assert respuesta.status_code == 503
    assert respuesta.headers["Retry-After"]
    assert cliente.post("/api/auth/login", json=CREDENCIALES).status_code == 200
    app.extensions["sac_db"].dispose()


def test_base_borrada_con_la_app_andando_responde_503_y_vuelve_al_restaurarla(
    base_propia: Path, tmp_path: Path
) -> None:
    app = _app(base_propia)
    cliente = app.test_client()
    assert (
        cliente.post("/api/auth/login", json=CREDENCIALES).status_code == 200
    )  # pool con conexión
    respaldo = tmp_path / "respaldo.db"
    app.extensions["sac_db"].respaldar(respaldo)
    base_propia.unlink()
    for respuesta in (
        cliente.get("/api/salud"),
        cliente.post("/api/auth/login", json=CREDENCIALES),
    ):
        assert respuesta.status_code == 503
        assert respuesta.json["error"]["code"] == "servicio_no_disponible"
        assert "base de datos" in respuesta.json["error"]["message"]
        assert respuesta.headers["Retry-After"]
    assert not base_propia.exists()  # no escribió en el archivo borrado ni creó uno vacío
    respaldo.replace(base_propia)  # vuelve el archivo: la app se recupera sin reiniciar
    assert cliente.get("/api/salud").status_code == 200
    assert cliente.post("/api/auth/login", json=CREDENCIALES).status_code == 200
    app.extensions["sac_db"].dispose()


def test_app_que_arranca_sin_el_archivo_responde_503_sin_crear_una_base_vacia(
    base_propia: Path, tmp_path: Path
) -> None:
    ausente = tmp_path / "otra" / "sac.db"
    app = _app(ausente)
    cliente = app.test_client()
    respuesta = cliente.post("/api/auth/login", json=CREDENCIALES)
    assert respuesta.status_code == 503
    assert respuesta.headers["Retry-After"]
    assert cliente.get("/api/salud").status_code == 503
    assert not ausente.exists()
    ausente.parent.mkdir(exist_ok=True)
    base_propia.replace(ausente)
    assert cliente.post("/api/auth/login", json=CREDENCIALES).status_code == 200
    app.extensions["sac_db"].dispose()


def test_base_de_solo_lectura_responde_503_al_escribir(base_propia: Path) -> None:
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///file:{base_propia}?mode=ro&uri=true",
        }
    )
    cliente = app.test_client()
    assert cliente.get("/api/salud").status_code == 200  # leer sí puede
    respuesta = cliente.post("/api/auth/login", json=CREDENCIALES)  # abrir sesión escribe
    assert respuesta.status_code == 503
    assert respuesta.json["error"]["code"] == "servicio_no_disponible"
    assert respuesta.headers["Retry-After"]
    app.extensions["sac_db"].dispose()


def _csv_grande(carpeta: Path, filas: int) -> Path:
    ruta = carpeta / "clientes.csv"
    with ruta.open("w", encoding="utf-8") as archivo:
        archivo.write("tipo_documento,numero_documento,nombre,apellido,correo,telefono\n")
        for i in range(filas):
            archivo.write(f"CC,{10_000_000 + i},Nombre {i},Apellido,c{i}@example.com,3001234567\n")
    return ruta


def _contar_clientes(ruta: Path) -> int:
    with sqlite3.connect(ruta) as conexion:
        return int(conexion.execute("SELECT COUNT(*) FROM clientes").fetchone()[0])


def test_importacion_interrumpida_con_sigkill_no_deja_nada_parcial(
    base_propia: Path, tmp_path: Path
) -> None:
    archivo = _csv_grande(tmp_path, 400_000)
    proceso = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "app", "importar", "--clientes", str(archivo)],
        cwd=RAIZ, env=_entorno(base_propia), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proceso.stderr is not None
    inicio = time.monotonic()
    linea = proceso.stderr.readline().decode()  # primer aviso de avance: ya escribió filas
    while "filas procesadas" not in linea and time.monotonic() - inicio < 120:
        linea = proceso.stderr.readline().decode()
    assert "filas procesadas" in linea
    proceso.send_signal(signal.SIGKILL)
    proceso.wait(timeout=30)
    proceso.stderr.close()
    assert _contar_clientes(base_propia) == 0
    with sqlite3.connect(base_propia) as conexion:
        assert conexion.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_dos_importaciones_a_la_vez_dejan_datos_consistentes(
    base_propia: Path, tmp_path: Path
) -> None:
    archivo = _csv_grande(tmp_path, 20_000)
    procesos = [
        subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "app", "importar", "--clientes", str(archivo)],
            cwd=RAIZ,
            env=_entorno(base_propia),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(2)
    ]
    salidas = [p.communicate(timeout=300)[0].decode() for p in procesos]
    codigos = [p.returncode for p in procesos]
    assert 0 in codigos, salidas
    for codigo, salida in zip(codigos, salidas, strict=True):
        assert codigo == 0 or "Traceback" not in salida, salida
    assert _contar_clientes(base_propia) == 20_000
    with sqlite3.connect(base_propia) as conexion:
        duplicados = conexion.execute(
            "SELECT COUNT(*) FROM (SELECT numero_documento FROM clientes "
            "GROUP BY tipo_documento_id, numero_documento HAVING COUNT(*) > 1)"
        ).fetchone()[0]
    assert duplicados == 0
