"""Un proceso real que aplica un pago y muere (SIGKILL) a mitad de la transacción: la base queda
como antes y el pago se puede repetir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from clients.base_datos_client import BaseDatosClient
from config import RAIZ
from tests.cuponeras.conftest import Escenario
from tests.cuponeras.test_pago import _estado, _pago

PROCESO = """
import sys, time
from pathlib import Path
from sqlalchemy import select
from app import create_app
from controllers import correo_controller
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import pago_controller
from models import Usuario

url, numero, valor, marca = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
app = create_app({"APP_ENV": "testing", "DATABASE_URL": url})
pasarela = app.extensions["sac_db"]
with pasarela.session_scope() as sesion:
    fila = sesion.scalars(select(Usuario).where(Usuario.rol == "recaudo")).one()
    usuario = UsuarioActual(fila.id, fila.usuario, fila.nombre, fila.rol)

def colgarse(sesion, *args, **kwargs):
    sesion.flush()  # cupón, facturas, pago, eventos y notificaciones ya escritos en la transacción
    marca.write_text("a mitad")
    time.sleep(600)

correo_controller.encolar = colgarse
pago_controller.pagar(pasarela, usuario, {
    "numero_cupon": numero, "valor": valor, "canal": "banco", "referencia": "BCO-0001"})
"""


def test_un_proceso_que_muere_a_mitad_del_pago_no_deja_nada(
    app: Flask,
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    tmp_path: Path,
) -> None:
    cupon = client.post(
        "/api/contratos/100200300/cupones", json={}, headers=escenario.cabeceras["agente"]
    ).json
    antes = _estado(gateway)
    marca = tmp_path / "marca.txt"
    proceso = subprocess.Popen(
        [sys.executable, "-c", PROCESO, app.config["DATABASE_URL"], cupon["numero"], "200500",
         str(marca)],
        cwd=RAIZ, env={**os.environ, "PYTHONPATH": str(RAIZ)},
    )  # fmt: skip
    try:
        limite = time.monotonic() + 60
        while not marca.exists():
            assert proceso.poll() is None, "el proceso terminó antes de llegar a la mitad"
            assert time.monotonic() < limite, "el proceso no llegó a la mitad del pago"
            time.sleep(0.05)
        os.kill(proceso.pid, signal.SIGKILL)
    finally:
        proceso.kill()
        proceso.wait(timeout=30)
    assert proceso.returncode == -signal.SIGKILL
    assert _estado(gateway) == antes
    respuesta = client.post(
        "/api/pagos", json=_pago(cupon["numero"], 200_500), headers=escenario.cabeceras["recaudo"]
    )
    assert respuesta.status_code == 200, respuesta.json
