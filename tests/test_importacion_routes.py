"""Importación por la API (admin): todo o nada, límites de tamaño y tipo, texto hostil como texto."""

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from models import Auditoria, Cliente

CLIENTES = (
    "tipo_documento,numero_documento,nombre,apellido,correo,telefono\n"
    "CC,1020304050,María José,Peña Muñoz,maria@example.com,3001234567\n"
    'NIT,900123456-8,"Robert\'); DROP TABLE clientes;--",,,\n'
    "CC,80123456,<script>alert(1)</script>,=1+1,,\n"
)


def _subir(client: FlaskClient, cabeceras, contenido: str, nombre="clientes.csv", consulta=""):
    return client.post(
        f"/api/importaciones{consulta}",
        data={"clientes": (io.BytesIO(contenido.encode("utf-8")), nombre)},
        content_type="multipart/form-data",
        headers=cabeceras["admin"],
    )


def _clientes(gateway) -> int:
    with gateway.session_scope() as sesion:
        return sesion.scalar(select(func.count()).select_from(Cliente)) or 0


def test_admin_importa_y_el_texto_hostil_se_guarda_como_texto(
    client: FlaskClient, cabeceras, gateway
) -> None:
    respuesta = _subir(client, cabeceras, CLIENTES)
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["confirmada"] is True
    assert respuesta.json["archivos"][0]["insertadas"] == 3
    with gateway.session_scope() as sesion:
        nombres = set(sesion.scalars(select(Cliente.nombre)))
        apellidos = set(sesion.scalars(select(Cliente.apellido)))
    assert "Robert'); DROP TABLE clientes;--" in nombres
    assert "<script>alert(1)</script>" in nombres
    assert "=1+1" in apellidos
    busqueda = client.get(
        "/api/clientes/buscar?tipo_documento=CC&numero_documento=80123456",
        headers=cabeceras["agente"],
    )
    assert busqueda.json["cliente"]["nombre"] == "<script>alert(1)</script>"
    assert busqueda.mimetype == "application/json"
    with gateway.session_scope() as sesion:
        acciones = list(sesion.scalars(select(Auditoria.accion).order_by(Auditoria.id)))
    assert acciones == ["importacion", "consulta"]


def test_una_fila_mala_no_escribe_nada_y_dice_la_fila(
    client: FlaskClient, cabeceras, gateway
) -> None:
    malo = CLIENTES + "CC,12,Sin,Documento,,\n"
    respuesta = _subir(client, cabeceras, malo)
    assert respuesta.status_code == 422
    error = respuesta.json["error"]
    assert error["code"] == "datos_invalidos"
    assert error["details"]["confirmada"] is False
    assert error["details"]["errores"][0]["fila"] == 5
    assert error["details"]["errores"][0]["campo"] == "numero_documento"
    assert _clientes(gateway) == 0


def test_parcial_guarda_las_filas_buenas(client: FlaskClient, cabeceras, gateway) -> None:
    malo = CLIENTES + "CC,12,Sin,Documento,,\n"
    respuesta = _subir(client, cabeceras, malo, consulta="?parcial=true")
    assert respuesta.status_code == 200
    assert respuesta.json["total_errores"] == 1
    assert _clientes(gateway) == 3


def test_reimportar_no_duplica(client: FlaskClient, cabeceras, gateway) -> None:
    _subir(client, cabeceras, CLIENTES)
    segunda = _subir(client, cabeceras, CLIENTES)
    assert segunda.json["archivos"][0]["sin_cambios"] == 3
    assert _clientes(gateway) == 3


@pytest.mark.parametrize("nombre", ["clientes.exe", "clientes.txt", "clientes"])
def test_archivo_de_otro_tipo_responde_422(client: FlaskClient, cabeceras, nombre: str) -> None:
    respuesta = _subir(client, cabeceras, CLIENTES, nombre=nombre)
    assert respuesta.status_code == 422
    assert "clientes" in respuesta.json["error"]["details"]["campos"]


def test_archivo_binario_con_extension_csv_responde_422(client: FlaskClient, cabeceras) -> None:
    respuesta = client.post(
        "/api/importaciones",
        data={"clientes": (io.BytesIO(b"\x00\xff\xfe" * 1000), "clientes.csv")},
        content_type="multipart/form-data",
        headers=cabeceras["admin"],
    )
    assert respuesta.status_code == 422


def test_sin_archivos_responde_422(client: FlaskClient, cabeceras) -> None:
    respuesta = client.post(
        "/api/importaciones",
        data={},
        content_type="multipart/form-data",
        headers=cabeceras["admin"],
    )
    assert respuesta.status_code == 422


def test_archivo_demasiado_grande_responde_413(app: Flask, client: FlaskClient, cabeceras) -> None:
    limite = app.config["IMPORTACION_MAX_BYTES"]
    app.config["IMPORTACION_MAX_BYTES"] = 10_000
    try:
        respuesta = _subir(client, cabeceras, CLIENTES + "x" * 20_000)
    finally:
        app.config["IMPORTACION_MAX_BYTES"] = limite
    assert respuesta.status_code == 413
    assert respuesta.json["error"]["code"] == "demasiado_grande"


@pytest.mark.parametrize("rol", ["agente", "supervisor"])
def test_solo_admin_importa(client: FlaskClient, cabeceras, rol: str) -> None:
    respuesta = client.post(
        "/api/importaciones",
        data={"clientes": (io.BytesIO(CLIENTES.encode()), "clientes.csv")},
        content_type="multipart/form-data",
        headers=cabeceras[rol],
    )
    assert respuesta.status_code == 403


def test_un_telefono_o_correo_mal_formado_no_rechaza_la_fila_se_marca_y_sale_en_calidad(
    client: FlaskClient, cabeceras, gateway
) -> None:
    contenido = (
        "tipo_documento,numero_documento,nombre,apellido,correo,telefono\n"
        "CC,1020304050,Ana,Ruiz,ana-sin-arroba,12ab\n"
        "CC,80123456,Luis,Mora,luis@example.com,3001234567\n"
    )
    respuesta = _subir(client, cabeceras, contenido)
    assert respuesta.status_code == 200, respuesta.json
    (resumen,) = respuesta.json["archivos"]
    assert (resumen["insertadas"], resumen["rechazadas"], resumen["marcados"]) == (2, 0, 2)
    calidad = client.get("/api/calidad/advertencias", headers=cabeceras["supervisor"]).json
    assert [(a["tipo"], a["clientes"][0]["numero_documento"]) for a in calidad["items"]] == [
        ("telefono_invalido", "1020304050"),
        ("correo_invalido", "1020304050"),
    ]
