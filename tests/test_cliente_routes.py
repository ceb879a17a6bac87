"""Consulta de clientes por documento y compras paginadas, por la API y sobre SQLite real."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from flask.testing import FlaskClient

from controllers import cliente_controller
from controllers.auditoria_controller import ContextoAuditoria
from routes.cliente_routes import ResultadoBusqueda
from services.tiempo_service import ZONA_BOGOTA, mes_actual
from tests.fabricas import bogota, crear_cliente, crear_compra

BUSCAR = "/api/clientes/buscar"


def _buscar(client: FlaskClient, cabeceras: dict, tipo: str, numero: str, rol: str = "agente"):
    return client.get(
        BUSCAR,
        query_string={"tipo_documento": tipo, "numero_documento": numero},
        headers=cabeceras[rol],
    )


@pytest.mark.parametrize(
    "ruta",
    [
        "/api/tipos-documento",
        "/api/clientes/buscar?tipo_documento=CC&numero_documento=1020304050",
        "/api/clientes/1/compras",
        "/api/clientes/exportar?tipo_documento=CC&numero_documento=1020304050&formato=csv",
    ],
)
def test_las_rutas_de_clientes_sin_token_responden_401(client: FlaskClient, ruta: str) -> None:
    respuesta = client.get(ruta)
    assert respuesta.status_code == 401
    assert respuesta.json["error"]["code"] == "no_autenticado"


def test_sin_token_y_con_parametros_invalidos_primero_responde_401(client: FlaskClient) -> None:
    assert client.get(BUSCAR + "?tipo_documento=XX").status_code == 401


def test_tipos_de_documento_lista_los_cinco_tipos(client: FlaskClient, cabeceras) -> None:
    respuesta = client.get("/api/tipos-documento", headers=cabeceras["agente"])
    assert respuesta.status_code == 200
    assert [t["codigo"] for t in respuesta.json] == ["CC", "CE", "NIT", "PA", "TI"]
    assert all(t["nombre"] for t in respuesta.json)


@pytest.mark.parametrize("rol", ["agente", "supervisor", "admin"])
def test_todos_los_roles_pueden_buscar(client: FlaskClient, cabeceras, gateway, rol: str) -> None:
    crear_cliente(gateway)
    assert _buscar(client, cabeceras, "CC", "1020304050", rol).status_code == 200


def test_buscar_devuelve_cliente_compras_y_totales(client: FlaskClient, cabeceras, gateway) -> None:
    cliente_id = crear_cliente(gateway, nombre="Íñigo José", apellido="Ñáñez Güiza")
    actual = mes_actual()
    inicio_actual = actual.inicio_utc().astimezone(ZONA_BOGOTA)
    anterior = actual.anterior().inicio_utc().astimezone(ZONA_BOGOTA)
    crear_compra(gateway, cliente_id, inicio_actual + timedelta(minutes=10), "100000.50")
    crear_compra(gateway, cliente_id, inicio_actual - timedelta(minutes=30), "3000000")
    crear_compra(gateway, cliente_id, anterior + timedelta(days=2), "2500000")
    crear_compra(gateway, cliente_id, anterior + timedelta(days=3), "9000000", estado="anulada")
    crear_compra(gateway, cliente_id, anterior + timedelta(days=4), "7000000", estado="devuelta")

    respuesta = _buscar(client, cabeceras, "cc", " 1.020.304.050 ")

    assert respuesta.status_code == 200
    datos = respuesta.json
    assert datos["cliente"]["nombre"] == "Íñigo José"
    assert datos["cliente"]["apellido"] == "Ñáñez Güiza"
    assert datos["cliente"]["tipo_documento"] == "CC"
    assert datos["cliente"]["numero_documento"] == "1020304050"
    assert len(datos["compras"]) == 5
    assert datos["compras"][0]["total"] == 100000.5  # la más reciente primero
    assert datos["compras"][0]["fecha"].endswith("-05:00")
    # 23:30 del último día del mes anterior en Bogotá cuenta en el mes anterior.
    assert datos["totales"]["mes_actual"] == {"mes": str(actual), "total": 100000.5, "compras": 1}
    assert datos["totales"]["mes_anterior"]["total"] == 5500000
    assert datos["totales"]["mes_anterior"]["compras"] == 2
    assert datos["totales"]["total_mes_anterior"] == 5500000
    assert datos["fidelizacion"] == {
        "umbral": 5000000,
        "mes": str(actual.anterior()),
        "califica": True,
    }


def test_la_respuesta_de_buscar_es_la_que_daria_su_esquema(
    app, client: FlaskClient, cabeceras, gateway
) -> None:
    """`buscar` responde sin volcar por marshmallow: su JSON debe ser idéntico al del esquema."""
    cliente_id = crear_cliente(gateway, correo=None, telefono=None)
    actual = mes_actual().inicio_utc().astimezone(ZONA_BOGOTA)
    crear_compra(gateway, cliente_id, actual + timedelta(hours=5, microseconds=250), "1234.5")
    crear_compra(gateway, cliente_id, actual - timedelta(days=3), "5000000.01")
    respuesta = _buscar(client, cabeceras, "CC", "1020304050")
    assert respuesta.status_code == 200
    with app.app_context():
        datos = cliente_controller.buscar_por_documento(
            gateway,
            "CC",
            "1020304050",
            ContextoAuditoria(None, None, "clave"),
            app.config["COMPRAS_RECIENTES"],
            app.config["UMBRAL_FIDELIZACION"],
        )
    esperado = json.loads(json.dumps(ResultadoBusqueda().dump(datos)))
    assert respuesta.json == esperado
    assert set(respuesta.json) == set(ResultadoBusqueda().fields)


def test_el_mismo_numero_con_dos_tipos_son_dos_clientes(
    client: FlaskClient, cabeceras, gateway
) -> None:
    crear_cliente(gateway, tipo="CC", numero="1020304050", nombre="Persona")
    crear_cliente(gateway, tipo="TI", numero="1020304050", nombre="Menor")
    assert _buscar(client, cabeceras, "CC", "1020304050").json["cliente"]["nombre"] == "Persona"
    assert _buscar(client, cabeceras, "TI", "1020304050").json["cliente"]["nombre"] == "Menor"
    assert _buscar(client, cabeceras, "CE", "1020304050").status_code == 404


def test_nit_se_busca_con_o_sin_digito_de_verificacion(
    client: FlaskClient, cabeceras, gateway
) -> None:
    crear_cliente(
        gateway, tipo="NIT", numero="900123456", nombre="Comercial Andina S.A.S.", apellido=""
    )
    for numero in ("900123456", "900.123.456-8", "9001234568"):
        respuesta = _buscar(client, cabeceras, "NIT", numero)
        assert respuesta.status_code == 200, numero
        assert respuesta.json["cliente"]["apellido"] == ""


def test_cliente_inexistente_responde_404(client: FlaskClient, cabeceras) -> None:
    respuesta = _buscar(client, cabeceras, "CC", "99999999")
    assert respuesta.status_code == 404
    assert respuesta.json["error"]["code"] == "no_encontrado"
    assert "No existe un cliente" in respuesta.json["error"]["message"]


@pytest.mark.parametrize(
    ("consulta", "campo"),
    [
        ({"tipo_documento": "CC", "numero_documento": "12"}, "numero_documento"),
        ({"tipo_documento": "CC", "numero_documento": "12AB34"}, "numero_documento"),
        ({"tipo_documento": "NIT", "numero_documento": "900123456-7"}, "numero_documento"),
        ({"tipo_documento": "TI", "numero_documento": "123"}, "numero_documento"),
        ({"tipo_documento": "PA", "numero_documento": "A1"}, "numero_documento"),
        ({"tipo_documento": "XX", "numero_documento": "123456"}, "tipo_documento"),
        ({"tipo_documento": "CC"}, "numero_documento"),
        ({"numero_documento": "123456"}, "tipo_documento"),
        ({"tipo_documento": "CC", "numero_documento": ""}, "numero_documento"),
        ({"tipo_documento": "CC", "numero_documento": "1" * 31}, "numero_documento"),
    ],
)
def test_documento_invalido_responde_422_con_el_campo(
    client: FlaskClient, cabeceras, consulta: dict, campo: str
) -> None:
    respuesta = client.get(BUSCAR, query_string=consulta, headers=cabeceras["agente"])
    assert respuesta.status_code == 422
    error = respuesta.json["error"]
    assert error["code"] == "datos_invalidos"
    assert campo in error["details"]["campos"]
    assert "Missing" not in error["message"]


def test_inyeccion_sql_en_el_documento_es_solo_un_documento_invalido(
    client: FlaskClient, cabeceras, gateway
) -> None:
    crear_cliente(gateway)
    respuesta = _buscar(client, cabeceras, "CC", "1' OR '1'='1")
    assert respuesta.status_code == 422
    respuesta = _buscar(client, cabeceras, "PA", "AB123' OR 1=1 --")
    assert respuesta.status_code == 422


def test_compras_paginadas_de_la_mas_reciente_a_la_mas_antigua(
    client: FlaskClient, cabeceras, gateway
) -> None:
    cliente_id = crear_cliente(gateway)
    for dia in range(1, 26):
        crear_compra(gateway, cliente_id, bogota(2026, 1, dia), Decimal(dia * 1000))
    ruta = f"/api/clientes/{cliente_id}/compras"

    primera = client.get(ruta, query_string={"por_pagina": 10}, headers=cabeceras["agente"]).json
    tercera = client.get(
        ruta, query_string={"pagina": 3, "por_pagina": 10}, headers=cabeceras["agente"]
    ).json

    assert primera["total"] == 25 and primera["paginas"] == 3 and primera["pagina"] == 1
    assert [c["total"] for c in primera["items"][:2]] == [25000, 24000]
    assert len(tercera["items"]) == 5
    assert tercera["items"][-1]["total"] == 1000


@pytest.mark.parametrize(
    "consulta",
    [{"pagina": 0}, {"por_pagina": 0}, {"por_pagina": 101}, {"pagina": "uno"}, {"por_pagina": -5}],
)
def test_paginacion_fuera_de_rango_responde_422(
    client: FlaskClient, cabeceras, gateway, consulta
) -> None:
    cliente_id = crear_cliente(gateway)
    respuesta = client.get(
        f"/api/clientes/{cliente_id}/compras", query_string=consulta, headers=cabeceras["agente"]
    )
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "datos_invalidos"


def test_compras_de_cliente_inexistente_responde_404(client: FlaskClient, cabeceras) -> None:
    respuesta = client.get("/api/clientes/999999/compras", headers=cabeceras["agente"])
    assert respuesta.status_code == 404
    assert respuesta.json["error"]["code"] == "no_encontrado"
