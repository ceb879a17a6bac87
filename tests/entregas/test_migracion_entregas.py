"""La migración 0006 sobre una base que ya tiene datos: los conserva, carga la referencia del seed
002 y se revierte limpia."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app import create_app, preparar_migraciones
from tests.bases_prueba import base_temporal
from tests.entregas.conftest import PRODUCTOS_SEED, REPARTIDORES_SEED


def test_la_migracion_0006_conserva_los_datos_carga_la_referencia_y_se_revierte(
    tmp_path, motor
) -> None:
    with base_temporal(motor, tmp_path) as url:
        app = create_app({"APP_ENV": "testing", "TESTING": True, "DATABASE_URL": url})
        preparar_migraciones(app)
        motor_bd = app.extensions["sac_db"].engine
        try:
            with app.app_context():
                upgrade(revision="0005")
                with motor_bd.begin() as conexion:
                    conexion.execute(
                        text(
                            "INSERT INTO usuarios (usuario, nombre, rol, contrasena_hash, activo, "
                            "creado_en) VALUES ('previo', 'Previo', 'agente', 'x', :activo, :ahora)"
                        ),
                        {
                            "activo": True,
                            "ahora": datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None),
                        },
                    )
                upgrade(revision="0006")
                with motor_bd.connect() as conexion:
                    assert (
                        conexion.scalar(
                            text("SELECT nombre FROM usuarios WHERE usuario = 'previo'")
                        )
                        == "Previo"
                    )
                    productos = {
                        fila[0]: (fila[1], Decimal(str(fila[2])).quantize(Decimal("0.01")))
                        for fila in conexion.execute(
                            text("SELECT id, nombre, precio FROM entregas_productos")
                        )
                    }
                    repartidores = dict(
                        conexion.execute(text("SELECT id, nombre FROM entregas_repartidores")).all()
                    )
                assert productos == PRODUCTOS_SEED
                assert repartidores == REPARTIDORES_SEED
                downgrade(revision="0005")
                tablas = set(inspect(motor_bd).get_table_names())
                assert not {t for t in tablas if t.startswith("entregas_")}
                assert "usuarios" in tablas
                upgrade()
        finally:
            app.extensions["sac_db"].dispose()
