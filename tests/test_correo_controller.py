"""Bandeja de salida: el correo nace en la transacción que lo causa y se envía después por un SMTP
real; una caída del SMTP no pierde nada y un rechazo definitivo queda como fallido."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from clients.email_client import ArchivoEmailClient, SmtpEmailClient
from controllers import correo_controller
from controllers.correo_controller import Adjunto
from errores import DatosInvalidos
from models import Correo
from services.tiempo_service import ahora_utc
from tests.servidor_smtp import puerto_libre, servidor_smtp

REMITENTE = "SAC <sac@ejemplo.co>"


def _encolar(gateway: BaseDatosClient, destinatario: str = "Cliente@Ejemplo.co", **extra) -> int:
    with gateway.session_scope() as sesion:
        return correo_controller.encolar(
            sesion, destinatario, "Su factura", "Hola, adjuntamos su factura.", **extra
        )


def _correo(gateway: BaseDatosClient, correo_id: int) -> Correo:
    with gateway.session_scope() as sesion:
        return sesion.get_one(Correo, correo_id)


def test_un_correo_encolado_en_una_transaccion_revertida_no_existe(gateway) -> None:
    def operacion_que_falla() -> None:
        with gateway.session_scope() as sesion:
            correo_controller.encolar(sesion, "a@ejemplo.co", "Asunto", "Cuerpo")
            raise RuntimeError("la operación que lo causó falló")

    with pytest.raises(RuntimeError):
        operacion_que_falla()
    with gateway.session_scope() as sesion:
        assert sesion.scalars(select(Correo)).all() == []


def test_un_destinatario_invalido_responde_422_y_no_encola(gateway) -> None:
    with pytest.raises(DatosInvalidos), gateway.session_scope() as sesion:
        correo_controller.encolar(sesion, "no-es-un-correo", "Asunto", "Cuerpo")


def test_el_despachador_envia_por_smtp_con_el_adjunto_y_marca_enviado(gateway) -> None:
    adjunto = Adjunto("factura.pdf", "application/pdf", b"%PDF-1.4 prueba")
    correo_id = _encolar(gateway, adjuntos=[adjunto], referencia="factura:FE-1")
    with servidor_smtp() as (buzon, puerto):
        cliente = SmtpEmailClient("127.0.0.1", puerto, tls="no")
        resumen = correo_controller.enviar_pendientes(gateway, cliente, REMITENTE)
    assert (resumen.enviados, resumen.reintentar, resumen.fallidos) == (1, 0, 0)
    (recibido,) = buzon.mensajes
    assert recibido["To"] == "cliente@ejemplo.co"
    assert recibido["Subject"] == "Su factura"
    (parte,) = list(recibido.iter_attachments())
    assert parte.get_filename() == "factura.pdf"
    assert parte.get_content() == b"%PDF-1.4 prueba"
    correo = _correo(gateway, correo_id)
    assert (correo.estado, correo.intentos, correo.ultimo_error) == ("enviado", 1, None)
    assert correo.enviado_en is not None


def test_con_el_smtp_caido_nada_se_pierde_y_se_envia_cuando_vuelve(gateway) -> None:
    correo_id = _encolar(gateway)
    puerto = puerto_libre()  # nadie escucha: el servidor está caído
    cliente = SmtpEmailClient("127.0.0.1", puerto, tls="no", timeout=2)
    caido = correo_controller.enviar_pendientes(gateway, cliente, REMITENTE)
    assert (caido.enviados, caido.reintentar) == (0, 1)
    correo = _correo(gateway, correo_id)
    assert correo.estado == "pendiente" and correo.intentos == 1
    assert "conectar" in (correo.ultimo_error or "")
    # Antes de su turno no se reintenta; después sí, y llega.
    temprano = correo_controller.enviar_pendientes(gateway, cliente, REMITENTE)
    assert temprano.enviados + temprano.reintentar == 0
    with servidor_smtp(puerto) as (buzon, _):
        luego = ahora_utc() + timedelta(minutes=2)
        resumen = correo_controller.enviar_pendientes(gateway, cliente, REMITENTE, ahora=luego)
    assert resumen.enviados == 1 and len(buzon.mensajes) == 1
    assert _correo(gateway, correo_id).estado == "enviado"


def test_un_destinatario_rechazado_por_el_servidor_queda_fallido_sin_reintentos(gateway) -> None:
    correo_id = _encolar(gateway, "nadie@ejemplo.co")
    with servidor_smtp() as (buzon, puerto):
        buzon.rechazar.add("nadie@ejemplo.co")
        cliente = SmtpEmailClient("127.0.0.1", puerto, tls="no")
        resumen = correo_controller.enviar_pendientes(gateway, cliente, REMITENTE)
    assert resumen.fallidos == 1
    correo = _correo(gateway, correo_id)
    assert correo.estado == "fallido" and correo.ultimo_error


def test_tras_el_maximo_de_intentos_el_correo_queda_fallido(gateway) -> None:
    correo_id = _encolar(gateway)
    cliente = SmtpEmailClient("127.0.0.1", puerto_libre(), tls="no", timeout=2)
    instante = ahora_utc()
    for _ in range(correo_controller.MAXIMO_INTENTOS):
        instante += timedelta(hours=2)
        correo_controller.enviar_pendientes(gateway, cliente, REMITENTE, ahora=instante)
    correo = _correo(gateway, correo_id)
    assert (correo.estado, correo.intentos) == ("fallido", correo_controller.MAXIMO_INTENTOS)


def test_la_espera_entre_intentos_crece_hasta_una_hora() -> None:
    esperas = [correo_controller.espera_tras(n).total_seconds() / 60 for n in range(1, 10)]
    assert esperas == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_sin_smtp_el_correo_queda_como_archivo_eml(gateway, tmp_path: Path) -> None:
    _encolar(gateway)
    resumen = correo_controller.enviar_pendientes(
        gateway, ArchivoEmailClient(tmp_path / "correos"), REMITENTE
    )
    assert resumen.enviados == 1
    (archivo,) = (tmp_path / "correos").glob("*.eml")
    assert b"Subject: Su factura" in archivo.read_bytes()


def test_un_correo_ya_enviado_no_se_envia_dos_veces(gateway, tmp_path: Path) -> None:
    _encolar(gateway)
    cliente = ArchivoEmailClient(tmp_path)
    assert correo_controller.enviar_pendientes(gateway, cliente, REMITENTE).enviados == 1
    assert correo_controller.enviar_pendientes(gateway, cliente, REMITENTE).enviados == 0
    assert len(list(tmp_path.glob("*.eml"))) == 1
