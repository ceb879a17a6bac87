"""`GET /api/clientes/busqueda`: modos, coincidencia, orden, límite, enmascarado y auditoría."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from models import Auditoria
from routes.sac360.cliente360_routes import RespuestaBusqueda
from tests.fabricas import crear_cliente

BUSQUEDA = "/api/clientes/busqueda"


def _buscar(client: FlaskClient, cabeceras: dict, q: str, rol: str = "supervisor", **extra):
    respuesta = client.get(BUSQUEDA, query_string={"q": q, **extra}, headers=cabeceras[rol])
    if respuesta.status_code == 200:
        assert RespuestaBusqueda().validate(respuesta.json) == {}
    return respuesta


def _ids(respuesta) -> list[int]:
    return [r["id"] for r in respuesta.json["resultados"]]


@pytest.fixture
def clientes(gateway) -> dict[str, int]:
    return {
        "maria_cc": crear_cliente(
            gateway,
            "CC",
            "1020304050",
            "María José",
            "Peña Muñoz",
            "Maria.Pena@Correo.com.co",
            "+57 311 234 5678",
        ),
        "santiago_ti": crear_cliente(
            gateway, "TI", "1020304050", "Santiago", "Peña Muñoz", None, "(604) 444 5555"
        ),
        "empresa": crear_cliente(
            gateway,
            "NIT",
            "900123456",
            "Distribuciones Andinas S.A.S.",
            "",
            "ventas@andinas.co",
            "6015551234",
        ),
        "pasaporte": crear_cliente(
            gateway, "PA", "AX1234567", "John", "Smith", "john@example.com", "+1 305 555 1234"
        ),
    }


def test_sin_sesion_responde_401_y_sin_permiso_403(client, cabeceras) -> None:
    assert client.get(BUSQUEDA, query_string={"q": "maria"}).status_code == 401
    respuesta = client.get(BUSQUEDA, query_string={"q": "maria"}, headers=cabeceras["vendedor"])
    assert respuesta.status_code == 403


def test_un_numero_sin_tipo_encuentra_el_documento_en_cada_tipo_que_calza(
    client, cabeceras, clientes
) -> None:
    respuesta = _buscar(client, cabeceras, "1020304050")
    assert respuesta.status_code == 200
    assert respuesta.json["modo"] == "documento"
    assert sorted(_ids(respuesta)) == sorted([clientes["maria_cc"], clientes["santiago_ti"]])
    assert {r["coincidencia"] for r in respuesta.json["resultados"]} == {"exacta"}


def test_un_documento_con_tipo_solo_busca_ese_tipo(client, cabeceras, clientes) -> None:
    respuesta = _buscar(client, cabeceras, "CC 1020304050")
    assert respuesta.json["modo"] == "documento"
    assert _ids(respuesta) == [clientes["maria_cc"]]
    assert respuesta.json["resultados"][0]["tipo_documento"] == "CC"


def test_un_nit_con_puntos_y_dv_encuentra_la_empresa_y_con_dv_errado_y_tipo_responde_422(
    client, cabeceras, clientes
) -> None:
    assert _ids(_buscar(client, cabeceras, "900.123.456-8")) == [clientes["empresa"]]
    respuesta = _buscar(client, cabeceras, "NIT 900.123.456-7")
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "datos_invalidos"


def test_un_pasaporte_se_encuentra_sin_escribir_el_tipo(client, cabeceras, clientes) -> None:
    respuesta = _buscar(client, cabeceras, "AX1234567")
    assert (respuesta.json["modo"], _ids(respuesta)) == ("documento", [clientes["pasaporte"]])


@pytest.mark.parametrize(
    ("q", "quien"),
    [
        ("+57 311 234 5678", "maria_cc"),
        ("57 3112345678", "maria_cc"),
        ("311-234-5678", "maria_cc"),
        ("3112345678", "maria_cc"),
        ("(604) 444 5555", "santiago_ti"),
        ("6044445555", "santiago_ti"),
        ("+1 305 555 1234", "pasaporte"),
    ],
)
def test_el_telefono_se_compara_por_numero_nacional_sin_importar_indicativo_ni_signos(
    client, cabeceras, clientes, q: str, quien: str
) -> None:
    respuesta = _buscar(client, cabeceras, q)
    assert respuesta.json["modo"] == "telefono"
    assert _ids(respuesta) == [clientes[quien]]
    assert respuesta.json["resultados"][0]["coincidencia"] == "exacta"


def test_un_numero_que_es_documento_de_alguien_gana_como_documento_sobre_el_telefono(
    client, cabeceras, gateway, clientes
) -> None:
    otro = crear_cliente(gateway, "CC", "3112345678", "Pedro", "Pérez", None, None)
    respuesta = _buscar(client, cabeceras, "3112345678")
    assert (respuesta.json["modo"], _ids(respuesta)) == ("documento", [otro])


def test_el_correo_se_busca_sin_importar_mayusculas(client, cabeceras, clientes) -> None:
    respuesta = _buscar(client, cabeceras, "MARIA.PENA@correo.COM.CO")
    assert (respuesta.json["modo"], _ids(respuesta)) == ("correo", [clientes["maria_cc"]])


def test_maria_pena_encuentra_a_maria_jose_pena_munoz_como_coincidencia_parcial(
    client, cabeceras, clientes
) -> None:
    respuesta = _buscar(client, cabeceras, "maria pena")
    assert respuesta.json["modo"] == "nombre"
    assert _ids(respuesta) == [clientes["maria_cc"]]
    assert respuesta.json["resultados"][0]["coincidencia"] == "parcial"


def test_las_palabras_del_nombre_valen_en_cualquier_orden_con_tildes_o_sin_ellas(
    client, cabeceras, clientes
) -> None:
    for q in ("PEÑA mar", "muñ JOS", "pena munoz"):
        assert clientes["maria_cc"] in _ids(_buscar(client, cabeceras, q)), q
    assert _ids(_buscar(client, cabeceras, "pena munoz")) == [
        clientes["maria_cc"],
        clientes["santiago_ti"],
    ]


def test_todas_las_palabras_deben_ser_prefijo_de_alguna_palabra_del_cliente(
    client, cabeceras, clientes
) -> None:
    assert _buscar(client, cabeceras, "maria perez").json["total"] == 0
    assert _buscar(client, cabeceras, "ena").json["total"] == 0  # «ena» no empieza ninguna palabra


def test_la_coincidencia_exacta_va_primero_y_luego_por_apellido_y_nombre(
    client, cabeceras, gateway
) -> None:
    abad = crear_cliente(gateway, "CC", "111111", "Ana", "Abad Peña", None, None)
    exacta = crear_cliente(gateway, "CC", "222222", "Ana", "Peña", None, None)
    zoe = crear_cliente(gateway, "CC", "333333", "Ana Zoe", "Ávila Peña", None, None)
    respuesta = _buscar(client, cabeceras, "peña ANA")
    assert _ids(respuesta) == [exacta, abad, zoe]
    assert [r["coincidencia"] for r in respuesta.json["resultados"]] == [
        "exacta",
        "parcial",
        "parcial",
    ]


def test_un_cliente_con_dos_palabras_que_empiezan_igual_cuenta_una_sola_vez(
    client, cabeceras, gateway
) -> None:
    unico = crear_cliente(gateway, "CC", "444444", "María Marta", "Martínez", None, None)
    respuesta = _buscar(client, cabeceras, "mar")
    assert (respuesta.json["total"], _ids(respuesta)) == (1, [unico])


def test_total_cuenta_todas_las_coincidencias_y_truncado_avisa_que_hay_mas(
    client, cabeceras, gateway
) -> None:
    for indice in range(5):
        crear_cliente(gateway, "CC", f"55555{indice}", "Carlos", f"Gómez {indice}", None, None)
    respuesta = _buscar(client, cabeceras, "carlos", limite=2)
    assert respuesta.json["total"] == 5
    assert respuesta.json["truncado"] is True
    assert len(respuesta.json["resultados"]) == 2
    completa = _buscar(client, cabeceras, "carlos", limite=5)
    assert completa.json["truncado"] is False


@pytest.mark.parametrize(
    "extra",
    [
        {"q": ""},
        {"q": "ma"},
        {"q": "x" * 201},
        {"q": "maria", "limite": 0},
        {"q": "maria", "limite": 101},
    ],
)
def test_una_busqueda_vacia_corta_o_con_limite_fuera_de_1_a_100_responde_422(
    client, cabeceras, extra
) -> None:
    respuesta = client.get(BUSQUEDA, query_string=extra, headers=cabeceras["agente"])
    assert respuesta.status_code == 422
    assert "error" in respuesta.json


def test_el_agente_ve_telefono_y_correo_enmascarados_y_el_supervisor_completos(
    client, cabeceras, clientes
) -> None:
    agente = _buscar(client, cabeceras, "CC 1020304050", rol="agente").json["resultados"][0]
    assert (agente["telefono"], agente["correo"]) == ("311*****78", "Ma***@Correo.com.co")
    for rol in ("supervisor", "admin"):
        completo = _buscar(client, cabeceras, "CC 1020304050", rol=rol).json["resultados"][0]
        assert (completo["telefono"], completo["correo"]) == (
            "+57 311 234 5678",
            "Maria.Pena@Correo.com.co",
        )


def test_cada_busqueda_deja_una_fila_de_auditoria_con_el_modo_y_una_huella_no_el_texto(
    client, cabeceras, gateway, clientes
) -> None:
    consultas = {
        "maria pena": "nombre",
        "+57 311 234 5678": "telefono",
        "maria.pena@correo.com.co": "correo",
        "1020304050": "documento",
    }
    for q in consultas:
        assert _buscar(client, cabeceras, q, rol="agente").status_code == 200
    with gateway.session_scope() as sesion:
        filas = sesion.scalars(select(Auditoria).where(Auditoria.accion == "busqueda")).all()
        registros = [(f.parametros, f.documento_huella, f.resultado) for f in filas]
    assert len(registros) == len(consultas)
    assert [json.loads(p)["modo"] for p, _, _ in registros] == list(consultas.values())
    for parametros, huella, resultado in registros:
        assert resultado == "ok"
        assert huella and len(huella) == 64
        for q in consultas:
            assert q not in parametros
            assert "3112345678" not in parametros and "pena" not in parametros


def test_una_busqueda_por_documento_con_tipo_se_encuentra_con_el_filtro_por_documento_de_la_auditoria(
    client, cabeceras, clientes
) -> None:
    _buscar(client, cabeceras, "CC 1020304050", rol="agente")
    respuesta = client.get(
        "/api/auditoria",
        query_string={
            "tipo_documento": "CC",
            "numero_documento": "1020304050",
            "accion": "busqueda",
        },
        headers=cabeceras["admin"],
    )
    assert respuesta.json["total"] == 1
    assert respuesta.json["items"][0]["parametros"]["modo"] == "documento"


def test_una_busqueda_invalida_tambien_queda_auditada_una_vez(client, cabeceras, gateway) -> None:
    assert _buscar(client, cabeceras, "ma", rol="agente").status_code == 422
    with gateway.session_scope() as sesion:
        filas = sesion.scalars(select(Auditoria).where(Auditoria.accion == "busqueda")).all()
        assert [(f.resultado, f.estado_http) for f in filas] == [("datos_invalidos", 422)]


def test_palabras_con_el_mismo_prefijo_o_muy_cortas_tambien_se_buscan_como_prefijos(
    client, cabeceras, gateway
) -> None:
    martinez = crear_cliente(gateway, "CC", "666661", "María", "Martínez", None, None)
    gomez = crear_cliente(gateway, "CC", "666662", "María", "Gómez", None, None)
    assert _ids(_buscar(client, cabeceras, "mari mart")) == [martinez]  # mismo prefijo «mar»
    assert _ids(_buscar(client, cabeceras, "maria g")) == [gomez]  # «g» de una letra
    assert _ids(_buscar(client, cabeceras, "ma go")) == [gomez]  # ninguna de 3 letras
    assert _ids(_buscar(client, cabeceras, "gomez maria")) == [gomez]  # por el par «gom mar»
    assert _buscar(client, cabeceras, "gomez maria").json["resultados"][0]["coincidencia"] == (
        "exacta"
    )


@pytest.mark.parametrize("maximo", [40, 1])
def test_una_sola_palabra_ordena_por_apellido_entre_todas_las_palabras_que_empiezan_asi(
    client, cabeceras, gateway, monkeypatch, maximo: int
) -> None:
    """Con pocas palabras distintas en el rango se mezclan ya ordenadas; con muchas, se ordena
    todo: el resultado es el mismo."""
    from controllers.sac360 import busqueda_controller

    monkeypatch.setattr(busqueda_controller, "MAXIMO_PALABRAS_RANGO", maximo)
    zapata = crear_cliente(gateway, "CC", "777771", "Marta", "Zapata", None, None)
    arias = crear_cliente(gateway, "CC", "777772", "María", "Arias", None, None)
    bello = crear_cliente(gateway, "CC", "777773", "Mariana", "Bello Martínez", None, None)
    exacta = crear_cliente(gateway, "CC", "777774", "Mar", "", None, None)
    crear_cliente(gateway, "CC", "777775", "Ana", "Gómez", None, None)
    respuesta = _buscar(client, cabeceras, "mar", limite=3)
    assert respuesta.json["total"] == 4
    assert _ids(respuesta) == [exacta, arias, bello]
    assert respuesta.json["resultados"][0]["coincidencia"] == "exacta"
    assert _ids(_buscar(client, cabeceras, "MAR", limite=10)) == [exacta, arias, bello, zapata]
