"""`GET /api/clientes/{id}/resumen`, `POST .../revelar` y `GET /api/yo/clientes-recientes`."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from controllers import demo_controller
from controllers.sac360 import cliente360_controller
from models import Auditoria, Cliente, TipoDocumento
from routes.sac360.cliente360_routes import ResumenCliente
from services import reporte_service
from services.tiempo_service import mes_actual
from tests.cuponeras.conftest import crear_beneficio, crear_contrato, crear_factura
from tests.fabricas import bogota, crear_cliente, crear_compra


def _resumen(client, cabeceras, cliente_id: int, rol: str = "agente"):
    respuesta = client.get(f"/api/clientes/{cliente_id}/resumen", headers=cabeceras[rol])
    if respuesta.status_code == 200:
        assert ResumenCliente().validate(respuesta.json) == {}
    return respuesta


def _cliente(gateway) -> int:
    return crear_cliente(
        gateway,
        "CC",
        "1020304050",
        "María José",
        "Peña Muñoz",
        "maria.pena@correo.com.co",
        "+57 311 234 5678",
        direccion="Calle 45 # 12-30",
    )


def test_el_resumen_tiene_la_forma_del_contrato_con_el_dinero_como_texto_decimal(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    actual = mes_actual()
    anterior = actual.anterior()
    crear_compra(gateway, cliente_id, bogota(anterior.anio, anterior.mes, 10), "5000000.01")
    crear_compra(gateway, cliente_id, bogota(anterior.anio, anterior.mes, 11), "99.99", "anulada")
    crear_compra(gateway, cliente_id, bogota(actual.anio, actual.mes, 1, 0, 5), "1250000.50")
    datos = _resumen(client, cabeceras, cliente_id).json
    assert set(datos) == {"cliente", "contacto", "fidelizacion", "notas", "advertencias", "modulos"}
    assert datos["cliente"]["numero_documento"] == "1020304050"
    fidelizacion = datos["fidelizacion"]
    assert fidelizacion["umbral"] == "5000000.00"
    assert fidelizacion["mes_actual"] == {"mes": str(actual), "total": "1250000.50", "compras": 1}
    assert fidelizacion["mes_anterior"] == {
        "mes": str(anterior),
        "total": "5000000.01",
        "compras": 1,
    }
    assert fidelizacion["califico_mes_anterior"] is True
    assert fidelizacion["falta_mes_actual"] == "3749999.50"
    meses = fidelizacion["ultimos_6_meses"]
    assert len(meses) == 6
    assert [m["mes"] for m in meses] == sorted(m["mes"] for m in meses)
    assert meses[-1]["mes"] == str(actual)
    assert meses[0] == {"mes": meses[0]["mes"], "total": "0.00", "compras": 0}
    assert (datos["notas"], datos["advertencias"], datos["modulos"]) == ([], [], {})


def test_quien_justo_llega_al_umbral_no_califico_y_falta_nunca_es_negativo(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    actual = mes_actual()
    anterior = actual.anterior()
    crear_compra(gateway, cliente_id, bogota(anterior.anio, anterior.mes, 10), "5000000")
    crear_compra(gateway, cliente_id, bogota(actual.anio, actual.mes, 1, 0, 5), "7000000")
    fidelizacion = _resumen(client, cabeceras, cliente_id).json["fidelizacion"]
    assert fidelizacion["califico_mes_anterior"] is False  # «más de» el umbral, como el reporte
    assert fidelizacion["falta_mes_actual"] == "0.00"


def test_el_contacto_del_resumen_sale_enmascarado_para_el_agente_y_completo_para_el_supervisor(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    agente = _resumen(client, cabeceras, cliente_id, "agente").json["contacto"]
    assert agente == {
        "telefono": "311*****78",
        "correo": "ma***@correo.com.co",
        "direccion": "Calle ***",
        "enmascarado": True,
    }
    supervisor = _resumen(client, cabeceras, cliente_id, "supervisor").json["contacto"]
    assert supervisor == {
        "telefono": "+57 311 234 5678",
        "correo": "maria.pena@correo.com.co",
        "direccion": "Calle 45 # 12-30",
        "enmascarado": False,
    }


def test_el_resumen_de_un_cliente_que_no_existe_responde_404(client, cabeceras) -> None:
    assert _resumen(client, cabeceras, 999999).status_code == 404


def test_la_fidelizacion_del_resumen_concuerda_con_el_reporte_para_cada_cliente_demo_y_mes(
    gateway, app
) -> None:
    demo_controller.sembrar(gateway, cantidad_clientes=60)
    umbral = app.config["UMBRAL_FIDELIZACION"]
    meses = [mes_actual()]
    for _ in range(5):
        meses.insert(0, meses[0].anterior())
    with gateway.session_scope() as sesion:
        # Umbral 0: el reporte lista a todo cliente con algo pagado en el mes.
        reporte = {
            mes: {
                (fila.tipo_documento, fila.numero_documento): fila
                for fila in reporte_service.consultar_fidelizacion(sesion, mes, Decimal("0"))
            }
            for mes in meses
        }
        clientes = sesion.execute(
            select(Cliente.id, TipoDocumento.codigo, Cliente.numero_documento).join(TipoDocumento)
        ).all()
        comparados = 0
        for cliente_id, codigo, numero in clientes:
            resumen = cliente360_controller.fidelizacion(sesion.connection(), cliente_id, umbral)
            for mes, cifra in zip(meses, resumen["ultimos_6_meses"], strict=True):
                fila = reporte[mes].get((codigo, numero))
                esperado = (str(fila.monto_total), fila.numero_compras) if fila else ("0.00", 0)
                assert (cifra["total"], cifra["compras"]) == esperado, (codigo, numero, mes)
                comparados += fila is not None
            anterior = reporte[meses[-2]].get((codigo, numero))
            assert resumen["califico_mes_anterior"] == bool(
                anterior and anterior.monto_total > umbral
            )
    assert len(clientes) > 60 and comparados > 100


def test_revelar_devuelve_el_dato_y_audita_el_campo_y_el_motivo(client, cabeceras, gateway) -> None:
    cliente_id = _cliente(gateway)
    respuesta = client.post(
        f"/api/clientes/{cliente_id}/revelar",
        json={"campo": "telefono", "motivo": "  El cliente pide confirmar su número  "},
        headers=cabeceras["agente"],
    )
    assert respuesta.status_code == 200
    assert respuesta.json == {"campo": "telefono", "valor": "+57 311 234 5678"}
    auditoria = client.get(
        "/api/auditoria", query_string={"accion": "revelar"}, headers=cabeceras["admin"]
    ).json
    assert auditoria["total"] == 1
    registro = auditoria["items"][0]
    assert registro["parametros"] == {
        "campo": "telefono",
        "motivo": "El cliente pide confirmar su número",
    }
    assert (registro["cliente_id"], registro["usuario"]) == (cliente_id, "agente.prueba")


def test_revelar_exige_un_motivo_de_10_a_300_caracteres_tras_recortar_y_un_campo_conocido(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    ruta = f"/api/clientes/{cliente_id}/revelar"
    for cuerpo in (
        {"campo": "correo", "motivo": "   corto    "},
        {"campo": "correo", "motivo": "x" * 301},
        {"campo": "correo"},
        {"campo": "documento", "motivo": "Un motivo suficientemente largo"},
        {"campo": "nombre", "motivo": "Un motivo suficientemente largo"},
    ):
        respuesta = client.post(ruta, json=cuerpo, headers=cabeceras["agente"])
        assert respuesta.status_code == 422, cuerpo
        assert respuesta.json["error"]["code"] in ("datos_invalidos", "validacion")
    correcto = {"campo": "direccion", "motivo": "x" * 10}
    assert client.post(ruta, json=correcto, headers=cabeceras["agente"]).json["valor"] == (
        "Calle 45 # 12-30"
    )
    ausente = client.post(
        "/api/clientes/999999/revelar", json=correcto, headers=cabeceras["agente"]
    )
    assert ausente.status_code == 404


def test_los_clientes_recientes_son_los_ultimos_10_distintos_que_abrio_el_usuario(
    client, cabeceras, gateway
) -> None:
    ids = [
        crear_cliente(gateway, "CC", f"7000{i:02d}", f"Cliente{i}", "Prueba", None, None)
        for i in range(12)
    ]
    for cliente_id in ids:
        assert _resumen(client, cabeceras, cliente_id).status_code == 200
    _resumen(client, cabeceras, ids[3])  # abrir otra vez lo sube al principio
    consulta = client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": "CC", "numero_documento": "700005"},
        headers=cabeceras["agente"],
    )
    assert consulta.status_code == 200
    client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": "CC", "numero_documento": "999999"},
        headers=cabeceras["agente"],
    )  # 404: no cuenta
    _resumen(client, cabeceras, ids[0], rol="supervisor")  # de otro usuario: no cuenta
    recientes = client.get("/api/yo/clientes-recientes", headers=cabeceras["agente"])
    assert recientes.status_code == 200
    esperado = [ids[5], ids[3], ids[11], ids[10], ids[9], ids[8], ids[7], ids[6], ids[4], ids[2]]
    assert [item["id"] for item in recientes.json["items"]] == esperado
    otro = client.get("/api/yo/clientes-recientes", headers=cabeceras["supervisor"]).json
    assert [item["id"] for item in otro["items"]] == [ids[0]]


def test_el_resumen_queda_auditado_como_una_apertura_del_cliente(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    _resumen(client, cabeceras, cliente_id)
    with gateway.session_scope() as sesion:
        fila = sesion.scalars(select(Auditoria).where(Auditoria.accion == "resumen")).one()
        assert (fila.cliente_id, fila.resultado, json.loads(fila.parametros)) == (
            cliente_id,
            "ok",
            {},
        )


def test_el_resumen_trae_lo_que_el_cliente_tiene_en_cuponeras_y_nada_si_no_tiene(
    client, cabeceras, gateway
) -> None:
    cliente_id = _cliente(gateway)
    otro = crear_cliente(gateway, "CC", "79845123", "Otro", "Cliente")
    assert _resumen(client, cabeceras, otro).json["modulos"] == {}
    uno = crear_contrato(gateway, cliente_id, "100200300")
    crear_contrato(gateway, cliente_id, "100200301", "agua")
    crear_factura(gateway, uno, "2026-09", date(2026, 9, 20), 150_000, estado="vencida")
    crear_factura(gateway, uno, "2026-10", date(2026, 10, 20), 160_000)
    crear_factura(gateway, uno, "2026-08", date(2026, 8, 20), 90_000, "pagada", bogota(2026, 8, 1))
    crear_beneficio(gateway, cliente_id)
    modulos = _resumen(client, cabeceras, cliente_id).json["modulos"]
    assert modulos == {
        "cuponeras": {
            "contratos": 2,
            "facturas_por_pagar": 2,
            "saldo_por_pagar": 310_000,
            "cupones_vigentes": 0,
            "beneficios_disponibles": 1,
            "enlaces": ["/contratos/100200300", "/contratos/100200301"],
        }
    }
