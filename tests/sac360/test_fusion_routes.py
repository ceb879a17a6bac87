"""Fusión de clientes (M10): todo lo del absorbido pasa al sobreviviente, el absorbido queda
inactivo con su documento como alias (lo encuentran `/buscar` y la caja de búsqueda), se audita, y
los errores tienen la forma del contrato."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models import Auditoria, Cliente, Compra, Usuario
from models.cuponeras import Beneficio, Contrato
from models.sac360 import NotaCliente
from routes.cliente_routes import ResultadoBusqueda
from routes.sac360.cliente360_routes import ClienteFusionado, ResumenCliente
from tests.fabricas import crear_cliente
from tests.sac360.fusion_datos import MOTIVO, crear_pareja, foto


def _fusionar(client, cabeceras, sobreviviente: int, con, motivo=MOTIVO, rol: str = "admin"):
    return client.post(
        f"/api/clientes/{sobreviviente}/fusionar",
        json={"con": con, "motivo": motivo},
        headers=cabeceras[rol],
    )


def _buscar(client, cabeceras, tipo: str, numero: str, rol: str = "agente"):
    return client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": tipo, "numero_documento": numero},
        headers=cabeceras[rol],
    )


def _caja(client, cabeceras, q: str, rol: str = "supervisor") -> dict:
    respuesta = client.get("/api/clientes/busqueda", query_string={"q": q}, headers=cabeceras[rol])
    assert respuesta.status_code == 200, respuesta.json
    datos: dict = respuesta.json
    return datos


def _duplicados(client, cabeceras) -> list[list[str]]:
    datos = client.get(
        "/api/calidad/advertencias", query_string={"tipo": "duplicado"}, headers=cabeceras["admin"]
    ).json
    return [[c["numero_documento"] for c in a["clientes"]] for a in datos["items"]]


def _auditorias(gateway, accion: str = "fusionar") -> list[Auditoria]:
    with gateway.session_scope() as sesion:
        return list(
            sesion.scalars(
                select(Auditoria).where(Auditoria.accion == accion).order_by(Auditoria.id)
            )
        )


def test_la_fusion_mueve_todo_al_sobreviviente_y_responde_su_ficha(
    client, cabeceras, gateway
) -> None:
    pareja = crear_pareja(gateway)
    s, x = pareja.sobreviviente, pareja.absorbido
    assert _duplicados(client, cabeceras) == [["1020304050", "4567890"]]

    respuesta = _fusionar(client, cabeceras, s, x, motivo=f"  {MOTIVO}  ")

    assert respuesta.status_code == 200, respuesta.json
    assert ClienteFusionado().validate(respuesta.json) == {}
    assert respuesta.json == {
        "id": s,
        "tipo_documento": "CC",
        "numero_documento": "1020304050",
        "nombre": "María José",
        "apellido": "Peña Muñoz",
        "correo": "maria@x.co",
        "telefono": "+57 311 234 5678",  # contacto completo: solo el admin fusiona
        "ciudad": "Barranquilla",
        "direccion": None,
        "activo": True,
        "alias": [{"tipo_documento": "CE", "numero_documento": "4567890"}],
        "movidos": {
            "compras": 3,
            "notas": 1,
            "alias": 0,
            "contratos": 1,
            "beneficios": 1,
            "beneficios_conservados": 1,
            "usuarios_portal": 1,
        },
    }
    with gateway.session_scope() as sesion:
        assert set(sesion.scalars(select(Compra.cliente_id))) == {s}
        assert len(sesion.scalars(select(Compra.id)).all()) == 5
        assert set(sesion.scalars(select(NotaCliente.cliente_id))) == {s}
        assert set(sesion.scalars(select(Contrato.cliente_id))) == {s}
        beneficios = dict(
            sesion.execute(select(Beneficio.codigo, Beneficio.cliente_id)).tuples().all()
        )
        assert beneficios == {"BENEFSOBREV01": s, "BENEFABSORB01": x, "BENEFABSORB02": s}
        portal = sesion.scalar(
            select(Usuario.cliente_id).where(Usuario.id == pareja.usuario_portal)
        )
        assert portal == s
        activos = dict(sesion.execute(select(Cliente.id, Cliente.activo)).tuples().all())
        assert activos == {s: True, x: False}
    (auditoria,) = _auditorias(gateway)
    assert (auditoria.cliente_id, auditoria.tipo_documento, auditoria.resultado) == (s, "CC", "ok")
    assert json.loads(auditoria.parametros) == {
        "con": x,
        "motivo": MOTIVO,
        "movidos": respuesta.json["movidos"],
    }
    for dato in ("4567890", "1020304050", "311", "maria", "otra@x.co"):
        assert dato not in auditoria.parametros.lower()
    # Nada se perdió: el absorbido conserva sus datos y su historia de auditoría.
    resumen = client.get(f"/api/clientes/{x}/resumen", headers=cabeceras["admin"])
    assert resumen.status_code == 200
    assert ResumenCliente().validate(resumen.json) == {}
    assert resumen.json["cliente"]["activo"] is False
    assert resumen.json["cliente"]["fusionado_con"] == s
    assert resumen.json["contacto"]["correo"] == "otra@x.co"
    assert (
        "fusionado_con"
        not in client.get(f"/api/clientes/{s}/resumen", headers=cabeceras["admin"]).json["cliente"]
    )
    # La calidad ya no ve el duplicado.
    assert _duplicados(client, cabeceras) == []


def test_el_documento_del_absorbido_lleva_al_sobreviviente_en_buscar_y_en_la_caja(
    client, cabeceras, gateway
) -> None:
    pareja = crear_pareja(gateway)
    s, x = pareja.sobreviviente, pareja.absorbido
    assert [r["id"] for r in _caja(client, cabeceras, "3112345678")["resultados"]] == [s, x]
    assert _caja(client, cabeceras, "maria pena")["total"] == 2
    assert _buscar(client, cabeceras, "CE", "4567890").json["por_alias"] is False
    assert _fusionar(client, cabeceras, s, x).status_code == 200

    respuesta = _buscar(client, cabeceras, "CE", "4567890")
    assert respuesta.status_code == 200
    assert ResultadoBusqueda().validate(respuesta.json) == {}
    assert respuesta.json["por_alias"] is True
    assert respuesta.json["cliente"]["id"] == s
    assert respuesta.json["cliente"]["numero_documento"] == "1020304050"
    assert respuesta.json["cliente"]["telefono"] == "311*****78"  # el agente lo ve enmascarado
    assert len(respuesta.json["compras"]) == 5
    (consulta,) = _auditorias(gateway, "consulta")[-1:]
    assert consulta.cliente_id == s and json.loads(consulta.parametros)["por_alias"] is True
    assert _buscar(client, cabeceras, "CC", "1020304050").json["por_alias"] is False
    exportada = client.get(
        "/api/clientes/exportar",
        query_string={"tipo_documento": "CE", "numero_documento": "4567890", "formato": "csv"},
        headers=cabeceras["agente"],
    )
    assert exportada.status_code == 200 and "1020304050" in exportada.get_data(as_text=True)

    for q in ("4567890", "CE 4567890", "CE4567890"):
        datos = _caja(client, cabeceras, q)
        assert datos["modo"] == "documento"
        assert [(r["id"], r["coincidencia"]) for r in datos["resultados"]] == [(s, "exacta")]
        assert datos["total"] == 1
    # Dos documentos que llevan al mismo cliente no lo repiten.
    assert [r["id"] for r in _caja(client, cabeceras, "1020304050")["resultados"]] == [s]
    # El absorbido (inactivo) ya no sale por teléfono, correo ni nombre.
    assert [r["id"] for r in _caja(client, cabeceras, "+57 311 234 5678")["resultados"]] == [s]
    assert _caja(client, cabeceras, "otra@x.co")["total"] == 0
    nombre = _caja(client, cabeceras, "maria pena")
    assert [r["id"] for r in nombre["resultados"]] == [s] and nombre["total"] == 1
    assert _caja(client, cabeceras, "maria")["total"] == 1


def test_fusiones_encadenadas_dejan_todos_los_alias_en_el_ultimo_sobreviviente(
    client, cabeceras, gateway
) -> None:
    a = crear_cliente(gateway, "CC", "11111111", "Ana", "Ruiz", "a@x.co", "3001112233")
    b = crear_cliente(gateway, "CE", "2222222", "Ana", "Ruiz", "b@x.co", "3001112233")
    c = crear_cliente(gateway, "PA", "AX3333333", "Ana", "Ruiz", "c@x.co", "3001112233")
    assert _fusionar(client, cabeceras, b, a).json["movidos"]["alias"] == 0
    segunda = _fusionar(client, cabeceras, c, b).json
    assert segunda["movidos"]["alias"] == 1
    assert segunda["alias"] == [
        {"tipo_documento": "CC", "numero_documento": "11111111"},
        {"tipo_documento": "CE", "numero_documento": "2222222"},
    ]
    for tipo, numero in (("CC", "11111111"), ("CE", "2222222"), ("PA", "AX3333333")):
        assert _buscar(client, cabeceras, tipo, numero).json["cliente"]["id"] == c
        assert [r["id"] for r in _caja(client, cabeceras, f"{tipo} {numero}")["resultados"]] == [c]
    assert (
        client.get(f"/api/clientes/{a}/resumen", headers=cabeceras["admin"]).json["cliente"][
            "fusionado_con"
        ]
        == c
    )


@pytest.mark.parametrize("rol", ["agente", "supervisor"])
def test_solo_el_admin_fusiona(client, cabeceras, gateway, rol: str) -> None:
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    respuesta = _fusionar(client, cabeceras, pareja.sobreviviente, pareja.absorbido, rol=rol)
    assert respuesta.status_code == 403
    assert respuesta.json["error"]["code"] == "prohibido"
    assert {k: v for k, v in foto(gateway).items() if k != "auditoria"} == {
        k: v for k, v in antes.items() if k != "auditoria"
    }


def test_sin_sesion_responde_401(client, gateway) -> None:
    pareja = crear_pareja(gateway)
    respuesta = client.post(
        f"/api/clientes/{pareja.sobreviviente}/fusionar",
        json={"con": pareja.absorbido, "motivo": MOTIVO},
    )
    assert respuesta.status_code == 401
    assert respuesta.json["error"]["code"] == "no_autenticado"


def test_un_cliente_que_no_existe_responde_404(client, cabeceras, gateway) -> None:
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    for sobreviviente, con in ((999999, pareja.absorbido), (pareja.sobreviviente, 999999)):
        respuesta = _fusionar(client, cabeceras, sobreviviente, con)
        assert respuesta.status_code == 404
        assert respuesta.json["error"]["message"] == "No existe un cliente con ese identificador."
    despues = foto(gateway)
    assert despues.pop("auditoria") == antes.pop("auditoria") + 2  # los fallos también se auditan
    assert despues == antes


def test_fusionar_con_un_cliente_inactivo_o_ya_fusionado_responde_409(
    client, cabeceras, gateway
) -> None:
    pareja = crear_pareja(gateway)
    s, x = pareja.sobreviviente, pareja.absorbido
    otro = crear_cliente(gateway, "CC", "79845123", "Andrés", "Gómez", "andres@x.co", "3151112233")
    assert _fusionar(client, cabeceras, s, x).status_code == 200
    antes = foto(gateway)
    for sobreviviente, con in ((s, x), (x, s), (otro, x), (x, otro)):
        respuesta = _fusionar(client, cabeceras, sobreviviente, con)
        assert respuesta.status_code == 409, (sobreviviente, con)
        error = respuesta.json["error"]
        assert error["code"] == "conflicto"
        assert error["message"] == (
            f"El cliente {x} ya está inactivo o fue fusionado con otro: solo se fusionan "
            "clientes activos."
        )
    assert [a.resultado for a in _auditorias(gateway)][-4:] == ["conflicto"] * 4
    despues = foto(gateway)
    despues.pop("auditoria"), antes.pop("auditoria")
    assert despues == antes


@pytest.mark.parametrize(
    ("cuerpo", "campo"),
    [
        ({"motivo": "   corto    "}, "motivo"),  # 9 caracteres tras recortar
        ({"motivo": "x" * 301}, "motivo"),
        ({"motivo": "x" * 2001}, "motivo"),
        ({"motivo": None}, "motivo"),
        ({"motivo": ""}, "motivo"),
        ({"con": "mismo"}, "con"),
        ({"con": None}, "con"),
        ({"con": "12"}, "con"),
        ({"con": 1.5}, "con"),
        ({"con": 0}, "con"),
        ({"con": 2**40}, "con"),
        ({"sin_con": True}, "con"),
    ],
)
def test_motivo_o_con_invalidos_responden_422(
    client, cabeceras, gateway, cuerpo: dict, campo: str
) -> None:
    pareja = crear_pareja(gateway)
    antes = foto(gateway)
    pedido = {"con": pareja.absorbido, "motivo": MOTIVO, **cuerpo}
    if pedido["con"] == "mismo":
        pedido["con"] = pareja.sobreviviente
    if "sin_con" in pedido:
        del pedido["sin_con"], pedido["con"]
    respuesta = client.post(
        f"/api/clientes/{pareja.sobreviviente}/fusionar", json=pedido, headers=cabeceras["admin"]
    )
    assert respuesta.status_code == 422, respuesta.json
    assert respuesta.json["error"]["code"] == "datos_invalidos"
    assert campo in str(respuesta.json["error"]["details"])
    despues = foto(gateway)
    despues.pop("auditoria"), antes.pop("auditoria")
    assert despues == antes


def test_los_limites_del_motivo_se_cuentan_tras_recortar(client, cabeceras, gateway) -> None:
    a = crear_cliente(gateway, "CC", "11111111", "Ana", "Ruiz", "a@x.co", "3001112233")
    b = crear_cliente(gateway, "CE", "2222222", "Ana", "Ruiz", "b@x.co", "3001112233")
    c = crear_cliente(gateway, "PA", "AX3333333", "Ana", "Ruiz", "c@x.co", "3001112233")
    assert _fusionar(client, cabeceras, a, b, motivo="  " + "x" * 10 + "  ").status_code == 200
    largo = "¿" + '"' * 298 + "?"  # 300 caracteres que en JSON ocupan más de 500
    assert _fusionar(client, cabeceras, a, c, motivo=largo).status_code == 200
    auditoria = _auditorias(gateway)[-1]
    parametros = json.loads(auditoria.parametros)  # JSON válido aunque el motivo se acorte
    assert parametros["con"] == c and parametros["movidos"]["compras"] == 0
    assert parametros["motivo"].startswith('¿""') and parametros["motivo"].endswith("…")
    listado = client.get(
        "/api/auditoria", query_string={"accion": "fusionar"}, headers=cabeceras["admin"]
    )
    assert listado.status_code == 200 and listado.json["total"] == 2


def test_las_compras_importadas_con_el_documento_absorbido_van_al_sobreviviente(
    client, cabeceras, gateway, tmp_path
) -> None:
    from controllers import importacion_controller

    pareja = crear_pareja(gateway)
    assert _fusionar(client, cabeceras, pareja.sobreviviente, pareja.absorbido).status_code == 200
    with gateway.session_scope() as sesion:
        movida = sesion.scalar(select(Compra.numero_factura).order_by(Compra.id.desc()).limit(1))
    archivo = tmp_path / "compras.csv"
    archivo.write_text(
        "tipo_documento,numero_documento,numero_factura,fecha,total,estado,canal\n"
        "CE,4567890,FV-ALIAS-1,2026-10-10,1000.00,pagada,web\n"
        f"CE,4567890,{movida},2026-10-10,250000.50,pagada,tienda\n",
        encoding="utf-8",
    )
    resultado = importacion_controller.importar(gateway, None, archivo)
    (compras,) = resultado.archivos
    assert (compras.insertadas, compras.actualizadas, compras.rechazadas) == (1, 1, 0)
    with gateway.session_scope() as sesion:
        assert set(sesion.scalars(select(Compra.cliente_id))) == {pareja.sobreviviente}
