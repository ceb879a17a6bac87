"""Datos de las pruebas del registro en el portal (M6): un titular con su contrato, la solicitud
de registro y el token del correo de verificación."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

from flask.testing import FlaskClient
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from models import Correo
from tests.cuponeras.conftest import crear_contrato
from tests.fabricas import crear_cliente

CONTRASENA = "Portal-Prueba-2026"


def titular_con_contrato(
    gateway: BaseDatosClient, numero_documento: str = "1020304050", contrato: str = "100200300"
) -> int:
    cliente_id = crear_cliente(gateway, numero=numero_documento)
    crear_contrato(gateway, cliente_id, contrato)
    return cliente_id


def solicitud(**cambios: Any) -> dict[str, str]:
    datos = {
        "correo": "maria.pena@correo.co",
        "nombre": "María José Peña",
        "contrasena": CONTRASENA,
        "tipo_documento": "CC",
        "numero_documento": "1020304050",
        "numero_contrato": "100200300",
    }
    datos.update(cambios)
    return datos


def token_del_correo(gateway: BaseDatosClient, destinatario: str) -> str:
    """El token del enlace del último correo de verificación enviado a `destinatario`."""
    with gateway.session_scope() as sesion:
        cuerpo = sesion.scalars(
            select(Correo.cuerpo)
            .where(Correo.destinatario == destinatario, Correo.referencia.like("registro:%"))
            .order_by(Correo.id.desc())
        ).first()
    assert cuerpo is not None
    enlace = re.search(r"https?://\S+/portal/verificar\?\S+", cuerpo)
    assert enlace is not None
    return parse_qs(urlparse(enlace.group(0)).query)["token"][0]


def registrar_y_verificar(
    client: FlaskClient, gateway: BaseDatosClient, **cambios: Any
) -> dict[str, str]:
    """Registra y verifica una cuenta del portal; devuelve la cabecera Bearer de su sesión."""
    datos = solicitud(**cambios)
    assert client.post("/api/auth/registro", json=datos).status_code == 201
    token = token_del_correo(gateway, datos["correo"])
    assert client.post("/api/auth/verificar", json={"token": token}).status_code == 200
    sesion = client.post(
        "/api/auth/login", json={"usuario": datos["correo"], "contrasena": datos["contrasena"]}
    )
    assert sesion.status_code == 200, sesion.json
    return {"Authorization": f"Bearer {sesion.json['access_token']}"}
