"""Historial de reportes de fidelización: cada archivo generado (pantalla, API, CLI, programado)
queda con su SHA-256 y se puede volver a descargar igual; `--enviar` lo encola a los supervisores."""

import hashlib
from pathlib import Path

import pytest
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import func, select, update

from clients.email_client import SmtpEmailClient
from controllers import correo_controller
from models import AdjuntoCorreo, Auditoria, Correo, ReporteHistorial, Usuario
from tests.fabricas import bogota, crear_cliente, crear_compra
from tests.servidor_smtp import servidor_smtp

REPORTE = "/api/reportes/fidelizacion"
HISTORIAL = "/api/reportes/historial"


@pytest.fixture
def septiembre(gateway) -> None:
    """Dos clientes que califican en septiembre de 2026 (Bogotá)."""
    uno = crear_cliente(gateway, numero="11111111", nombre="Ángela", apellido="Núñez")
    crear_compra(gateway, uno, bogota(2026, 9, 10), "6000000")
    dos = crear_cliente(gateway, numero="22222222", nombre="Óscar", apellido="Peña")
    crear_compra(gateway, dos, bogota(2026, 9, 11), "7000000.50")


def poner_correos(gateway, correos: dict[str, str | None], activo: dict[str, bool]) -> None:
    with gateway.session_scope() as sesion:
        for usuario, correo in correos.items():
            sesion.execute(update(Usuario).where(Usuario.usuario == usuario).values(correo=correo))
        for usuario, valor in activo.items():
            sesion.execute(update(Usuario).where(Usuario.usuario == usuario).values(activo=valor))


def contar(gateway, modelo) -> int:
    with gateway.session_scope() as sesion:
        return int(sesion.scalar(select(func.count()).select_from(modelo)) or 0)


@pytest.mark.parametrize("ruta", [HISTORIAL, f"{HISTORIAL}/1/archivo"])
def test_el_historial_es_solo_para_supervisor_o_admin(
    client: FlaskClient, cabeceras, ruta: str
) -> None:
    assert client.get(ruta).status_code == 401
    assert client.get(ruta, headers=cabeceras["agente"]).status_code == 403
    assert client.get(HISTORIAL, headers=cabeceras["admin"]).status_code == 200


def test_descargar_por_api_y_por_pantalla_queda_en_el_historial_con_su_sha256(
    client: FlaskClient, cabeceras, septiembre
) -> None:
    api = client.get(f"{REPORTE}?mes=2026-09", headers=cabeceras["supervisor"])
    assert api.status_code == 200
    pantalla = client.get(
        f"{REPORTE}?mes=2026-09&umbral=6500000&origen=pantalla", headers=cabeceras["supervisor"]
    )
    assert pantalla.status_code == 200
    respuesta = client.get(HISTORIAL, headers=cabeceras["supervisor"])
    assert respuesta.status_code == 200
    cuerpo = respuesta.json
    assert cuerpo["total"] == 2 and cuerpo["pagina"] == 1
    nuevo, viejo = cuerpo["items"]
    assert nuevo["origen"] == "pantalla" and viejo["origen"] == "api"
    assert viejo["mes"] == "2026-09" and viejo["filas"] == 2
    assert viejo["umbral"] == 5000000 and viejo["total"] == 13000000.5
    assert nuevo["filas"] == 1 and nuevo["total"] == 7000000.5 and nuevo["umbral"] == 6500000
    assert viejo["generado_por"] == "Saúl Supervisor"
    assert viejo["sha256"] == hashlib.sha256(api.data).hexdigest()
    assert nuevo["sha256"] == hashlib.sha256(pantalla.data).hexdigest()
    otra = client.get(f"{HISTORIAL}/{viejo['id']}/archivo", headers=cabeceras["admin"])
    assert otra.status_code == 200
    assert otra.data == api.data
    assert hashlib.sha256(otra.data).hexdigest() == viejo["sha256"]
    assert "fidelizacion_2026-09.xlsx" in otra.headers["Content-Disposition"]
    pagina = client.get(f"{HISTORIAL}?por_pagina=1&pagina=2", headers=cabeceras["supervisor"])
    assert pagina.json["paginas"] == 2 and pagina.json["items"][0]["id"] == viejo["id"]


def test_la_vista_previa_y_los_errores_no_quedan_en_el_historial(
    client: FlaskClient, cabeceras, gateway, septiembre
) -> None:
    previa = client.get(f"{REPORTE}/resumen?mes=2026-09", headers=cabeceras["supervisor"])
    assert previa.status_code == 200
    malo = client.get(f"{REPORTE}?mes=2026-13", headers=cabeceras["supervisor"])
    assert malo.status_code == 422
    origen = client.get(f"{REPORTE}?mes=2026-09&origen=cli", headers=cabeceras["supervisor"])
    assert origen.status_code == 422
    assert contar(gateway, ReporteHistorial) == 0
    assert client.get(HISTORIAL, headers=cabeceras["supervisor"]).json["total"] == 0


def test_un_archivo_que_no_esta_en_el_historial_responde_404(
    client: FlaskClient, cabeceras
) -> None:
    respuesta = client.get(f"{HISTORIAL}/999999/archivo", headers=cabeceras["supervisor"])
    assert respuesta.status_code == 404
    assert respuesta.json["error"]["code"] == "no_encontrado"


def test_la_cli_escribe_el_archivo_y_lo_anota_con_origen_cli(
    runner: FlaskCliRunner, client: FlaskClient, cabeceras, septiembre, tmp_path: Path
) -> None:
    salida = tmp_path / "r.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    item = client.get(HISTORIAL, headers=cabeceras["supervisor"]).json["items"][0]
    assert item["origen"] == "cli" and item["filas"] == 2
    assert item["sha256"] == hashlib.sha256(salida.read_bytes()).hexdigest()


def test_enviar_encola_el_libro_solo_a_supervisores_activos_con_correo(
    runner: FlaskCliRunner, client: FlaskClient, cabeceras, gateway, septiembre, tmp_path: Path
) -> None:
    crear = runner.invoke(
        args=["usuarios", "crear", "--usuario", "sonia.sup", "--nombre", "Sonia", "--rol",
              "supervisor", "--correo", "sonia@example.com", "--contrasena-stdin"],
        input="Clave-Segura-2026\n",
    )  # fmt: skip
    assert crear.exit_code == 0, crear.output
    crear_inactivo = runner.invoke(
        args=["usuarios", "crear", "--usuario", "ines.sup", "--nombre", "Inés", "--rol",
              "supervisor", "--correo", "ines@example.com", "--contrasena-stdin"],
        input="Clave-Segura-2026\n",
    )  # fmt: skip
    assert crear_inactivo.exit_code == 0, crear_inactivo.output
    poner_correos(
        gateway,
        {"supervisor.prueba": "saul@example.com", "admin.prueba": "adela@example.com",
         "agente.prueba": "ana@example.com"},
        {"ines.sup": False},
    )  # fmt: skip
    salida = tmp_path / "enviado.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--enviar", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "2 supervisor(es)" in resultado.output
    item = client.get(HISTORIAL, headers=cabeceras["supervisor"]).json["items"][0]
    assert item["origen"] == "programado" and item["filas"] == 2
    contenido = salida.read_bytes()
    assert item["sha256"] == hashlib.sha256(contenido).hexdigest()
    with gateway.session_scope() as sesion:
        correos = sesion.scalars(select(Correo).order_by(Correo.destinatario)).all()
        assert [c.destinatario for c in correos] == ["saul@example.com", "sonia@example.com"]
        for correo in correos:
            assert correo.estado == "pendiente" and "2026-09" in correo.asunto
            assert [a.nombre for a in correo.adjuntos] == ["fidelizacion_2026-09.xlsx"]
            assert correo.adjuntos[0].contenido == contenido
        acciones = sesion.scalars(
            select(Auditoria.parametros).where(Auditoria.accion == "reporte_fidelizacion_envio")
        ).all()
        assert len(acciones) == 1 and '"destinatarios": 2' in acciones[0]


def test_enviar_con_omitir_si_vacio_y_sin_clientes_no_envia_ni_anota(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    poner_correos(gateway, {"supervisor.prueba": "saul@example.com"}, {})
    salida = tmp_path / "vacio.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--enviar", "--omitir-si-vacio",
              "--salida", str(salida)]
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    assert "no se envió" in resultado.output
    assert not salida.exists()
    assert contar(gateway, ReporteHistorial) == 0
    assert contar(gateway, Correo) == 0 and contar(gateway, AdjuntoCorreo) == 0


def test_enviar_sin_clientes_y_sin_omitir_envia_el_libro_vacio(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    poner_correos(gateway, {"supervisor.prueba": "saul@example.com"}, {})
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--enviar",
              "--salida", str(tmp_path / "v.xlsx")]
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    assert contar(gateway, ReporteHistorial) == 1 and contar(gateway, Correo) == 1


def test_omitir_si_vacio_sin_enviar_es_un_error_de_uso(runner: FlaskCliRunner) -> None:
    resultado = runner.invoke(args=["reporte", "fidelizacion", "--omitir-si-vacio"])
    assert resultado.exit_code == 2
    assert "--enviar" in resultado.output


def test_el_correo_de_un_usuario_se_cambia_por_patch(
    client: FlaskClient, cabeceras, gateway
) -> None:
    with gateway.session_scope() as sesion:
        usuario_id = sesion.scalar(select(Usuario.id).where(Usuario.usuario == "supervisor.prueba"))
    respuesta = client.patch(
        f"/api/usuarios/{usuario_id}",
        json={"correo": "Saul@Example.com"},
        headers=cabeceras["admin"],
    )
    assert respuesta.status_code == 200, respuesta.json
    with gateway.session_scope() as sesion:
        assert sesion.get(Usuario, usuario_id).correo == "saul@example.com"


def test_el_correo_del_reporte_llega_por_smtp_con_el_mismo_libro(
    runner: FlaskCliRunner, gateway, septiembre, tmp_path: Path
) -> None:
    poner_correos(gateway, {"supervisor.prueba": "saul@example.com"}, {})
    salida = tmp_path / "smtp.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--enviar", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    with servidor_smtp() as (buzon, puerto):
        cliente = SmtpEmailClient("127.0.0.1", puerto, tls="no")
        resumen = correo_controller.enviar_pendientes(gateway, cliente, "SAC <sac@ejemplo.co>")
    assert resumen.enviados == 1
    (recibido,) = buzon.mensajes
    assert recibido["To"] == "saul@example.com"
    (adjunto,) = list(recibido.iter_attachments())
    assert adjunto.get_filename() == "fidelizacion_2026-09.xlsx"
    assert adjunto.get_content() == salida.read_bytes()
