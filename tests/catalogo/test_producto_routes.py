"""API de productos: alta, búsqueda, detalle, cambios, desactivación, borrado, permisos y errores."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import Auditoria
from models.catalogo import Producto
from tests.catalogo.conftest import crear, error_de, producto


def _productos(gateway) -> int:
    with gateway.session_scope() as sesion:
        return sesion.scalar(select(func.count()).select_from(Producto)) or 0


def test_crear_producto_responde_201_con_el_codigo_en_mayusculas(client, cabeceras_catalogo):
    respuesta = client.post(
        "/api/productos", json=producto("caf-500"), headers=cabeceras_catalogo["catalogo"]
    )
    assert respuesta.status_code == 201
    assert respuesta.json["codigo"] == "CAF-500"
    assert respuesta.json["precio"] == 18900
    assert respuesta.json["activo"] is True


def test_crear_producto_queda_en_la_auditoria(client, gateway, cabeceras_catalogo):
    crear(client, cabeceras_catalogo["admin"], "/api/productos", producto())
    with gateway.session_scope() as sesion:
        registro = sesion.scalars(
            select(Auditoria).where(Auditoria.accion == "producto_crear")
        ).one()
        assert registro.estado_http == 201
        assert "CAF-500" in registro.parametros


def test_crear_producto_con_codigo_repetido_responde_409_y_no_escribe(
    client, gateway, cabeceras_catalogo
):
    crear(client, cabeceras_catalogo["catalogo"], "/api/productos", producto())
    respuesta = client.post(
        "/api/productos", json=producto("caf-500"), headers=cabeceras_catalogo["catalogo"]
    )
    error_de(respuesta, 409, "conflicto")
    assert _productos(gateway) == 1


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"codigo": "AÑO-01"}, "codigo"),
        ({"codigo": "CAFÉ"}, "codigo"),
        ({"codigo": "AB"}, "codigo"),
        ({"codigo": "CAF 500"}, "codigo"),
        ({"codigo": "X" * 31}, "codigo"),
        ({"nombre": "C"}, "nombre"),
        ({"nombre": "C" * 121}, "nombre"),
        ({"categoria": ""}, "categoria"),
        ({"precio": 0}, "precio"),
        ({"precio": -10}, "precio"),
        ({"precio": 100.555}, "precio"),
        ({"precio": "caro"}, "precio"),
        ({"iva": 16}, "iva"),
        ({"iva": "19"}, "iva"),
        ({"marca": "M" * 61}, "marca"),
        ({"presentacion": "P" * 41}, "presentacion"),
        ({"codigo": None}, "codigo"),
        ({"otro": 1}, "otro"),
        ({"nombre": "Café\x00"}, "nombre"),
        ({"marca": "\x07"}, "marca"),
    ],
)
def test_crear_producto_con_un_campo_malo_responde_422_con_el_campo_y_no_escribe(
    client, gateway, cabeceras_catalogo, cambios, campo
):
    respuesta = client.post(
        "/api/productos", json=producto(**cambios), headers=cabeceras_catalogo["catalogo"]
    )
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert campo in detalles["campos"]
    assert _productos(gateway) == 0


def test_crear_producto_sin_campos_obligatorios_los_lista_todos(client, cabeceras_catalogo):
    respuesta = client.post("/api/productos", json={}, headers=cabeceras_catalogo["catalogo"])
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert set(detalles["campos"]) == {"codigo", "nombre", "categoria", "precio", "iva"}


@pytest.mark.parametrize("rol", ["agente", "supervisor", "vendedor"])
def test_crear_producto_sin_permiso_de_edicion_responde_403(
    client, gateway, cabeceras_catalogo, rol
):
    respuesta = client.post("/api/productos", json=producto(), headers=cabeceras_catalogo[rol])
    error_de(respuesta, 403, "prohibido")
    assert _productos(gateway) == 0


def test_productos_sin_sesion_responde_401(client):
    error_de(client.get("/api/productos"), 401, "no_autenticado")


@pytest.fixture
def surtido(client, cabeceras_catalogo):
    cabecera = cabeceras_catalogo["catalogo"]
    for datos in (
        producto("CAF-500", nombre="Café Sello Rojo", categoria="Bebidas"),
        producto("CAF-250", nombre="Café instantáneo Colcafé", categoria="Bebidas"),
        producto("ARR-1K", nombre="Arroz Diana", categoria="Despensa", iva=0),
        producto("CHO-250", nombre="Chocolate Corona con CAFÉ", categoria="Despensa"),
        producto("JAB-3", nombre="Jabón Rey", categoria="Aseo", iva=19),
    ):
        crear(client, cabecera, "/api/productos", datos)
    client.patch("/api/productos/JAB-3", json={"activo": False}, headers=cabecera)
    return cabeceras_catalogo


@pytest.mark.parametrize(
    ("consulta", "codigos"),
    [
        ("q=caf", ["CAF-250", "CAF-500", "CHO-250"]),
        ("q=CAF-5", ["CAF-500"]),
        ("q=jabon", ["JAB-3"]),
        ("q=CAFE", ["CAF-250", "CAF-500", "CHO-250"]),
        ("q=%25", []),
        ("categoria=despensa", ["ARR-1K", "CHO-250"]),
        ("activo=false", ["JAB-3"]),
        ("activo=true&categoria=Aseo", []),
        ("", ["ARR-1K", "CAF-250", "CAF-500", "CHO-250", "JAB-3"]),
    ],
)
def test_listar_productos_busca_por_codigo_y_nombre_sin_tildes(client, surtido, consulta, codigos):
    respuesta = client.get(f"/api/productos?{consulta}", headers=surtido["agente"])
    assert respuesta.status_code == 200
    assert [p["codigo"] for p in respuesta.json["items"]] == codigos
    assert respuesta.json["total"] == len(codigos)


def test_listar_productos_pagina_con_el_sobre_del_nucleo(client, surtido):
    respuesta = client.get("/api/productos?pagina=2&por_pagina=2", headers=surtido["catalogo"])
    assert respuesta.status_code == 200
    assert respuesta.json["total"] == 5
    assert respuesta.json["pagina"] == 2
    assert respuesta.json["paginas"] == 3
    assert [p["codigo"] for p in respuesta.json["items"]] == ["CAF-500", "CHO-250"]


@pytest.mark.parametrize(
    "consulta",
    ["pagina=0", "por_pagina=101", "por_pagina=0", "activo=tal", "q=%00", "categoria=a%01"],
)
def test_listar_productos_con_parametros_malos_responde_422(client, surtido, consulta):
    error_de(
        client.get(f"/api/productos?{consulta}", headers=surtido["catalogo"]),
        422,
        "datos_invalidos",
    )


def test_obtener_producto_por_codigo_sin_importar_mayusculas(client, surtido):
    respuesta = client.get("/api/productos/caf-500", headers=surtido["supervisor"])
    assert respuesta.status_code == 200
    assert respuesta.json["nombre"] == "Café Sello Rojo"


@pytest.mark.parametrize("codigo", ["NO-EXISTE", "x%00y", "Ñ" * 40])
def test_obtener_producto_inexistente_responde_404(client, cabeceras_catalogo, codigo):
    error_de(
        client.get(f"/api/productos/{codigo}", headers=cabeceras_catalogo["agente"]),
        404,
        "no_encontrado",
    )


def test_cambiar_producto_actualiza_solo_lo_enviado(client, surtido):
    respuesta = client.patch(
        "/api/productos/CAF-500", json={"precio": 19900.5, "iva": 19}, headers=surtido["admin"]
    )
    assert respuesta.status_code == 200
    assert respuesta.json["precio"] == 19900.5
    assert respuesta.json["iva"] == 19
    assert respuesta.json["nombre"] == "Café Sello Rojo"


@pytest.mark.parametrize(
    ("cambio", "campo"),
    [
        ({"precio": 0}, "precio"),
        ({"iva": 10}, "iva"),
        ({"nombre": " "}, "nombre"),
        ({"codigo": "NUEVO"}, "codigo"),
        ({"activo": "quizas"}, "activo"),
        ({"nombre": None}, "nombre"),
    ],
)
def test_cambiar_producto_con_un_campo_malo_responde_422_y_no_cambia_nada(
    client, surtido, cambio, campo
):
    respuesta = client.patch("/api/productos/CAF-500", json=cambio, headers=surtido["catalogo"])
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert campo in detalles["campos"]
    actual = client.get("/api/productos/CAF-500", headers=surtido["catalogo"]).json
    assert actual["precio"] == 18900
    assert actual["nombre"] == "Café Sello Rojo"


def test_cambiar_producto_inexistente_responde_404(client, cabeceras_catalogo):
    respuesta = client.patch(
        "/api/productos/NADA", json={"precio": 10}, headers=cabeceras_catalogo["catalogo"]
    )
    error_de(respuesta, 404, "no_encontrado")


def test_cambiar_producto_siendo_agente_responde_403(client, surtido):
    respuesta = client.patch(
        "/api/productos/CAF-500", json={"precio": 1}, headers=surtido["agente"]
    )
    error_de(respuesta, 403, "prohibido")


def test_borrar_producto_sin_portafolio_responde_204(client, gateway, surtido):
    respuesta = client.delete("/api/productos/ARR-1K", headers=surtido["catalogo"])
    assert respuesta.status_code == 204
    assert _productos(gateway) == 4


def test_borrar_producto_usado_en_un_portafolio_responde_409_y_se_puede_desactivar(
    client, gateway, surtido
):
    portafolio = {
        "nombre": "Tienda básica",
        "tipo_establecimiento": "TIENDA",
        "vigente_desde": "2026-01-01",
        "productos": [{"codigo": "ARR-1K", "cantidad_minima": 6}],
    }
    crear(client, surtido["catalogo"], "/api/portafolios", portafolio)
    detalles = error_de(
        client.delete("/api/productos/ARR-1K", headers=surtido["catalogo"]), 409, "conflicto"
    )
    assert detalles == {"portafolios": 1}
    assert _productos(gateway) == 5
    respuesta = client.patch(
        "/api/productos/ARR-1K", json={"activo": False}, headers=surtido["catalogo"]
    )
    assert respuesta.status_code == 200
    assert respuesta.json["activo"] is False
