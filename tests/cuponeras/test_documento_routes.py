"""Documentos de M6 por HTTP: PDF de la factura, código de barras SVG, cupón imprimible y envío de
la factura por correo (con un servidor SMTP real de pruebas)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy import select, update

from clients.email_client import SmtpEmailClient
from models import Cliente, Correo
from services.cuponeras import documentos_service
from services.tiempo_service import hoy_bogota
from tests.cuponeras.conftest import crear_contrato, crear_factura
from tests.cuponeras.portal_datos import registrar_y_verificar
from tests.cuponeras.test_documentos_service import _decodificar_code128, _modulos_del_svg
from tests.fabricas import crear_cliente
from tests.servidor_smtp import servidor_smtp

CONTRATO = "100200300"
AJENO = "555666777"


@pytest.fixture
def datos(gateway) -> dict[str, int]:
    """Un titular con contrato y dos facturas, y otro cliente con su contrato y su factura."""
    titular = crear_cliente(gateway, numero="1020304050", correo="ficha.maria@correo.co")
    contrato = crear_contrato(gateway, titular, CONTRATO)
    vence = hoy_bogota() + timedelta(days=10)
    crear_factura(gateway, contrato, "2026-10", vence, 98_500, numero="FE-2026-0010")
    crear_factura(gateway, contrato, "2026-11", vence, 61_500, numero="FE-2026-0011")
    otro = crear_cliente(gateway, numero="79888777", nombre="Óscar", correo="oscar@correo.co")
    ajeno = crear_contrato(gateway, otro, AJENO)
    crear_factura(gateway, ajeno, "2026-11", vence, 45_000, numero="FE-2026-0099")
    return {"titular": titular, "otro": otro}


@pytest.fixture
def portal(client: FlaskClient, gateway, datos) -> dict[str, str]:
    return registrar_y_verificar(client, gateway)


def _cupon(client: FlaskClient, cabecera: dict[str, str], contrato: str = CONTRATO) -> dict:
    respuesta = client.post(f"/api/contratos/{contrato}/cupones", json={}, headers=cabecera)
    assert respuesta.status_code == 201, respuesta.json
    cupon: dict = respuesta.json
    return cupon


def _texto(contenido: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)


def test_el_agente_y_el_titular_descargan_el_pdf_de_la_factura(
    client: FlaskClient, cabeceras, portal, datos
) -> None:
    for cabecera in (cabeceras["agente"], portal):
        respuesta = client.get("/api/facturas/FE-2026-0011/pdf", headers=cabecera)
        assert respuesta.status_code == 200
        assert respuesta.mimetype == "application/pdf"
        assert 'filename="factura_FE-2026-0011.pdf"' in respuesta.headers["Content-Disposition"]
        texto = _texto(respuesta.data)
        for clave in ("Factura FE-2026-0011", "María José Peña Muñoz", CONTRATO, "$ 61.500"):
            assert clave in texto


def test_al_titular_lo_de_otro_cliente_le_responde_404(
    client: FlaskClient, cabeceras, portal, datos
) -> None:
    ajeno = _cupon(client, cabeceras["agente"], AJENO)["numero"]
    for ruta in (
        "/api/facturas/FE-2026-0099/pdf",
        f"/api/cupones/{ajeno}/pdf",
        f"/api/cupones/{ajeno}/codigo-barras.svg",
    ):
        respuesta = client.get(ruta, headers=portal)
        assert respuesta.status_code == 404, ruta
        assert respuesta.json["error"]["code"] == "no_encontrado"
    enviar = client.post("/api/facturas/FE-2026-0099/enviar", headers=portal)
    assert enviar.status_code == 404
    # El agente sí los ve.
    assert client.get(f"/api/cupones/{ajeno}/pdf", headers=cabeceras["agente"]).status_code == 200


def test_lo_que_no_existe_responde_404(client: FlaskClient, cabeceras) -> None:
    for ruta in ("/api/facturas/NO-EXISTE/pdf", "/api/cupones/1234567890128/pdf"):
        assert client.get(ruta, headers=cabeceras["agente"]).status_code == 404


def test_los_roles_sin_permiso_reciben_403_y_sin_sesion_401(
    client: FlaskClient, cabeceras, datos
) -> None:
    for rol in ("vendedor", "catalogo", "monitor", "recaudo"):
        respuesta = client.get("/api/facturas/FE-2026-0011/pdf", headers=cabeceras[rol])
        assert respuesta.status_code == 403, rol
        enviar = client.post("/api/facturas/FE-2026-0011/enviar", headers=cabeceras[rol])
        assert enviar.status_code == 403, rol
    assert client.get("/api/facturas/FE-2026-0011/pdf").status_code == 401


def test_el_svg_del_cupon_codifica_su_cadena_gs1_128(
    client: FlaskClient, cabeceras, portal, datos
) -> None:
    cupon = _cupon(client, portal)
    respuesta = client.get(f"/api/cupones/{cupon['numero']}/codigo-barras.svg", headers=portal)
    assert respuesta.status_code == 200
    assert respuesta.mimetype == "image/svg+xml"
    modulos, legible = _modulos_del_svg(respuesta.data)
    assert legible == cupon["codigo_barras"]
    assert f"(8020){cupon['numero']}(3900){cupon['valor']:010d}" in cupon["codigo_barras"]
    esperado = "<GS>" + documentos_service.datos_gs1(cupon["codigo_barras"]).replace(
        documentos_service.FNC1, "<GS>"
    )
    assert _decodificar_code128(modulos) == esperado


def test_el_cupon_imprimible_trae_sus_facturas_el_valor_y_la_cadena(
    client: FlaskClient, cabeceras, datos
) -> None:
    cupon = _cupon(client, cabeceras["agente"])
    respuesta = client.get(f"/api/cupones/{cupon['numero']}/pdf", headers=cabeceras["agente"])
    assert respuesta.status_code == 200
    assert respuesta.mimetype == "application/pdf"
    texto = _texto(respuesta.data)
    limite = date.fromisoformat(str(cupon["fecha_limite"]))
    for clave in (
        f"Cupón de pago {cupon['numero']}",
        "FE-2026-0010",
        "FE-2026-0011",
        "$ 160.000",
        limite.strftime("%d/%m/%Y"),
        cupon["codigo_barras"],
    ):
        assert clave in texto, clave


def _adjunto_pdf(gateway, correo_id: int) -> tuple[str, bytes]:
    with gateway.session_scope() as sesion:
        correo = sesion.get_one(Correo, correo_id)
        (adjunto,) = correo.adjuntos
        return correo.destinatario, adjunto.contenido


def test_enviar_la_factura_va_al_correo_verificado_del_portal_con_el_pdf(
    client: FlaskClient, gateway, cabeceras, portal, datos
) -> None:
    respuesta = client.post("/api/facturas/FE-2026-0011/enviar", headers=cabeceras["agente"])
    assert respuesta.status_code == 202
    destinatario, pdf = _adjunto_pdf(gateway, respuesta.json["correo_id"])
    assert destinatario == "maria.pena@correo.co"  # el del portal, no el de la ficha
    assert "Factura FE-2026-0011" in _texto(pdf)
    # El titular también puede pedirla.
    propia = client.post("/api/facturas/FE-2026-0010/enviar", headers=portal)
    assert propia.status_code == 202


def test_sin_portal_verificado_la_factura_va_al_correo_de_la_ficha(
    client: FlaskClient, gateway, cabeceras, datos
) -> None:
    respuesta = client.post("/api/facturas/FE-2026-0011/enviar", headers=cabeceras["agente"])
    assert respuesta.status_code == 202
    destinatario, _ = _adjunto_pdf(gateway, respuesta.json["correo_id"])
    assert destinatario == "ficha.maria@correo.co"


def test_un_titular_sin_ningun_correo_responde_422(
    client: FlaskClient, gateway, cabeceras, datos
) -> None:
    with gateway.session_scope() as sesion:
        sesion.execute(update(Cliente).where(Cliente.id == datos["titular"]).values(correo=None))
    respuesta = client.post("/api/facturas/FE-2026-0011/enviar", headers=cabeceras["agente"])
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "sin_correo"
    with gateway.session_scope() as sesion:
        assert sesion.scalars(select(Correo)).all() == []


def test_la_factura_enviada_llega_por_smtp_con_el_pdf_y_queda_en_el_historial(
    app: Flask, gateway, cabeceras, datos
) -> None:
    original = app.extensions["sac_email"]
    with servidor_smtp() as (buzon, puerto):
        app.extensions["sac_email"] = SmtpEmailClient("127.0.0.1", puerto, tls="no", timeout=5)
        try:
            cliente = app.test_client()
            respuesta = cliente.post(
                "/api/facturas/FE-2026-0011/enviar", headers=cabeceras["agente"]
            )
            assert respuesta.status_code == 202
            respuesta.close()  # la respuesta salió: se despacha la bandeja
        finally:
            app.extensions["sac_email"] = original
    (mensaje,) = buzon.mensajes
    assert mensaje["To"] == "ficha.maria@correo.co"
    assert "FE-2026-0011" in mensaje["Subject"]
    (adjunto,) = list(mensaje.iter_attachments())
    assert adjunto.get_content_type() == "application/pdf"
    assert adjunto.get_filename() == "factura_FE-2026-0011.pdf"
    assert "Factura FE-2026-0011" in _texto(adjunto.get_content())
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(Correo.estado)) == "enviado"
    historial = app.test_client().get(
        f"/api/contratos/{CONTRATO}/historial", headers=cabeceras["agente"]
    )
    assert "correo_enviado" in [evento["tipo"] for evento in historial.json]


def test_importar_una_factura_encola_su_correo_con_el_pdf(runner, gateway, datos, tmp_path) -> None:
    archivo = tmp_path / "facturas.csv"
    hoy = hoy_bogota()
    archivo.write_text(
        "numero_contrato,numero_factura,periodo,fecha_emision,fecha_vencimiento,valor\n"
        f"{CONTRATO},FE-2026-0012,2026-12,{hoy},{hoy + timedelta(days=20)},73400\n",
        encoding="utf-8",
    )
    resultado = runner.invoke(args=["facturas", "importar", str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    with gateway.session_scope() as sesion:
        correo = sesion.scalars(
            select(Correo).where(Correo.referencia == "factura:FE-2026-0012")
        ).one()
        (adjunto,) = correo.adjuntos
        assert adjunto.tipo_mime == "application/pdf"
        assert "$ 73.400" in _texto(adjunto.contenido)


def test_cada_documento_dice_cuantas_filas_de_datos_lleva(
    client: FlaskClient, cabeceras, datos
) -> None:
    """X-Total-Filas: 1 la factura y el código de barras; el cupón, las facturas que paga."""
    agente = cabeceras["agente"]
    cupon = _cupon(client, agente)["numero"]
    esperado = {
        "/api/facturas/FE-2026-0011/pdf": "1",
        f"/api/cupones/{cupon}/codigo-barras.svg": "1",
        f"/api/cupones/{cupon}/pdf": "2",
    }
    for ruta, filas in esperado.items():
        respuesta = client.get(ruta, headers=agente)
        assert respuesta.status_code == 200, ruta
        assert respuesta.headers["X-Total-Filas"] == filas, ruta
