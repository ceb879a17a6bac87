"""Los datos de demostración muestran la calidad de datos y la fusión: un duplicado (la misma persona
con CC y CE), un teléfono extranjero y un correo mal formado; al fusionar el duplicado, la
advertencia desaparece y el documento absorbido lleva al sobreviviente."""

from __future__ import annotations

from sqlalchemy import select

from controllers import demo_controller
from models import Cliente, TipoDocumento
from services import demo_service
from tests.sac360.fusion_datos import MOTIVO


def _ids(gateway) -> dict[tuple[str, str], int]:
    with gateway.session_scope() as sesion:
        filas = sesion.execute(
            select(TipoDocumento.codigo, Cliente.numero_documento, Cliente.id).join(
                TipoDocumento, TipoDocumento.id == Cliente.tipo_documento_id
            )
        ).all()
    return {(tipo, numero): cliente_id for tipo, numero, cliente_id in filas}


def _advertencias(client, cabeceras) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    datos = client.get(
        "/api/calidad/advertencias", query_string={"por_pagina": 100}, headers=cabeceras["admin"]
    ).json
    assert datos["total"] == len(datos["items"])
    por_tipo: dict[str, list[tuple[tuple[str, str], ...]]] = {}
    for advertencia in datos["items"]:
        clientes = tuple(
            (c["tipo_documento"], c["numero_documento"]) for c in advertencia["clientes"]
        )
        por_tipo.setdefault(advertencia["tipo"], []).append(clientes)
    return por_tipo


def test_la_demo_muestra_la_calidad_y_la_fusion_la_limpia(client, cabeceras, gateway) -> None:
    demo_controller.sembrar(gateway, cantidad_clientes=60)
    antes = _advertencias(client, cabeceras)
    assert demo_service.DUPLICADO_DEMO in antes["duplicado"]
    assert (demo_service.TELEFONO_INVALIDO_DEMO,) in antes["telefono_invalido"]
    assert (demo_service.CORREO_INVALIDO_DEMO,) in antes["correo_invalido"]
    ids = _ids(gateway)
    cc, ce = (ids[documento] for documento in demo_service.DUPLICADO_DEMO)

    respuesta = client.post(
        f"/api/clientes/{cc}/fusionar",
        json={"con": ce, "motivo": MOTIVO},
        headers=cabeceras["admin"],
    )

    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["movidos"]["compras"] == 1
    assert respuesta.json["alias"] == [{"tipo_documento": "CE", "numero_documento": "7654321"}]
    despues = _advertencias(client, cabeceras)
    assert demo_service.DUPLICADO_DEMO not in despues.get("duplicado", [])
    assert all(("CE", "7654321") not in grupo for grupos in despues.values() for grupo in grupos)
    assert despues["telefono_invalido"] == antes["telefono_invalido"]
    buscar = client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": "CE", "numero_documento": "7654321"},
        headers=cabeceras["agente"],
    ).json
    assert (buscar["cliente"]["id"], buscar["por_alias"], len(buscar["compras"])) == (cc, True, 3)
