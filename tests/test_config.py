"""Configuración: en producción no se arranca con secretos ausentes, cortos o de desarrollo."""

import pytest

from app import create_app
from config import SECRETO_DESARROLLO, ConfiguracionInvalida, cargar_configuracion

FUERTE = "k" * 20 + "9Zx!" * 5


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


def test_produccion_arranca_con_secretos_fuertes_y_cookies_seguras(monkeypatch) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", FUERTE)
    monkeypatch.setenv("JWT_SECRET_KEY", FUERTE + "2")
    config = cargar_configuracion({"DATABASE_URL": "sqlite:///:memory:"})
    assert config["JWT_COOKIE_SECURE"] is True


def test_app_env_desconocido_se_rechaza() -> None:
    with pytest.raises(ConfiguracionInvalida):
        cargar_configuracion({"APP_ENV": "staging"})
