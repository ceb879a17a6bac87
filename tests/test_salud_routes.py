from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from app import create_app
from clients.base_datos_client import migraciones_del_codigo
from config import RAIZ
from tests.bases_prueba import base_temporal

NOMBRE_CLIENTE = {"sqlite": "sqlite", "postgresql": "postgresql", "mariadb": "mysql"}


def test_salud_responde_200_con_el_cliente_de_base_de_datos(
    client: FlaskClient, motor: str
) -> None:
    respuesta = client.get("/api/salud")
    assert respuesta.status_code == 200
    assert respuesta.json["estado"] == "ok"
    assert respuesta.json["base_datos"]["cliente"] == NOMBRE_CLIENTE[motor]


def _forma_503(respuesta, esquema: str) -> None:
    assert respuesta.status_code == 503
    assert respuesta.headers["Retry-After"]
    error = respuesta.json["error"]
    assert error["code"] == "servicio_no_disponible"
    assert "migraci" in error["message"] or "versión más nueva" in error["message"]
    assert error["details"] == {"esquema": esquema}


@pytest.mark.parametrize(("revision", "esquema"), [("0001", "atrasado"), ("9999zz", "desconocido")])
def test_salud_responde_503_si_el_esquema_no_esta_en_la_ultima_migracion(
    client: FlaskClient, gateway, revision: str, esquema: str
) -> None:
    with gateway.engine.begin() as conexion:
        actual = conexion.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conexion.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    try:
        _forma_503(client.get("/api/salud"), esquema)
    finally:
        with gateway.engine.begin() as conexion:
            conexion.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": actual})
    assert client.get("/api/salud").status_code == 200


def test_salud_responde_503_si_la_base_responde_pero_no_tiene_el_esquema(
    motor: str, tmp_path: Path
) -> None:
    with base_temporal(motor, tmp_path) as url:
        if motor == "sqlite":
            (tmp_path / "sac_pruebas.db").touch()
        app = create_app({"APP_ENV": "testing", "DATABASE_URL": url})
        try:
            _forma_503(app.test_client().get("/api/salud"), "sin_migrar")
        finally:
            app.extensions["sac_db"].dispose()


def test_las_migraciones_del_codigo_coinciden_con_las_de_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    configuracion = Config()
    configuracion.set_main_option("script_location", str(RAIZ / "migrations"))
    guion = ScriptDirectory.from_config(configuracion)
    migraciones = migraciones_del_codigo()
    assert migraciones.finales == frozenset(guion.get_heads())
    assert migraciones.conocidas == frozenset(r.revision for r in guion.walk_revisions())
