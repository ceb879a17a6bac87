"""Contratos, facturas y cupones por HTTP: quién ve qué (404 a lo ajeno, 403 al rol sin permiso),
validación 422 y la generación del cupón (200 el vivo, 201 uno nuevo, beneficios)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from flask.testing import FlaskClient
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from models.cuponeras import Beneficio, Cupon, EventoContrato
from services.cuponeras import cupon_service
from tests.catalogo.conftest import error_de
from tests.cuponeras.conftest import Escenario, crear_beneficio, crear_factura


def test_el_agente_busca_un_contrato_por_numero_y_ve_su_titular_y_deuda(
    client: FlaskClient, escenario: Escenario
) -> None:
    respuesta = client.get(
        "/api/contratos",
        query_string={"numero": "100200300"},
        headers=escenario.cabeceras["agente"],
    )
    assert respuesta.status_code == 200, respuesta.json
    assert respuesta.json["titular"]["numero_documento"] == "1020304050"
    assert respuesta.json["saldo_por_pagar"] == 200_500
    assert respuesta.json["facturas_por_pagar"] == 2


def test_buscar_un_contrato_inexistente_es_404_y_un_numero_con_letras_422(
    client: FlaskClient, escenario: Escenario
) -> None:
    agente = escenario.cabeceras["agente"]
    respuesta = client.get("/api/contratos", query_string={"numero": "123456"}, headers=agente)
    error_de(respuesta, 404, "no_encontrado")
    respuesta = client.get("/api/contratos", query_string={"numero": "12AB56"}, headers=agente)
    detalles = error_de(respuesta, 422, "datos_invalidos")
    assert "numero" in detalles["campos"]
    respuesta = client.get("/api/contratos", headers=agente)
    error_de(respuesta, 422, "datos_invalidos")


def test_el_cliente_del_portal_no_usa_la_busqueda_del_personal(
    client: FlaskClient, escenario: Escenario
) -> None:
    respuesta = client.get(
        "/api/contratos",
        query_string={"numero": "100200300"},
        headers=escenario.cabeceras["cliente"],
    )
    error_de(respuesta, 403, "prohibido")


def test_el_portal_lista_solo_los_contratos_propios(
    client: FlaskClient, escenario: Escenario
) -> None:
    respuesta = client.get("/api/portal/contratos", headers=escenario.cabeceras["cliente"])
    assert respuesta.status_code == 200
    assert [c["numero_contrato"] for c in respuesta.json] == ["100200300"]
    error_de(
        client.get("/api/portal/contratos", headers=escenario.cabeceras["agente"]), 403, "prohibido"
    )


def test_las_facturas_del_contrato_salen_la_mas_reciente_primero_y_se_filtran(
    client: FlaskClient, escenario: Escenario
) -> None:
    ruta = "/api/contratos/100200300/facturas"
    respuesta = client.get(ruta, headers=escenario.cabeceras["cliente"])
    assert [f["periodo"] for f in respuesta.json] == ["2099-02", "2099-01"]
    pagadas = client.get(
        ruta, query_string={"estado": "pagada"}, headers=escenario.cabeceras["agente"]
    )
    assert pagadas.json == []
    malo = client.get(
        ruta, query_string={"estado": "pagadas"}, headers=escenario.cabeceras["agente"]
    )
    assert "estado" in error_de(malo, 422, "datos_invalidos")["campos"]


def test_todo_lo_de_un_contrato_ajeno_responde_404_al_portal(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    ajeno = escenario.cabeceras["otro_cliente"]
    generado = client.post(
        "/api/contratos/100200300/cupones", json={}, headers=escenario.cabeceras["cliente"]
    )
    numero = generado.json["numero"]
    for metodo, ruta in [
        ("GET", "/api/contratos/100200300/facturas"),
        ("GET", "/api/contratos/100200300/historial"),
        ("POST", "/api/contratos/100200300/cupones"),
        ("GET", f"/api/facturas/{escenario.facturas[0]}"),
        ("GET", f"/api/cupones/{numero}"),
    ]:
        respuesta = client.open(
            ruta, method=metodo, json={} if metodo == "POST" else None, headers=ajeno
        )
        error_de(respuesta, 404, "no_encontrado")
    pago = client.post(
        "/api/pagos",
        json={
            "numero_cupon": numero,
            "valor": generado.json["valor"],
            "canal": "portal",
            "referencia": "X1",
        },
        headers=ajeno,
    )
    error_de(pago, 404, "no_encontrado")
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(Cupon.estado).where(Cupon.numero == numero)) == "emitido"


def test_un_rol_sin_permiso_de_cuponeras_recibe_403(
    client: FlaskClient, escenario: Escenario
) -> None:
    for rol in ("vendedor", "catalogo", "monitor"):
        respuesta = client.get(
            "/api/contratos/100200300/facturas", headers=escenario.cabeceras[rol]
        )
        error_de(respuesta, 403, "prohibido")
    respuesta = client.post(
        "/api/pagos",
        json={"numero_cupon": "6291041500213", "valor": 1, "canal": "banco", "referencia": "R"},
        headers=escenario.cabeceras["agente"],
    )
    error_de(respuesta, 403, "prohibido")


def test_generar_un_cupon_cubre_las_facturas_con_saldo_la_mas_antigua_primero(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    respuesta = client.post(
        "/api/contratos/100200300/cupones", json={}, headers=escenario.cabeceras["agente"]
    )
    assert respuesta.status_code == 201, respuesta.json
    cupon = respuesta.json
    assert cupon["valor"] == 200_500 and cupon["descuento"] == 0 and cupon["estado"] == "emitido"
    assert [f["periodo"] for f in cupon["facturas"]] == ["2099-01", "2099-02"]
    assert cupon["fecha_limite"] == "2099-02-20"
    assert cupon_service.numero_cupon_valido(cupon["numero"])
    assert cupon["codigo_barras"] == (
        f"(415)7709999000017(8020){cupon['numero']}(3900)0000200500(96)20990220"
    )
    assert (
        client.get(f"/api/cupones/{cupon['numero']}", headers=escenario.cabeceras["cliente"]).json
        == cupon
    )
    with gateway.session_scope() as sesion:
        tipos = sesion.scalars(select(EventoContrato.tipo)).all()
    assert tipos == ["cupon_generado"]


def test_generar_otra_vez_sin_cambios_devuelve_el_vivo_con_200(
    client: FlaskClient, escenario: Escenario
) -> None:
    ruta, agente = "/api/contratos/100200300/cupones", escenario.cabeceras["agente"]
    primero = client.post(ruta, json={}, headers=agente)
    segundo = client.post(ruta, json={"beneficio": None}, headers=escenario.cabeceras["cliente"])
    assert (primero.status_code, segundo.status_code) == (201, 200)
    assert segundo.json["numero"] == primero.json["numero"]


def test_una_factura_nueva_anula_el_cupon_vivo_y_emite_otro(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    ruta, agente = "/api/contratos/100200300/cupones", escenario.cabeceras["agente"]
    primero = client.post(ruta, json={}, headers=agente).json
    crear_factura(gateway, escenario.contrato_id, "2099-03", date(2099, 3, 20), 10_000)
    segundo = client.post(ruta, json={}, headers=agente)
    assert segundo.status_code == 201
    assert segundo.json["valor"] == 210_500 and segundo.json["numero"] != primero["numero"]
    anterior = client.get(f"/api/cupones/{primero['numero']}", headers=agente).json
    assert anterior["estado"] == "anulado"
    historial = client.get("/api/contratos/100200300/historial", headers=agente).json
    assert [e["tipo"] for e in historial] == ["cupon_generado", "cupon_anulado", "cupon_generado"]


def test_sin_facturas_por_pagar_generar_responde_422(
    client: FlaskClient, escenario: Escenario
) -> None:
    respuesta = client.post(
        "/api/contratos/900800700/cupones", json={}, headers=escenario.cabeceras["agente"]
    )
    assert respuesta.status_code == 201
    client.post(
        "/api/pagos",
        json={
            "numero_cupon": respuesta.json["numero"],
            "valor": 50_000,
            "canal": "banco",
            "referencia": "B-1",
        },
        headers=escenario.cabeceras["recaudo"],
    )
    otra = client.post(
        "/api/contratos/900800700/cupones", json={}, headers=escenario.cabeceras["agente"]
    )
    error_de(otra, 422, "nada_que_pagar")


def test_un_beneficio_descuenta_con_tope_y_queda_reservado_al_cupon(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    crear_beneficio(gateway, escenario.cliente_id, "ABCD2345EFGH", porcentaje=10, tope=20_000)
    ruta, cliente = "/api/contratos/100200300/cupones", escenario.cabeceras["cliente"]
    respuesta = client.post(ruta, json={"beneficio": "abcd-2345-efgh"}, headers=cliente)
    assert respuesta.status_code == 201, respuesta.json
    assert respuesta.json["descuento"] == 20_000  # 10 % de 200.500 = 20.050 > tope
    assert respuesta.json["valor"] == 180_500
    assert respuesta.json["beneficio"] == "ABCD2345EFGH"
    beneficios = client.get("/api/portal/beneficios", headers=cliente).json
    assert beneficios[0]["estado"] == "disponible"
    assert beneficios[0]["numero_cupon"] == respuesta.json["numero"]


def test_un_beneficio_ajeno_usado_o_vencido_responde_422_y_no_anula_el_vivo(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    crear_beneficio(gateway, escenario.otro_cliente_id, "AJENO2345678")
    crear_beneficio(gateway, escenario.cliente_id, "USADO2345678", estado="usado", mes="2026-09")
    crear_beneficio(
        gateway, escenario.cliente_id, "VIEJO2345678", vence=date(2020, 1, 1), regla="pago_oportuno"
    )
    ruta, agente = "/api/contratos/100200300/cupones", escenario.cabeceras["agente"]
    vivo = client.post(ruta, json={}, headers=agente).json
    for codigo, motivo in [
        ("AJENO2345678", "No existe"),
        ("USADO2345678", "ya se usó"),
        ("VIEJO2345678", "venció"),
        ("NOEXISTE2345", "No existe"),
    ]:
        respuesta = client.post(ruta, json={"beneficio": codigo}, headers=agente)
        detalles = error_de(respuesta, 422, "beneficio_invalido")
        assert motivo in detalles["campos"]["beneficio"][0]
    assert client.get(f"/api/cupones/{vivo['numero']}", headers=agente).json["estado"] == "emitido"


def test_un_beneficio_reservado_en_un_contrato_no_sirve_en_otro_hasta_que_se_anule(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    from tests.cuponeras.conftest import crear_contrato

    segundo = crear_contrato(gateway, escenario.cliente_id, "555666777", "gas")
    crear_factura(gateway, segundo, "2099-01", date(2099, 1, 25), 40_000)
    crear_beneficio(gateway, escenario.cliente_id, "RESERVA23456")
    agente = escenario.cabeceras["agente"]
    primero = client.post(
        "/api/contratos/100200300/cupones", json={"beneficio": "RESERVA23456"}, headers=agente
    )
    assert primero.status_code == 201
    otro = client.post(
        "/api/contratos/555666777/cupones", json={"beneficio": "RESERVA23456"}, headers=agente
    )
    assert "reservado" in error_de(otro, 422, "beneficio_invalido")["campos"]["beneficio"][0]
    # Un cupón nuevo sin beneficio en el primer contrato anula el anterior y libera la reserva.
    crear_factura(gateway, escenario.contrato_id, "2099-03", date(2099, 3, 20), 1_000)
    assert (
        client.post("/api/contratos/100200300/cupones", json={}, headers=agente).status_code == 201
    )
    libre = client.post(
        "/api/contratos/555666777/cupones", json={"beneficio": "RESERVA23456"}, headers=agente
    )
    assert libre.status_code == 201 and libre.json["descuento"] == 4_000
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(Beneficio.estado)) == "disponible"


def test_campos_desconocidos_o_de_otro_tipo_en_el_cupon_responden_422(
    client: FlaskClient, escenario: Escenario
) -> None:
    ruta, agente = "/api/contratos/100200300/cupones", escenario.cabeceras["agente"]
    error_de(client.post(ruta, json={"beneficio": 5}, headers=agente), 422, "datos_invalidos")
    error_de(client.post(ruta, json={"otro": "x"}, headers=agente), 422, "datos_invalidos")
    error_de(
        client.post(ruta, json={"beneficio": "X" * 41}, headers=agente), 422, "datos_invalidos"
    )


def test_si_la_ultima_factura_ya_vencio_en_bogota_el_limite_es_hoy_mas_5(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> None:
    from tests.cuponeras.conftest import crear_contrato
    from tests.fabricas import bogota

    contrato = crear_contrato(gateway, escenario.cliente_id, "333222111")
    crear_factura(gateway, contrato, "2026-10", date(2026, 11, 20), 30_000, estado="vencida")
    crear_factura(gateway, contrato, "2026-11", date(2026, 11, 28), 30_001)
    # 23:30 del 28 en Bogotá (04:30 UTC del 29): la última aún vence hoy.
    reloj(bogota(2026, 11, 28, 23, 30))
    ruta, agente = "/api/contratos/333222111/cupones", escenario.cabeceras["agente"]
    hoy = client.post(ruta, json={}, headers=agente).json
    assert hoy["fecha_limite"] == "2026-11-28" and hoy["valor"] == 60_001
    # 00:30 del 29 en Bogotá: ya venció; el vivo tampoco sirve y se emite otro hasta hoy + 5.
    reloj(bogota(2026, 11, 29, 0, 30))
    respuesta = client.post(ruta, json={}, headers=agente)
    assert respuesta.status_code == 201
    assert respuesta.json["fecha_limite"] == "2026-12-04"
    assert respuesta.json["fecha_emision"] == "2026-11-29"
    anterior = client.get(f"/api/cupones/{hoy['numero']}", headers=agente).json
    assert anterior["estado"] == "vencido"


def test_las_listas_planas_de_cuponeras_dicen_su_conteo_en_el_encabezado(
    client: FlaskClient, escenario: Escenario
) -> None:
    """El cuerpo sigue siendo un arreglo (contrato de M6); `X-Total-Filas` dice cuántos trae."""
    cliente = escenario.cabeceras["cliente"]
    for ruta in (
        "/api/portal/contratos",
        "/api/portal/beneficios",
        "/api/contratos/100200300/facturas",
        "/api/contratos/100200300/historial",
        "/api/notificaciones",
    ):
        respuesta = client.get(ruta, headers=cliente)
        assert respuesta.status_code == 200, ruta
        assert isinstance(respuesta.json, list), ruta
        assert respuesta.headers["X-Total-Filas"] == str(len(respuesta.json)), ruta
    facturas = client.get("/api/contratos/100200300/facturas", headers=cliente)
    assert facturas.headers["X-Total-Filas"] == "2"
    vacia = client.get(
        "/api/contratos/100200300/facturas",
        query_string={"estado": "pagada"},
        headers=escenario.cabeceras["agente"],
    )
    assert (vacia.json, vacia.headers["X-Total-Filas"]) == ([], "0")
