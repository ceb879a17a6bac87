"""El usuario del portal (rol cliente) contra toda la API: 403 en cada ruta cuyo permiso no tiene
(las del personal), y su sesión sirve en las suyas."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from services import permisos_service
from tests.cuponeras.conftest import Escenario


def test_el_cliente_del_portal_recibe_403_en_cada_ruta_del_personal(
    app: Flask, client: FlaskClient, escenario: Escenario
) -> None:
    documento = app.test_client().get("/api/openapi.json").json
    revisadas = 0
    for ruta, metodos in documento["paths"].items():
        for metodo, operacion in metodos.items():
            if metodo not in ("get", "post", "patch", "put", "delete"):
                continue
            permisos = operacion.get("x-permisos") or [operacion.get("x-permiso")]
            if permisos == [None] or any(permisos_service.puede("cliente", p) for p in permisos):
                continue
            concreta = re.sub(r"\{[^}]+\}", "1", ruta)
            respuesta = client.open(
                concreta, method=metodo.upper(), headers=escenario.cabeceras["cliente"]
            )
            assert respuesta.status_code == 403, (metodo, ruta)
            assert respuesta.json["error"]["code"] == "prohibido"
            revisadas += 1
    assert revisadas >= 30


def test_las_rutas_del_portal_declaran_que_bastan_sus_permisos(app: Flask) -> None:
    documento = app.test_client().get("/api/openapi.json").json
    facturas = documento["paths"]["/api/contratos/{numero}/facturas"]["get"]
    assert facturas["x-permisos"] == ["cuponeras.consultar", "cuponeras.portal"]
    pagos = documento["paths"]["/api/pagos"]["post"]
    assert pagos["x-permisos"] == ["pagos.registrar", "cuponeras.portal"]
    assert documento["paths"]["/api/portal/contratos"]["get"]["x-permiso"] == "cuponeras.portal"
