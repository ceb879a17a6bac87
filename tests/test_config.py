"""Configuración: vacía = por defecto, nunca SQLite en memoria fuera de las pruebas, secretos fuertes
y base migrada en producción (la CLI sí puede migrarla)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import create_app, migrar
from config import RAIZ, SECRETO_DESARROLLO, ConfiguracionInvalida, cargar_configuracion

FUERTE = "k" * 20 + "9Zx!" * 5
PRODUCCION = {"APP_ENV": "production", "SECRET_KEY": FUERTE, "JWT_SECRET_KEY": FUERTE + "2"}


@pytest.mark.parametrize(
    "secretos",
    [
        {"SECRET_KEY": "", "JWT_SECRET_KEY": ""},
        {"SECRET_KEY": "corto", "JWT_SECRET_KEY": FUERTE},
        {"SECRET_KEY": FUERTE, "JWT_SECRET_KEY": SECRETO_DESARROLLO},
    ],
)
def test_produccion_se_niega_a_arrancar_con_secretos_debiles(secretos: dict) -> None:
    with pytest.raises(ConfiguracionInvalida, match="producción"):
        create_app({"APP_ENV": "production", **secretos})


def test_produccion_arranca_con_secretos_fuertes_y_cookies_seguras(
    monkeypatch, tmp_path: Path
) -> None:
    for nombre, valor in PRODUCCION.items():
        monkeypatch.setenv(nombre, valor)
    config = cargar_configuracion({"DATABASE_URL": f"sqlite:///{tmp_path / 'sac.db'}"})
    assert config["JWT_COOKIE_SECURE"] is True


def test_app_env_desconocido_se_rechaza() -> None:
    with pytest.raises(ConfiguracionInvalida):
        cargar_configuracion({"APP_ENV": "staging"})


POR_DEFECTO = {
    "APP_ENV": "development",
    "SECRET_KEY": SECRETO_DESARROLLO,
    "DB_CLIENT": "sqlite",
    "SQLITE_PATH": str(RAIZ / "instance" / "sac.db"),
    "SQLITE_BUSY_TIMEOUT_MS": 5000,
    "SQLSERVER_DRIVER": "ODBC Driver 18 for SQL Server",
    "SQLSERVER_PORT": 1433,
    "COMPRAS_RECIENTES": 10,
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "LIMITE_LOGIN_USUARIO": "5 per 5 minutes",
}


@pytest.mark.parametrize("valor", ["", "   "])
@pytest.mark.parametrize("nombre", sorted(POR_DEFECTO))
def test_variable_vacia_usa_el_valor_por_defecto(monkeypatch, nombre: str, valor: str) -> None:
    monkeypatch.setenv(nombre, valor)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert cargar_configuracion()[nombre] == POR_DEFECTO[nombre]


def test_umbral_y_vencimientos_vacios_usan_el_valor_por_defecto(monkeypatch) -> None:
    for nombre in ("UMBRAL_FIDELIZACION", "JWT_ACCESO_MINUTOS", "JWT_REFRESCO_HORAS"):
        monkeypatch.setenv(nombre, "")
    config = cargar_configuracion({"DATABASE_URL": ""})
    assert str(config["UMBRAL_FIDELIZACION"]) == "5000000"
    assert config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds() == 15 * 60
    assert config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds() == 8 * 3600


def test_numero_invalido_se_rechaza_con_el_nombre_de_la_variable(monkeypatch) -> None:
    monkeypatch.setenv("UMBRAL_FIDELIZACION", "cinco millones")
    with pytest.raises(ConfiguracionInvalida, match="UMBRAL_FIDELIZACION"):
        cargar_configuracion()


def test_sqlite_path_relativo_se_entiende_desde_la_carpeta_del_proyecto(monkeypatch) -> None:
    monkeypatch.setenv("SQLITE_PATH", "instance/otra.db")
    monkeypatch.chdir("/")
    assert cargar_configuracion({"DATABASE_URL": ""})["SQLITE_PATH"] == str(
        RAIZ / "instance" / "otra.db"
    )


MEMORIA = [
    {"DATABASE_URL": "sqlite://"},
    {"DATABASE_URL": "sqlite:///"},
    {"DATABASE_URL": "sqlite:///:memory:"},
    {"DATABASE_URL": "sqlite:///file:sac?mode=memory&cache=shared&uri=true"},
    {"DATABASE_URL": "", "DB_CLIENT": "sqlite", "SQLITE_PATH": ":memory:"},
    {"DATABASE_URL": "", "DB_CLIENT": "sqlite", "SQLITE_PATH": ""},
]


@pytest.mark.parametrize("entorno", ["development", "production"])
@pytest.mark.parametrize("base", MEMORIA)
def test_sqlite_en_memoria_se_rechaza_fuera_de_las_pruebas(base: dict, entorno: str) -> None:
    secretos = PRODUCCION if entorno == "production" else {"APP_ENV": entorno}
    with pytest.raises(ConfiguracionInvalida, match="SQLite en memoria"):
        cargar_configuracion({**secretos, **base})


@pytest.mark.parametrize("base", MEMORIA[:3])
def test_sqlite_en_memoria_se_permite_en_las_pruebas(base: dict) -> None:
    assert (
        cargar_configuracion({"APP_ENV": "testing", **base})["DATABASE_URL"] == base["DATABASE_URL"]
    )


def test_url_de_base_invalida_se_rechaza() -> None:
    with pytest.raises(ConfiguracionInvalida, match="DATABASE_URL"):
        cargar_configuracion({"DATABASE_URL": "esto no es una url"})


def test_env_example_copiado_como_env_usa_el_archivo_sqlite_por_defecto(monkeypatch) -> None:
    """El caso del issue: `.env.example` copiado tal cual a `.env` dejaba `sqlite:///` (memoria)."""
    from dotenv import dotenv_values

    for nombre, valor in dotenv_values(RAIZ / ".env.example").items():
        monkeypatch.setenv(nombre, valor or "")
    config = cargar_configuracion()
    assert config["APP_ENV"] == "development"
    assert config["DATABASE_URL"] == ""
    assert config["SQLITE_PATH"] == str(RAIZ / "instance" / "sac.db")
    assert config["SQLSERVER_DRIVER"] == "ODBC Driver 18 for SQL Server"


# --- En producción la app no sirve con una base sin migrar o atrasada -------------------------


def _base_sqlite(tmp_path: Path, revision: str | None) -> str:
    """Un archivo SQLite migrado y luego con `alembic_version` en `revision` (None = vacía)."""
    url = f"sqlite:///{tmp_path / 'sac.db'}"
    migrar(create_app({"APP_ENV": "testing", "DATABASE_URL": url}))
    motor = create_engine(url)
    with motor.begin() as conexion:
        if revision is None:
            conexion.execute(text("DELETE FROM alembic_version"))
        else:
            conexion.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    motor.dispose()
    return url


@pytest.mark.parametrize(
    ("revision", "mensaje"),
    [
        (None, "no tiene el esquema"),
        ("0001", "no está en la última versión"),
        ("9999", "más nueva"),
    ],
)
def test_produccion_no_arranca_si_la_base_no_esta_en_la_ultima_migracion(
    tmp_path: Path, revision: str | None, mensaje: str
) -> None:
    url = _base_sqlite(tmp_path, revision)
    with pytest.raises(ConfiguracionInvalida, match=mensaje):
        create_app({**PRODUCCION, "DATABASE_URL": url})


def test_produccion_no_arranca_sobre_un_archivo_sqlite_vacio(tmp_path: Path) -> None:
    (tmp_path / "vacia.db").touch()
    with pytest.raises(ConfiguracionInvalida, match="no tiene el esquema"):
        create_app({**PRODUCCION, "DATABASE_URL": f"sqlite:///{tmp_path / 'vacia.db'}"})


def test_produccion_arranca_con_la_base_en_la_ultima_migracion(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sac.db'}"
    migrar(create_app({"APP_ENV": "testing", "DATABASE_URL": url}))
    app = create_app({**PRODUCCION, "DATABASE_URL": url})
    assert app.test_client().get("/api/salud").status_code == 200
    app.extensions["sac_db"].dispose()


def test_en_produccion_la_cli_migra_una_base_sin_migrar_y_luego_la_app_arranca(
    tmp_path: Path, motor: str
) -> None:
    if motor != "sqlite":
        pytest.skip("la CLI se prueba una vez, sobre SQLite")
    (tmp_path / "sac.db").touch()
    url = f"sqlite:///{tmp_path / 'sac.db'}"
    entorno = {**os.environ, **PRODUCCION, "DATABASE_URL": url}
    resultado = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultado.returncode == 0, resultado.stderr
    app = create_app({**PRODUCCION, "DATABASE_URL": url})
    assert app.test_client().get("/api/salud").json["estado"] == "ok"
    app.extensions["sac_db"].dispose()
