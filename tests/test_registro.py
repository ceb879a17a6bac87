"""Registros estructurados: id de petición, ruta sin consulta y ningún dato personal."""

import io
import json
import logging

from flask.testing import FlaskClient

from routes.registro import FormatoJson
from tests.fabricas import crear_cliente


def test_cada_peticion_deja_una_linea_json_sin_datos_personales(
    client: FlaskClient, cabeceras, gateway
) -> None:
    crear_cliente(gateway, nombre="Secreta", correo="secreta@example.com")
    salida = io.StringIO()
    manejador = logging.StreamHandler(salida)
    manejador.setFormatter(FormatoJson())
    registro = logging.getLogger("sac.peticiones")
    registro.addHandler(manejador)
    try:
        respuesta = client.get(
            "/api/clientes/buscar?tipo_documento=CC&numero_documento=1020304050",
            headers={**cabeceras["agente"], "X-Request-ID": "prueba-123"},
        )
    finally:
        registro.removeHandler(manejador)
    assert respuesta.headers["X-Request-ID"] == "prueba-123"
    lineas = [json.loads(linea) for linea in salida.getvalue().splitlines()]
    evento = next(e for e in lineas if e["ruta"] == "/api/clientes/buscar")
    assert evento["id_peticion"] == "prueba-123"
    assert evento["estado"] == 200
    assert evento["usuario_id"] is not None
    texto = salida.getvalue()
    for dato in ("1020304050", "Secreta", "secreta@example.com", "Bearer", "eyJ"):
        assert dato not in texto


def test_un_id_de_peticion_invalido_se_reemplaza(client: FlaskClient) -> None:
    respuesta = client.get("/api/salud", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert respuesta.headers["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(respuesta.headers["X-Request-ID"]) == 32
