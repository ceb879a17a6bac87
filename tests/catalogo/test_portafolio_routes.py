"""API de portafolios: alta con líneas, errores por línea, vigencia por fecha, el del establecimiento
(con el vendedor que solo ve lo suyo) y la ruta del vendedor."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from models.catalogo import LineaPortafolio, Portafolio
from services.tiempo_service import hoy_bogota
from tests.catalogo.conftest import crear, error_de, establecimiento, producto


def _cuantos(gateway) -> tuple[int, int]:
    with gateway.session_scope() as sesion:
        return (
            sesion.scalar(select(func.count()).select_from(Portafolio)) or 0,
            sesion.scalar(select(func.count()).select_from(LineaPortafolio)) or 0,
        )


@pytest.fixture
def catalogo(client, cabeceras_catalogo):
    cabecera = cabeceras_catalogo["catalogo"]
    for codigo in ("ARR-1K", "AZU-1K", "ACE-1L", "VIEJO-1"):
        crear(client, cabecera, "/api/productos", producto(codigo, nombre=f"Producto {codigo}"))
    client.patch("/api/productos/VIEJO-1", json={"activo": False}, headers=cabecera)
    return cabeceras_catalogo


def portafolio(**cambios: Any) -> dict[str, Any]:
    datos = {
        "nombre": "Tienda básica",
        "tipo_establecimiento": "TIENDA",
        "vigente_desde": "2026-01-01",
        "productos": [
            {"codigo": "ARR-1K", "cantidad_minima": 12, "obligatorio": True},
            {"codigo": "azu-1k", "cantidad_minima": 6, "precio_sugerido": 5200},
            {"codigo": "ACE-1L", "cantidad_minima": 3},
        ],
    }
    datos.update(cambios)
    return datos


def test_crear_portafolio_responde_201_con_sus_lineas_en_orden(client, catalogo):
    respuesta = client.post("/api/portafolios", json=portafolio(), headers=catalogo["catalogo"])
    assert respuesta.status_code == 201, respuesta.json
    datos = respuesta.json
    assert datos["tipo_establecimiento"] == "TIENDA"
    assert datos["lineas"] == 3
    assert datos["obligatorias"] == 1
    assert [linea["codigo"] for linea in datos["productos"]] == ["ARR-1K", "AZU-1K", "ACE-1L"]
    assert datos["productos"][1]["precio_sugerido"] == 5200
    assert datos["productos"][2]["obligatorio"] is False
    assert datos["productos"][0]["nombre"] == "Producto ARR-1K"


@pytest.mark.parametrize(
    ("cambios", "ruta_error"),
    [
        ({"tipo_establecimiento": "BAR"}, ["tipo_establecimiento"]),
        ({"productos": []}, ["productos"]),
        ({"nombre": "X"}, ["nombre"]),
        ({"vigente_desde": "2026-02-30"}, ["vigente_desde"]),
        ({"vigente_desde": "01/02/2026"}, ["vigente_desde"]),
        ({"productos": [{"codigo": "NO-EXISTE", "cantidad_minima": 1}]}, ["productos", "0", "codigo"]),
        ({"productos": [{"codigo": "VIEJO-1", "cantidad_minima": 1}]}, ["productos", "0", "codigo"]),
        (
            {"productos": [{"codigo": "ARR-1K", "cantidad_minima": 1},
                           {"codigo": "arr-1k", "cantidad_minima": 2}]},
            ["productos", "1", "codigo"],
        ),
        ({"productos": [{"codigo": "ARR-1K", "cantidad_minima": 0}]}, ["productos", "0", "cantidad_minima"]),
        (
            {"productos": [{"codigo": "ARR-1K", "cantidad_minima": 1.5}]},
            ["productos", "0", "cantidad_minima"],
        ),
        ({"productos": [{"codigo": "ARR-1K"}]}, ["productos", "0", "cantidad_minima"]),
        (
            {"productos": [{"codigo": "ARR-1K", "cantidad_minima": 1, "precio_sugerido": 0}]},
            ["productos", "0", "precio_sugerido"],
        ),
        (
            {"productos": [{"codigo": "ARR-1K", "cantidad_minima": 1, "precio_sugerido": 1.001}]},
            ["productos", "0", "precio_sugerido"],
        ),
    ],
)  # fmt: skip
def test_crear_portafolio_malo_responde_422_con_el_campo_y_no_escribe(
    client, gateway, catalogo, cambios, ruta_error
):
    respuesta = client.post(
        "/api/portafolios", json=portafolio(**cambios), headers=catalogo["catalogo"]
    )
    detalles = error_de(respuesta, 422, "datos_invalidos")
    nodo = detalles["campos"]
    for clave in ruta_error:
        assert clave in nodo, detalles
        nodo = nodo[clave]
    assert _cuantos(gateway) == (0, 0)


def test_crear_portafolio_siendo_agente_responde_403(client, gateway, catalogo):
    error_de(
        client.post("/api/portafolios", json=portafolio(), headers=catalogo["agente"]),
        403,
        "prohibido",
    )
    assert _cuantos(gateway) == (0, 0)


def test_dos_portafolios_activos_del_tipo_con_la_misma_fecha_responde_409(
    client, gateway, catalogo
):
    crear(client, catalogo["catalogo"], "/api/portafolios", portafolio())
    respuesta = client.post(
        "/api/portafolios", json=portafolio(nombre="Otro"), headers=catalogo["catalogo"]
    )
    error_de(respuesta, 409, "conflicto")
    assert _cuantos(gateway) == (1, 3)


def test_reactivar_un_portafolio_que_choca_responde_409(client, catalogo):
    cabecera = catalogo["catalogo"]
    primero = crear(client, cabecera, "/api/portafolios", portafolio())
    client.patch(f"/api/portafolios/{primero['id']}", json={"activo": False}, headers=cabecera)
    crear(client, cabecera, "/api/portafolios", portafolio(nombre="Reemplazo"))
    respuesta = client.patch(
        f"/api/portafolios/{primero['id']}", json={"activo": True}, headers=cabecera
    )
    error_de(respuesta, 409, "conflicto")


def test_cambiar_portafolio_inexistente_responde_404(client, catalogo):
    respuesta = client.patch(
        "/api/portafolios/99999", json={"activo": False}, headers=catalogo["catalogo"]
    )
    error_de(respuesta, 404, "no_encontrado")


def test_cambiar_portafolio_sin_activo_responde_422(client, catalogo):
    creado = crear(client, catalogo["catalogo"], "/api/portafolios", portafolio())
    respuesta = client.patch(
        f"/api/portafolios/{creado['id']}", json={"nombre": "x"}, headers=catalogo["catalogo"]
    )
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert "activo" in detalles["campos"]


@pytest.fixture
def historia(client, catalogo):
    """TIENDA: uno desde hace 60 días, otro desde hace 10, uno futuro (en 5) y uno inactivo."""
    cabecera = catalogo["catalogo"]
    hoy = hoy_bogota()
    fechas = {
        "viejo": hoy - timedelta(days=60),
        "actual": hoy - timedelta(days=10),
        "futuro": hoy + timedelta(days=5),
        "retirado": hoy - timedelta(days=2),
    }
    ids = {}
    for nombre, fecha in fechas.items():
        ids[nombre] = crear(
            client,
            cabecera,
            "/api/portafolios",
            portafolio(nombre=f"Tienda {nombre}", vigente_desde=fecha.isoformat()),
        )["id"]
    client.patch(f"/api/portafolios/{ids['retirado']}", json={"activo": False}, headers=cabecera)
    tienda = crear(
        client, cabecera, "/api/establecimientos", establecimiento(vendedor="vendedor.prueba")
    )
    ajena = crear(
        client,
        cabecera,
        "/api/establecimientos",
        establecimiento(nombre="Tienda ajena", vendedor="otro.vendedor"),
    )
    return {"hoy": hoy, "fechas": fechas, "ids": ids, "tienda": tienda["id"], "ajena": ajena["id"]}


@pytest.mark.parametrize(
    ("dias", "esperado"),
    [(-61, None), (-60, "viejo"), (-11, "viejo"), (-10, "actual"), (-2, "actual"), (0, "actual"),
     (4, "actual"), (5, "futuro"), (400, "futuro")],
)  # fmt: skip
def test_portafolio_vigente_del_establecimiento_en_cada_fecha(
    client, historia, catalogo, dias, esperado
):
    fecha = (historia["hoy"] + timedelta(days=dias)).isoformat()
    respuesta = client.get(
        f"/api/establecimientos/{historia['tienda']}/portafolio?fecha={fecha}",
        headers=catalogo["catalogo"],
    )
    if esperado is None:
        error_de(respuesta, 404, "no_encontrado")
        return
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["id"] == historia["ids"][esperado]
    assert respuesta.json["fecha"] == fecha
    assert respuesta.json["establecimiento"]["id"] == historia["tienda"]
    assert len(respuesta.json["productos"]) == 3


def test_portafolio_del_establecimiento_sin_fecha_es_el_de_hoy(client, historia, catalogo):
    respuesta = client.get(
        f"/api/establecimientos/{historia['tienda']}/portafolio", headers=catalogo["vendedor"]
    )
    assert respuesta.status_code == 200
    assert respuesta.json["id"] == historia["ids"]["actual"]
    assert respuesta.json["vigente"] is True


def test_el_vendedor_no_ve_el_portafolio_de_un_establecimiento_ajeno(client, historia, catalogo):
    respuesta = client.get(
        f"/api/establecimientos/{historia['ajena']}/portafolio", headers=catalogo["vendedor"]
    )
    error_de(respuesta, 403, "prohibido")


@pytest.mark.parametrize("rol", ["agente", "supervisor"])
def test_el_portafolio_del_establecimiento_es_de_catalogo_admin_y_su_vendedor(
    client, historia, catalogo, rol
):
    respuesta = client.get(
        f"/api/establecimientos/{historia['tienda']}/portafolio", headers=catalogo[rol]
    )
    error_de(respuesta, 403, "prohibido")


@pytest.mark.parametrize("fecha", ["2026-13-01", "mañana", "2026-02-30"])
def test_portafolio_del_establecimiento_con_fecha_invalida_responde_422(
    client, historia, catalogo, fecha
):
    respuesta = client.get(
        f"/api/establecimientos/{historia['tienda']}/portafolio?fecha={fecha}",
        headers=catalogo["admin"],
    )
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert "fecha" in detalles["campos"]


def test_portafolio_de_un_establecimiento_inexistente_responde_404(client, catalogo):
    respuesta = client.get("/api/establecimientos/987654/portafolio", headers=catalogo["admin"])
    error_de(respuesta, 404, "no_encontrado")


def test_portafolio_de_un_tipo_sin_portafolio_responde_404(client, historia, catalogo):
    drogueria = crear(
        client,
        catalogo["catalogo"],
        "/api/establecimientos",
        establecimiento(nombre="Droguería", tipo="DROGUERIA"),
    )
    respuesta = client.get(
        f"/api/establecimientos/{drogueria['id']}/portafolio", headers=catalogo["catalogo"]
    )
    error_de(respuesta, 404, "no_encontrado")


def test_la_lista_marca_vigente_exactamente_el_que_rige_hoy(client, historia, catalogo):
    respuesta = client.get("/api/portafolios?tipo=tienda", headers=catalogo["agente"])
    assert respuesta.status_code == 200
    vigentes = [p["id"] for p in respuesta.json["items"] if p["vigente"]]
    assert vigentes == [historia["ids"]["actual"]]
    assert respuesta.json["total"] == 4
    assert [p["nombre"] for p in respuesta.json["items"]] == [
        "Tienda futuro", "Tienda retirado", "Tienda actual", "Tienda viejo",
    ]  # fmt: skip


def test_listar_portafolios_de_un_tipo_desconocido_responde_422(client, catalogo):
    respuesta = client.get("/api/portafolios?tipo=BAR", headers=catalogo["catalogo"])
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert "tipo" in detalles["campos"]


def test_obtener_portafolio_con_sus_lineas_y_404(client, historia, catalogo):
    respuesta = client.get(
        f"/api/portafolios/{historia['ids']['viejo']}", headers=catalogo["supervisor"]
    )
    assert respuesta.status_code == 200
    assert respuesta.json["vigente"] is False
    assert len(respuesta.json["productos"]) == 3
    error_de(
        client.get("/api/portafolios/777777", headers=catalogo["supervisor"]), 404, "no_encontrado"
    )


def test_la_ruta_del_vendedor_trae_sus_establecimientos_activos_con_su_portafolio(
    client, historia, catalogo
):
    cabecera = catalogo["catalogo"]
    inactiva = crear(
        client,
        cabecera,
        "/api/establecimientos",
        establecimiento(nombre="Cerrada", vendedor="vendedor.prueba"),
    )
    client.patch(
        f"/api/establecimientos/{inactiva['id']}", json={"activo": False}, headers=cabecera
    )
    drogueria = establecimiento(nombre="Droguería", tipo="DROGUERIA", vendedor="vendedor.prueba")
    crear(client, cabecera, "/api/establecimientos", drogueria)

    respuesta = client.get("/api/vendedores/yo/ruta", headers=catalogo["vendedor"])
    assert respuesta.status_code == 200
    paradas = {p["nombre"]: p for p in respuesta.json["establecimientos"]}
    assert set(paradas) == {"Tienda Doña Rosa", "Droguería"}
    assert paradas["Tienda Doña Rosa"]["portafolio"] == {
        "id": historia["ids"]["actual"],
        "nombre": "Tienda actual",
        "lineas": 3,
        "obligatorias": 1,
    }
    assert paradas["Droguería"]["portafolio"] is None
    assert respuesta.json["fecha"] == historia["hoy"].isoformat()


@pytest.mark.parametrize("rol", ["admin", "catalogo", "agente"])
def test_la_ruta_es_solo_para_vendedores(client, catalogo, rol):
    error_de(client.get("/api/vendedores/yo/ruta", headers=catalogo[rol]), 403, "prohibido")
