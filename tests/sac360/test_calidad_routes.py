"""Advertencias de calidad de datos: la misma persona bajo dos documentos, teléfonos no colombianos,
correos mal formados (regla WHATWG) y correos compartidos, paginadas con su total."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from models import Cliente
from services import calidad_service
from tests.fabricas import crear_cliente


def _advertencias(client, cabeceras, rol: str = "supervisor", **parametros):
    return client.get("/api/calidad/advertencias", query_string=parametros, headers=cabeceras[rol])


def _documentos(advertencia: dict) -> list[str]:
    return [c["numero_documento"] for c in advertencia["clientes"]]


@pytest.mark.parametrize(
    ("correo", "valido"),
    [
        ("ana@example.com", True),
        ("ANA.Ruiz+sac@correo.com.co", True),
        ("ana@localhost", True),
        ("ana@", False),
        ("ana@@example.com", False),
        ("ana example@x.co", False),
        ("ana@-x.co", False),
        ("sin-arroba.co", False),
    ],
)
def test_el_correo_se_valida_con_la_regla_whatwg(correo: str, valido: bool) -> None:
    assert calidad_service.correo_valido(correo) is valido


@pytest.mark.parametrize(
    ("telefono", "valido"),
    [("3112345678", True), ("6044445555", True), ("5551234", False), ("4112345678", False)],
)
def test_el_telefono_colombiano_es_3xx_o_60x_mas_7_digitos(telefono: str, valido: bool) -> None:
    assert calidad_service.telefono_valido(telefono) is valido


def test_cada_tipo_de_advertencia_con_sus_clientes(client, cabeceras, gateway) -> None:
    crear_cliente(
        gateway, "CC", "100001", "María José", "Peña Muñoz", "maria@x.co", "+57 311 234 5678"
    )
    crear_cliente(gateway, "CE", "AX12345", "maria jose", "PEÑA MUÑOZ", "otra@x.co", "311-234-5678")
    crear_cliente(gateway, "CC", "100003", "Pedro", "Gómez", "pedro@x.co", "+1 212 555 0100")
    crear_cliente(gateway, "CC", "100004", "Luz", "Díaz", "luz@@x.co", "6044445555")
    crear_cliente(gateway, "CC", "100005", "Ana", "Ruiz", "Casa@X.co", "3001112233")
    crear_cliente(gateway, "CC", "100006", "Beto", "Ruiz", "casa@x.co", "3004445566")
    datos = _advertencias(client, cabeceras).json
    assert datos["total"] == 4
    por_tipo = {a["tipo"]: a for a in datos["items"]}
    assert [a["tipo"] for a in datos["items"]] == [
        "duplicado",
        "telefono_invalido",
        "correo_invalido",
        "correo_compartido",
    ]
    assert _documentos(por_tipo["duplicado"]) == ["100001", "AX12345"]
    assert _documentos(por_tipo["telefono_invalido"]) == ["100003"]
    assert _documentos(por_tipo["correo_invalido"]) == ["100004"]
    assert _documentos(por_tipo["correo_compartido"]) == ["100005", "100006"]
    assert set(por_tipo["duplicado"]["clientes"][1]) == {
        "id",
        "tipo_documento",
        "numero_documento",
        "nombre",
        "apellido",
    }
    solo = _advertencias(client, cabeceras, tipo="correo_compartido").json
    assert (solo["total"], len(solo["items"])) == (1, 1)


def test_mismo_nombre_sin_telefono_ni_correo_en_comun_no_es_duplicado(
    client, cabeceras, gateway
) -> None:
    crear_cliente(gateway, "CC", "200001", "Ana", "Ruiz", "ana1@x.co", "3001112233")
    crear_cliente(gateway, "CC", "200002", "Ana", "Ruiz", "ana2@x.co", "3009998877")
    crear_cliente(gateway, "CC", "200003", "Ana María", "Ruiz", "ana1@x.co", "3005556677")
    datos = _advertencias(client, cabeceras, tipo="duplicado").json
    assert datos == {"items": [], "pagina": 1, "por_pagina": 20, "total": 0, "paginas": 0}


def test_las_advertencias_se_paginan_con_el_total_y_omiten_los_inactivos(
    client, cabeceras, gateway
) -> None:
    ids = [
        crear_cliente(gateway, "CC", f"30000{i}", "Cliente", f"N{i}", f"c{i}@x.co", "12345")
        for i in range(5)
    ]
    with gateway.session_scope() as sesion:
        sesion.execute(update(Cliente).where(Cliente.id == ids[0]).values(activo=False))
    primera = _advertencias(client, cabeceras, tipo="telefono_invalido", por_pagina=3).json
    segunda = _advertencias(
        client, cabeceras, tipo="telefono_invalido", por_pagina=3, pagina=2
    ).json
    assert (primera["total"], primera["paginas"], len(primera["items"])) == (4, 2, 3)
    assert len(segunda["items"]) == 1
    vistos = [a["clientes"][0]["id"] for a in primera["items"] + segunda["items"]]
    assert vistos == ids[1:]


def test_tipo_desconocido_responde_422_y_el_agente_recibe_403(client, cabeceras) -> None:
    malo = _advertencias(client, cabeceras, tipo="otro")
    assert malo.status_code == 422
    assert "tipo" in malo.json["error"]["details"]["campos"]
    assert _advertencias(client, cabeceras, rol="agente").status_code == 403
    assert _advertencias(client, cabeceras, rol="admin").status_code == 200


def test_el_resumen_del_cliente_trae_sus_advertencias(client, cabeceras, gateway) -> None:
    uno = crear_cliente(gateway, "CC", "400001", "Eva", "Luna", "eva@x.co", "3001112233")
    crear_cliente(gateway, "CC", "400002", "EVA", "luna", "EVA@x.co", "5551234")
    limpio = crear_cliente(gateway, "CC", "400003", "Otro", "Más", "otro@x.co", "3005556677")
    resumen = client.get(f"/api/clientes/{uno}/resumen", headers=cabeceras["supervisor"]).json
    assert [(a["tipo"], _documentos(a)) for a in resumen["advertencias"]] == [
        ("duplicado", ["400001", "400002"]),
        ("correo_compartido", ["400001", "400002"]),
    ]
    sin = client.get(f"/api/clientes/{limpio}/resumen", headers=cabeceras["supervisor"]).json
    assert sin["advertencias"] == []
