"""Auditoría: cada consulta, exportación y reporte queda registrada sin datos personales."""

from flask.testing import FlaskClient
from sqlalchemy import select

from models import Auditoria
from tests.fabricas import crear_cliente


def _registros(gateway) -> list[Auditoria]:
    with gateway.session_scope() as sesion:
        return list(sesion.scalars(select(Auditoria).order_by(Auditoria.id)))


def test_consultas_exportaciones_y_reportes_quedan_auditados(
    client: FlaskClient, cabeceras, gateway
) -> None:
    cliente_id = crear_cliente(
        gateway, nombre="Privada", apellido="Persona", correo="privada@example.com"
    )
    base = {"tipo_documento": "CC", "numero_documento": "1020304050"}
    client.get("/api/clientes/buscar", query_string=base, headers=cabeceras["agente"])
    client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": "CC", "numero_documento": "77777777"},
        headers=cabeceras["agente"],
    )
    client.get(
        "/api/clientes/buscar",
        query_string={"tipo_documento": "CC", "numero_documento": "1"},
        headers=cabeceras["agente"],
    )
    client.get(
        "/api/clientes/exportar",
        query_string={**base, "formato": "txt"},
        headers=cabeceras["agente"],
    )
    client.get(
        "/api/reportes/fidelizacion",
        query_string={"mes": "2026-09"},
        headers=cabeceras["supervisor"],
    )

    registros = _registros(gateway)
    resumen = [(r.accion, r.resultado, r.estado_http, r.cliente_id) for r in registros]
    assert resumen == [
        ("consulta", "ok", 200, cliente_id),
        ("consulta", "no_encontrado", 404, None),
        ("consulta", "datos_invalidos", 422, None),
        ("exportacion", "ok", 200, cliente_id),
        ("reporte_fidelizacion", "ok", 200, None),
    ]
    assert all(r.usuario_id for r in registros)
    assert all(r.ip == "127.0.0.1" for r in registros)
    for registro in registros:
        contenido = " ".join(str(v) for v in vars(registro).values())
        for dato_personal in ("1020304050", "77777777", "Privada", "privada@example.com"):
            assert dato_personal not in contenido


def test_admin_filtra_la_auditoria_por_documento_usuario_y_fecha(
    client: FlaskClient, cabeceras, gateway
) -> None:
    crear_cliente(gateway)
    crear_cliente(gateway, numero="5555555")
    for numero in ("1020304050", "5555555", "1.020.304.050"):
        client.get(
            "/api/clientes/buscar",
            query_string={"tipo_documento": "CC", "numero_documento": numero},
            headers=cabeceras["agente"],
        )
    por_documento = client.get(
        "/api/auditoria",
        query_string={"tipo_documento": "CC", "numero_documento": "1020304050"},
        headers=cabeceras["admin"],
    ).json
    assert por_documento["total"] == 2
    assert {r["usuario"] for r in por_documento["items"]} == {"agente.prueba"}
    por_usuario = client.get(
        "/api/auditoria", query_string={"usuario": "supervisor.prueba"}, headers=cabeceras["admin"]
    ).json
    assert por_usuario["total"] == 0
    hoy = client.get(
        "/api/auditoria",
        query_string={"desde": "2000-01-01", "accion": "consulta"},
        headers=cabeceras["admin"],
    ).json
    assert hoy["total"] == 3
    assert hoy["items"][0]["fecha"].endswith("-05:00")


def test_filtro_de_auditoria_con_fecha_invalida_responde_422(
    client: FlaskClient, cabeceras
) -> None:
    respuesta = client.get(
        "/api/auditoria", query_string={"desde": "ayer"}, headers=cabeceras["admin"]
    )
    assert respuesta.status_code == 422


def test_la_auditoria_no_tiene_rutas_para_modificar_ni_borrar(
    client: FlaskClient, cabeceras
) -> None:
    for metodo in ("put", "patch", "delete"):
        respuesta = getattr(client, metodo)("/api/auditoria", headers=cabeceras["admin"])
        assert respuesta.status_code == 405
        assert respuesta.json["error"]["code"] == "metodo_no_permitido"
