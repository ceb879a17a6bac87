"""La consulta del núcleo (`/api/clientes/buscar`) enmascara el contacto para el agente; las
exportaciones salen completas para todo rol."""

from __future__ import annotations

import pytest

from tests.fabricas import crear_cliente

DOCUMENTO = {"tipo_documento": "CC", "numero_documento": "1020304050"}


@pytest.fixture
def cliente(gateway) -> int:
    return crear_cliente(
        gateway,
        correo="maria.pena@correo.com.co",
        telefono="+57 311 234 5678",
        direccion="Calle 45 # 12-30",
    )


def test_la_consulta_por_documento_enmascara_el_contacto_para_el_agente(
    client, cabeceras, cliente
) -> None:
    datos = client.get("/api/clientes/buscar", query_string=DOCUMENTO, headers=cabeceras["agente"])
    assert datos.status_code == 200
    ficha = datos.json["cliente"]
    assert (ficha["telefono"], ficha["correo"], ficha["direccion"]) == (
        "311*****78",
        "ma***@correo.com.co",
        "Calle ***",
    )
    assert ficha["nombre"] == "María José"


@pytest.mark.parametrize("rol", ["supervisor", "admin"])
def test_la_consulta_por_documento_muestra_el_contacto_completo_a_supervisor_y_admin(
    client, cabeceras, cliente, rol
) -> None:
    ficha = client.get("/api/clientes/buscar", query_string=DOCUMENTO, headers=cabeceras[rol]).json[
        "cliente"
    ]
    assert (ficha["telefono"], ficha["correo"], ficha["direccion"]) == (
        "+57 311 234 5678",
        "maria.pena@correo.com.co",
        "Calle 45 # 12-30",
    )


def test_la_exportacion_del_agente_sale_con_el_contacto_completo(
    client, cabeceras, cliente
) -> None:
    respuesta = client.get(
        "/api/clientes/exportar",
        query_string={**DOCUMENTO, "formato": "csv"},
        headers=cabeceras["agente"],
    )
    assert respuesta.status_code == 200
    contenido = respuesta.data.decode("utf-8-sig")
    assert "+57 311 234 5678" in contenido
    assert "maria.pena@correo.com.co" in contenido
    assert "Calle 45 # 12-30" in contenido
    assert "*****" not in contenido
