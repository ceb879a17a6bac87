"""La fusión es una sola transacción: si falla a mitad de camino (una excepción en cualquier paso, o
el proceso muere con SIGKILL después de mover las compras), nada cambió (compras, notas, contratos,
beneficios, usuarios del portal, alias, `activo`, índice de nombres, auditoría) y se puede repetir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from clients.base_datos_client import BaseDatosClient
from config import RAIZ
from controllers.sac360 import fusion_controller
from models import Compra
from models.cuponeras import Contrato
from tests.sac360.fusion_datos import MOTIVO, Pareja, crear_pareja, foto


def _fusionar(client: FlaskClient, cabeceras: dict[str, dict[str, str]], pareja: Pareja) -> Any:
    return client.post(
        f"/api/clientes/{pareja.sobreviviente}/fusionar",
        json={"con": pareja.absorbido, "motivo": MOTIVO},
        headers=cabeceras["admin"],
    )


def _compras_de(conexion: Connection, cliente_id: int) -> int:
    return conexion.execute(
        select(func.count()).where(Compra.cliente_id == cliente_id)
    ).scalar_one()


class FallaInyectada(RuntimeError):
    pass


def test_una_falla_despues_de_mover_compras_y_contratos_no_deja_nada(
    app: Flask, client, cabeceras, gateway: BaseDatosClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    vistos: dict[str, int] = {}

    def fallar(conexion: Connection, de_id: int, a_id: int) -> dict[str, int]:
        # Corre después de M6 («cuponeras» < «zz»): compras, notas y contratos ya se movieron.
        vistos["compras_del_absorbido"] = _compras_de(conexion, de_id)
        vistos["contratos_del_sobreviviente"] = conexion.execute(
            select(func.count()).where(Contrato.cliente_id == a_id)
        ).scalar_one()
        raise FallaInyectada("falla a mitad de la fusión")

    monkeypatch.setitem(app.extensions["sac_fusion_modulos"], "zz_falla", fallar)
    respuesta = _fusionar(client, cabeceras, pareja)
    assert respuesta.status_code == 500
    assert respuesta.json["error"]["code"] == "error_interno"
    assert vistos == {"compras_del_absorbido": 0, "contratos_del_sobreviviente": 2}
    assert foto(gateway) == antes
    monkeypatch.delitem(app.extensions["sac_fusion_modulos"], "zz_falla")
    assert _fusionar(client, cabeceras, pareja).status_code == 200


@pytest.mark.parametrize("paso", ["_desactivar_con_alias", "registrar_en", "alias_de"])
def test_una_falla_en_los_ultimos_pasos_tampoco_deja_nada(
    client, cabeceras, gateway: BaseDatosClient, monkeypatch: pytest.MonkeyPatch, paso: str
) -> None:
    """El alias, el `activo` y la auditoría del éxito también están en la transacción."""
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    original = getattr(fusion_controller, paso)

    def hacer_y_fallar(*args: Any, **kwargs: Any) -> Any:
        original(*args, **kwargs)
        raise FallaInyectada(paso)

    monkeypatch.setattr(fusion_controller, paso, hacer_y_fallar)
    assert _fusionar(client, cabeceras, pareja).status_code == 500
    assert foto(gateway) == antes


PROCESO = """
import sys, time
from pathlib import Path
from sqlalchemy import func, select
from app import create_app
from controllers.auditoria_controller import ContextoAuditoria
from controllers.sac360 import fusion_controller
from models import Compra, Usuario

url, sobreviviente, absorbido, motivo, marca = (
    sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], Path(sys.argv[5]))
app = create_app({"APP_ENV": "testing", "DATABASE_URL": url})
pasarela = app.extensions["sac_db"]
with pasarela.session_scope() as sesion:
    admin = sesion.scalar(select(Usuario.id).where(Usuario.rol == "admin"))

def colgarse(conexion, de_id, a_id):
    quedan = conexion.execute(select(func.count()).where(Compra.cliente_id == de_id)).scalar_one()
    marca.write_text(f"compras del absorbido: {quedan}")  # ya se movieron, sin confirmar
    time.sleep(600)
    return {}

movedores = {**app.extensions["sac_fusion_modulos"], "zz_colgarse": colgarse}
with app.app_context():
    fusion_controller.fusionar(
        pasarela, sobreviviente, absorbido, motivo,
        ContextoAuditoria(admin, "127.0.0.1", app.config["SECRET_KEY"]), movedores)
"""


def test_un_proceso_que_muere_a_mitad_de_la_fusion_no_deja_nada(
    app: Flask, client, cabeceras, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    marca = tmp_path / "marca.txt"
    proceso = subprocess.Popen(
        [sys.executable, "-c", PROCESO, app.config["DATABASE_URL"], str(pareja.sobreviviente),
         str(pareja.absorbido), MOTIVO, str(marca)],
        cwd=RAIZ, env={**os.environ, "PYTHONPATH": str(RAIZ)},
    )  # fmt: skip
    try:
        limite = time.monotonic() + 60
        while not marca.exists() or not marca.read_text():
            assert proceso.poll() is None, "el proceso terminó antes de llegar a la mitad"
            assert time.monotonic() < limite, "el proceso no llegó a la mitad de la fusión"
            time.sleep(0.05)
        os.kill(proceso.pid, signal.SIGKILL)
    finally:
        proceso.kill()
        proceso.wait(timeout=30)
    assert proceso.returncode == -signal.SIGKILL
    assert marca.read_text() == "compras del absorbido: 0"
    assert foto(gateway) == antes
    respuesta = _fusionar(client, cabeceras, pareja)
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["movidos"]["compras"] == 3
