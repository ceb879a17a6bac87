"""API de establecimientos: alta con tipo, NIT, coordenadas y vendedor; lista, detalle y cambios."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.catalogo import Establecimiento
from services.documento_service import digito_verificacion_nit
from tests.catalogo.conftest import crear, error_de, establecimiento

NIT = "900123456"
NIT_CON_DV = f"{NIT}-{digito_verificacion_nit(NIT)}"
NIT_DV_MALO = f"{NIT}-{(digito_verificacion_nit(NIT) + 1) % 10}"


def _cuantos(gateway) -> int:
    with gateway.session_scope() as sesion:
        return sesion.scalar(select(func.count()).select_from(Establecimiento)) or 0


def test_crear_establecimiento_con_vendedor_responde_201_con_su_zona(client, cabeceras_catalogo):
    respuesta = client.post(
        "/api/establecimientos",
        json=establecimiento(nit=NIT_CON_DV, vendedor="Vendedor.Prueba"),
        headers=cabeceras_catalogo["catalogo"],
    )
    assert respuesta.status_code == 201, respuesta.json
    datos = respuesta.json
    assert datos["nit"] == NIT
    assert datos["tipo"] == "TIENDA"
    assert datos["telefono"] == "+573104567890"
    assert datos["latitud"] == pytest.approx(4.728512)
    assert datos["vendedor"] == {
        "usuario": "vendedor.prueba",
        "nombre": "Vicente Vendedor",
        "zona": "Caribe",
    }


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"tipo": "FERRETERIA"}, "tipo"),
        ({"nit": NIT_DV_MALO}, "nit"),
        ({"nit": "12345"}, "nit"),
        ({"latitud": 40.4, "longitud": -3.7}, "latitud"),
        ({"latitud": 4.6, "longitud": -60.0}, "longitud"),
        ({"latitud": 4.6, "longitud": None}, "longitud"),
        ({"vendedor": "agente.prueba"}, "vendedor"),
        ({"vendedor": "nadie"}, "vendedor"),
        ({"vendedor": "ve\x00ndedor"}, "vendedor"),
        ({"nombre": "Tienda\x00"}, "nombre"),
        ({"nombre": "X"}, "nombre"),
        ({"ciudad": ""}, "ciudad"),
        ({"direccion": None}, "direccion"),
        ({"telefono": "12"}, "telefono"),
        ({"departamento": "D" * 61}, "departamento"),
        ({"latitud": "norte"}, "latitud"),
    ],
)
def test_crear_establecimiento_con_un_campo_malo_responde_422_con_el_campo_y_no_escribe(
    client, gateway, cabeceras_catalogo, cambios, campo
):
    respuesta = client.post(
        "/api/establecimientos",
        json=establecimiento(**cambios),
        headers=cabeceras_catalogo["catalogo"],
    )
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert campo in detalles["campos"]
    assert _cuantos(gateway) == 0


def test_crear_establecimiento_con_nit_repetido_responde_409(client, gateway, cabeceras_catalogo):
    cabecera = cabeceras_catalogo["admin"]
    crear(client, cabecera, "/api/establecimientos", establecimiento(nit=NIT))
    respuesta = client.post(
        "/api/establecimientos",
        json=establecimiento(nit=NIT_CON_DV, nombre="Otra", direccion="Calle 1 # 1-1"),
        headers=cabecera,
    )
    error_de(respuesta, 409, "conflicto")
    assert _cuantos(gateway) == 1


def test_crear_establecimiento_en_la_misma_direccion_responde_409(client, cabeceras_catalogo):
    cabecera = cabeceras_catalogo["catalogo"]
    crear(client, cabecera, "/api/establecimientos", establecimiento())
    respuesta = client.post("/api/establecimientos", json=establecimiento(), headers=cabecera)
    error_de(respuesta, 409, "conflicto")


@pytest.mark.parametrize("rol", ["agente", "supervisor", "vendedor"])
def test_crear_establecimiento_sin_permiso_responde_403(client, cabeceras_catalogo, rol):
    respuesta = client.post(
        "/api/establecimientos", json=establecimiento(), headers=cabeceras_catalogo[rol]
    )
    error_de(respuesta, 403, "prohibido")


@pytest.fixture
def varios(client, cabeceras_catalogo):
    cabecera = cabeceras_catalogo["catalogo"]
    ids = {}
    for datos in (
        establecimiento(nombre="Tienda Doña Rosa", vendedor="vendedor.prueba"),
        establecimiento(
            nombre="Droguería Santa Bárbara", tipo="drogueria", nit=NIT, direccion="Av 19 # 118-09"
        ),
        establecimiento(
            nombre="Panadería El Trigal",
            tipo="PANADERIA",
            ciudad="Medellín",
            departamento="Antioquia",
            vendedor="otro.vendedor",
        ),
    ):
        ids[datos["nombre"]] = crear(client, cabecera, "/api/establecimientos", datos)["id"]
    return ids


@pytest.mark.parametrize(
    ("consulta", "nombres"),
    [
        ("tipo=drogueria", ["Droguería Santa Bárbara"]),
        ("ciudad=bogotá", ["Droguería Santa Bárbara", "Tienda Doña Rosa"]),
        ("vendedor=otro.vendedor", ["Panadería El Trigal"]),
        ("q=dona", ["Tienda Doña Rosa"]),
        ("q=900123", ["Droguería Santa Bárbara"]),
        ("", ["Droguería Santa Bárbara", "Tienda Doña Rosa", "Panadería El Trigal"]),
    ],
)
def test_listar_establecimientos_filtra_por_tipo_ciudad_vendedor_y_texto(
    client, varios, cabeceras_catalogo, consulta, nombres
):
    respuesta = client.get(
        f"/api/establecimientos?{consulta}", headers=cabeceras_catalogo["agente"]
    )
    assert respuesta.status_code == 200
    assert [e["nombre"] for e in respuesta.json["items"]] == nombres
    assert respuesta.json["total"] == len(nombres)


def test_listar_establecimientos_siendo_vendedor_responde_403(client, cabeceras_catalogo):
    respuesta = client.get("/api/establecimientos", headers=cabeceras_catalogo["vendedor"])
    error_de(respuesta, 403, "prohibido")


def test_obtener_establecimiento_inexistente_responde_404(client, cabeceras_catalogo):
    respuesta = client.get("/api/establecimientos/999999", headers=cabeceras_catalogo["agente"])
    error_de(respuesta, 404, "no_encontrado")


def test_quitar_el_vendedor_y_mover_las_coordenadas(client, varios, cabeceras_catalogo):
    ruta = f"/api/establecimientos/{varios['Tienda Doña Rosa']}"
    respuesta = client.patch(
        ruta, json={"vendedor": None, "latitud": 4.7}, headers=cabeceras_catalogo["catalogo"]
    )
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["vendedor"] is None
    assert respuesta.json["latitud"] == pytest.approx(4.7)
    assert respuesta.json["longitud"] == pytest.approx(-74.03687)


@pytest.mark.parametrize(
    ("cambio", "campo", "estado"),
    [
        ({"vendedor": "supervisor.prueba"}, "vendedor", 422),
        ({"latitud": None}, "latitud", 422),
        ({"tipo": "BAR"}, "tipo", 422),
        ({"nit": NIT_DV_MALO}, "nit", 422),
        ({"id": 5}, "id", 422),
        ({"nit": NIT}, None, 409),
    ],
)
def test_cambiar_establecimiento_mal_no_cambia_nada(
    client, varios, cabeceras_catalogo, cambio, campo, estado
):
    ruta = f"/api/establecimientos/{varios['Tienda Doña Rosa']}"
    respuesta = client.patch(ruta, json=cambio, headers=cabeceras_catalogo["catalogo"])
    assert respuesta.status_code == estado, respuesta.json
    if campo:
        assert campo in respuesta.json["error"]["details"]["campos"]
    actual = client.get(ruta, headers=cabeceras_catalogo["catalogo"]).json
    assert actual["vendedor"]["usuario"] == "vendedor.prueba"
    assert actual["nit"] is None
    assert actual["tipo"] == "TIENDA"


def test_cambiar_establecimiento_inexistente_responde_404(client, cabeceras_catalogo):
    respuesta = client.patch(
        "/api/establecimientos/424242", json={"activo": False}, headers=cabeceras_catalogo["admin"]
    )
    error_de(respuesta, 404, "no_encontrado")


def test_tipos_de_establecimiento_los_carga_la_migracion(client, cabeceras_catalogo):
    respuesta = client.get("/api/tipos-establecimiento", headers=cabeceras_catalogo["catalogo"])
    assert respuesta.status_code == 200
    assert [t["codigo"] for t in respuesta.json] == [
        "TIENDA", "MINIMERCADO", "SUPERMERCADO", "PANADERIA", "DROGUERIA",
    ]  # fmt: skip
