"""Notas de llamadas: crear, listar de la más nueva, corregir 15 minutos (solo el autor), no borrar."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from models.sac360 import NotaCliente
from routes.sac360.cliente360_routes import NotaEsquema, PaginaNotas
from services.tiempo_service import ahora_utc
from tests.fabricas import crear_cliente


def _notas(cliente_id: int) -> str:
    return f"/api/clientes/{cliente_id}/notas"


def _crear(client, cabeceras, cliente_id: int, texto: str, rol: str = "agente", **extra):
    return client.post(_notas(cliente_id), json={"texto": texto, **extra}, headers=cabeceras[rol])


def test_crear_una_nota_responde_201_con_autor_y_hora(client, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway)
    respuesta = _crear(client, cabeceras, cliente_id, "  Llamó por su factura  ", motivo="Reclamo")
    assert respuesta.status_code == 201
    assert NotaEsquema().validate(respuesta.json) == {}
    assert respuesta.json["texto"] == "Llamó por su factura"
    assert respuesta.json["motivo"] == "Reclamo"
    assert respuesta.json["autor"] == {"usuario": "agente.prueba", "nombre": "Ana Agente"}
    assert respuesta.json["versiones"] == [] and respuesta.json["editada_en"] is None
    assert respuesta.json["creada_en"].endswith("-05:00")


def test_una_nota_vacia_o_de_mas_de_2000_caracteres_responde_422(
    client, cabeceras, gateway
) -> None:
    cliente_id = crear_cliente(gateway)
    for texto in ("", "    ", "x" * 2001):
        assert _crear(client, cabeceras, cliente_id, texto).status_code == 422
    assert _crear(client, cabeceras, cliente_id, "x" * 2000).status_code == 201
    assert _crear(client, cabeceras, 999999, "Hola").status_code == 404


def test_las_notas_se_listan_de_la_mas_nueva_a_la_mas_antigua_por_paginas(
    client, cabeceras, gateway
) -> None:
    cliente_id = crear_cliente(gateway)
    for indice in range(3):
        _crear(client, cabeceras, cliente_id, f"Nota {indice}", rol="supervisor")
    respuesta = client.get(
        _notas(cliente_id), query_string={"por_pagina": 2}, headers=cabeceras["agente"]
    )
    assert respuesta.status_code == 200
    assert PaginaNotas().validate(respuesta.json) == {}
    assert [n["texto"] for n in respuesta.json["items"]] == ["Nota 2", "Nota 1"]
    assert (respuesta.json["total"], respuesta.json["paginas"]) == (3, 2)
    segunda = client.get(
        _notas(cliente_id), query_string={"por_pagina": 2, "pagina": 2}, headers=cabeceras["agente"]
    ).json
    assert [n["texto"] for n in segunda["items"]] == ["Nota 0"]
    assert segunda["items"][0]["autor"]["usuario"] == "supervisor.prueba"
    resumen = client.get(f"/api/clientes/{cliente_id}/resumen", headers=cabeceras["agente"]).json
    assert [n["texto"] for n in resumen["notas"]] == ["Nota 2", "Nota 1", "Nota 0"]


def test_el_autor_corrige_su_nota_dentro_de_15_minutos_y_la_version_anterior_queda(
    client, cabeceras, gateway
) -> None:
    cliente_id = crear_cliente(gateway)
    nota = _crear(client, cabeceras, cliente_id, "Primera versión").json
    ruta = f"{_notas(cliente_id)}/{nota['id']}"
    respuesta = client.patch(ruta, json={"texto": "Segunda versión"}, headers=cabeceras["agente"])
    assert respuesta.status_code == 200
    assert respuesta.json["texto"] == "Segunda versión"
    assert respuesta.json["editada_en"] is not None
    client.patch(ruta, json={"texto": "Tercera versión"}, headers=cabeceras["agente"])
    lista = client.get(_notas(cliente_id), headers=cabeceras["agente"]).json["items"]
    assert lista[0]["texto"] == "Tercera versión"
    assert [v["texto"] for v in lista[0]["versiones"]] == ["Primera versión", "Segunda versión"]


def test_otro_usuario_no_puede_corregir_la_nota_y_recibe_403(client, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway)
    nota = _crear(client, cabeceras, cliente_id, "De la agente").json
    for rol in ("supervisor", "admin"):
        respuesta = client.patch(
            f"{_notas(cliente_id)}/{nota['id']}", json={"texto": "Cambio"}, headers=cabeceras[rol]
        )
        assert respuesta.status_code == 403
        assert respuesta.json["error"]["code"] == "prohibido"


def test_pasados_15_minutos_ni_el_autor_puede_corregir_la_nota(client, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway)
    nota = _crear(client, cabeceras, cliente_id, "Vieja").json
    with gateway.session_scope() as sesion:
        sesion.execute(
            update(NotaCliente)
            .where(NotaCliente.id == nota["id"])
            .values(creada_en=ahora_utc() - timedelta(minutes=15, seconds=5))
        )
    respuesta = client.patch(
        f"{_notas(cliente_id)}/{nota['id']}", json={"texto": "Nueva"}, headers=cabeceras["agente"]
    )
    assert respuesta.status_code == 403
    lista = client.get(_notas(cliente_id), headers=cabeceras["agente"]).json["items"]
    assert (lista[0]["texto"], lista[0]["versiones"]) == ("Vieja", [])


def test_una_nota_de_otro_cliente_o_inexistente_responde_404(client, cabeceras, gateway) -> None:
    uno = crear_cliente(gateway)
    otro = crear_cliente(gateway, numero="99887766")
    nota = _crear(client, cabeceras, uno, "Del primero").json
    respuesta = client.patch(
        f"{_notas(otro)}/{nota['id']}", json={"texto": "x"}, headers=cabeceras["agente"]
    )
    assert respuesta.status_code == 404
    assert (
        client.patch(
            f"{_notas(uno)}/999999", json={"texto": "x"}, headers=cabeceras["agente"]
        ).status_code
        == 404
    )


def test_las_notas_nunca_se_borran_delete_responde_405(client, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway)
    nota = _crear(client, cabeceras, cliente_id, "Permanente").json
    respuesta = client.delete(f"{_notas(cliente_id)}/{nota['id']}", headers=cabeceras["admin"])
    assert respuesta.status_code == 405
    assert "error" in respuesta.json
    assert client.get(_notas(cliente_id), headers=cabeceras["agente"]).json["total"] == 1


def test_roles_sin_el_permiso_de_notas_reciben_403(client, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway)
    assert client.get(_notas(cliente_id), headers=cabeceras["vendedor"]).status_code == 403
    assert _crear(client, cabeceras, cliente_id, "x", rol="monitor").status_code == 403
