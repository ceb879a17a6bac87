"""Registro en el portal (M6) y verificación del correo: `POST /api/auth/registro` y `/verificar`."""

from __future__ import annotations

import json
import statistics
import time
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from controllers.cuponeras import registro_controller
from models import Auditoria, Correo, Usuario
from models.cuponeras import VerificacionRegistro
from services.tiempo_service import ahora_utc
from tests.cuponeras.conftest import crear_contrato
from tests.cuponeras.portal_datos import (
    CONTRASENA,
    solicitud,
    titular_con_contrato,
    token_del_correo,
)


@pytest.fixture
def titular(gateway) -> int:
    return titular_con_contrato(gateway)


def _registrar(client: FlaskClient, **cambios):
    return client.post("/api/auth/registro", json=solicitud(**cambios))


def _login(client: FlaskClient, correo: str = "maria.pena@correo.co", contrasena: str = CONTRASENA):
    return client.post("/api/auth/login", json={"usuario": correo, "contrasena": contrasena})


def test_registro_crea_la_cuenta_pendiente_y_encola_el_correo_de_verificacion(
    app: Flask, client: FlaskClient, gateway, titular: int
) -> None:
    respuesta = _registrar(client, correo="  Maria.Pena@Correo.CO ")
    assert respuesta.status_code == 201, respuesta.json
    assert respuesta.json == {"correo": "maria.pena@correo.co", "verificacion": "pendiente"}
    with gateway.session_scope() as sesion:
        usuario = sesion.scalars(
            select(Usuario).where(Usuario.usuario == "maria.pena@correo.co")
        ).one()
        assert (usuario.rol, usuario.cliente_id, usuario.correo) == (
            "cliente",
            titular,
            "maria.pena@correo.co",
        )
        assert usuario.correo_verificado_en is None
        assert usuario.contrasena_hash.startswith("$argon2")
        correo = sesion.scalars(select(Correo)).one()
        verificacion = sesion.scalars(select(VerificacionRegistro)).one()
        assert correo.destinatario == "maria.pena@correo.co"
        assert correo.referencia == f"registro:{usuario.id}"
        assert verificacion.usado_en is None
        assert verificacion.vence_en - verificacion.creado_en == timedelta(hours=24)
        cuerpo = correo.cuerpo
    token = token_del_correo(gateway, "maria.pena@correo.co")
    assert f"{app.config['URL_PUBLICA']}/portal/verificar?token={token}" in cuerpo
    # Solo se guarda el hash del token.
    assert verificacion.token_hash == registro_controller.hash_token(token)
    assert token not in verificacion.token_hash


def test_antes_de_verificar_el_login_responde_403_y_despues_entra_con_el_correo(
    client: FlaskClient, gateway, titular: int
) -> None:
    assert _registrar(client).status_code == 201
    antes = _login(client)
    assert antes.status_code == 403
    assert antes.json["error"]["code"] == "correo_sin_verificar"
    # Con la contraseña errada sigue siendo el 401 de siempre (no revela la cuenta pendiente).
    assert _login(client, contrasena="otra-clave-123").status_code == 401
    token = token_del_correo(gateway, "maria.pena@correo.co")
    verificada = client.post("/api/auth/verificar", json={"token": token})
    assert verificada.status_code == 200
    assert verificada.json == {"correo": "maria.pena@correo.co", "verificacion": "verificada"}
    despues = _login(client, correo="MARIA.PENA@correo.co")
    assert despues.status_code == 200, despues.json
    assert despues.json["usuario"]["rol"] == "cliente"
    assert "cuponeras.portal" in despues.json["usuario"]["permisos"]


def test_el_token_sirve_una_sola_vez(client: FlaskClient, gateway, titular: int) -> None:
    assert _registrar(client).status_code == 201
    token = token_del_correo(gateway, "maria.pena@correo.co")
    assert client.post("/api/auth/verificar", json={"token": token}).status_code == 200
    otra = client.post("/api/auth/verificar", json={"token": token})
    assert otra.status_code == 400
    assert otra.json["error"]["code"] == "token_invalido"
    assert "ya se usó" in otra.json["error"]["message"]


def test_un_token_vencido_responde_400_y_la_cuenta_sigue_sin_verificar(
    client: FlaskClient, gateway, titular: int
) -> None:
    assert _registrar(client).status_code == 201
    token = token_del_correo(gateway, "maria.pena@correo.co")
    with gateway.session_scope() as sesion:
        sesion.execute(
            update(VerificacionRegistro).values(vence_en=ahora_utc() - timedelta(seconds=1))
        )
    vencido = client.post("/api/auth/verificar", json={"token": token})
    assert vencido.status_code == 400
    assert vencido.json["error"]["code"] == "token_invalido"
    assert "venció" in vencido.json["error"]["message"]
    assert _login(client).status_code == 403


@pytest.mark.parametrize("token", ["no-existe", "x" * 200, "' OR '1'='1"])
def test_un_token_inventado_responde_400(client: FlaskClient, token: str) -> None:
    respuesta = client.post("/api/auth/verificar", json={"token": token})
    assert respuesta.status_code == 400
    assert respuesta.json["error"]["code"] == "token_invalido"


def test_verificar_sin_token_responde_422(client: FlaskClient) -> None:
    assert client.post("/api/auth/verificar", json={}).status_code == 422


def test_correo_ya_registrado_responde_409(client: FlaskClient, gateway, titular: int) -> None:
    assert _registrar(client).status_code == 201
    otra = _registrar(client, correo="MARIA.PENA@correo.co")
    assert otra.status_code == 409
    assert otra.json["error"]["code"] == "conflicto"
    # También el usuario de un empleado: el correo es el usuario del inicio de sesión.
    with gateway.session_scope() as sesion:
        sesion.execute(
            update(Usuario).where(Usuario.usuario == "agente.prueba").values(rol="agente")
        )
    assert _registrar(client, correo="agente.prueba").status_code == 422  # no es un correo


def test_una_cuenta_nunca_verificada_con_el_enlace_vencido_no_retiene_el_correo(
    client: FlaskClient, gateway, titular: int
) -> None:
    assert _registrar(client).status_code == 201
    viejo = token_del_correo(gateway, "maria.pena@correo.co")
    with gateway.session_scope() as sesion:
        sesion.execute(
            update(VerificacionRegistro).values(vence_en=ahora_utc() - timedelta(minutes=1))
        )
    de_nuevo = _registrar(client, nombre="María J. Peña", contrasena="Otra-Clave-2026")
    assert de_nuevo.status_code == 201
    with gateway.session_scope() as sesion:
        assert len(sesion.scalars(select(Usuario).where(Usuario.rol == "cliente")).all()) == 1
    nuevo = token_del_correo(gateway, "maria.pena@correo.co")
    assert nuevo != viejo
    assert client.post("/api/auth/verificar", json={"token": viejo}).status_code == 400
    assert client.post("/api/auth/verificar", json={"token": nuevo}).status_code == 200
    assert _login(client, contrasena="Otra-Clave-2026").status_code == 200


def _errores_no_coinciden(client: FlaskClient, gateway) -> list:
    otro = titular_con_contrato(gateway, numero_documento="79888777", contrato="555666777")
    assert otro
    casos = [
        {"numero_contrato": "999999999"},  # contrato inexistente
        {"numero_documento": "1020304051"},  # otro número de documento
        {"tipo_documento": "CE"},  # otro tipo de documento
        {"numero_contrato": "555666777"},  # contrato de otro titular
        {"numero_documento": "79888777"},  # documento del otro titular con este contrato
        {"tipo_documento": "XX"},  # tipo que no existe
        {"numero_documento": "abc"},  # documento malformado
        {"numero_contrato": "12"},  # contrato malformado
    ]
    return [_registrar(client, **caso) for caso in casos]


def test_datos_que_no_coinciden_responden_el_mismo_422_sin_decir_que_fallo(
    client: FlaskClient, gateway, titular: int
) -> None:
    respuestas = _errores_no_coinciden(client, gateway)
    cuerpos = {r.get_data() for r in respuestas}
    assert {r.status_code for r in respuestas} == {422}
    assert len(cuerpos) == 1, cuerpos
    cuerpo = json.loads(cuerpos.pop())
    assert cuerpo["error"]["code"] == "datos_no_coinciden"
    assert cuerpo["error"]["details"] == {}
    assert set(cuerpo) == {"error"} and set(cuerpo["error"]) == {"code", "message", "details"}
    with gateway.session_scope() as sesion:
        assert sesion.scalars(select(Usuario).where(Usuario.rol == "cliente")).all() == []
        assert sesion.scalars(select(Correo)).all() == []


def test_un_cliente_inactivo_no_puede_registrarse(client: FlaskClient, gateway, titular) -> None:
    from models import Cliente

    with gateway.session_scope() as sesion:
        sesion.execute(update(Cliente).where(Cliente.id == titular).values(activo=False))
    respuesta = _registrar(client)
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "datos_no_coinciden"


def test_el_documento_se_normaliza_como_en_el_resto_del_sac(
    client: FlaskClient, gateway, titular: int
) -> None:
    assert (
        _registrar(client, numero_documento="1.020.304.050", tipo_documento="cc").status_code == 201
    )


def test_cada_registro_gasta_una_operacion_argon2_acierte_o_no(
    client: FlaskClient, gateway, titular: int, monkeypatch
) -> None:
    """El tiempo de respuesta no dice qué falló: cada camino hace una sola operación argon2."""
    from services import contrasena_service

    operaciones: list[str] = []
    hasher = contrasena_service._hasher

    class Contador:
        def hash(self, *args, **kwargs):
            operaciones.append("hash")
            return hasher.hash(*args, **kwargs)

        def verify(self, *args, **kwargs):
            operaciones.append("verify")
            return hasher.verify(*args, **kwargs)

    contrasena_service._hash_senuelo()  # el señuelo se calcula una vez por proceso
    monkeypatch.setattr(contrasena_service, "_hasher", Contador())
    conteos = []
    for caso in ({}, {"numero_contrato": "999999999"}, {"numero_documento": "1020304051"}, {}):
        operaciones.clear()
        _registrar(client, **caso)
        conteos.append(len(operaciones))
    # Éxito, contrato inexistente, documento errado y correo ya tomado (409).
    assert conteos == [1, 1, 1, 1]


def test_el_tiempo_de_un_contrato_inexistente_y_uno_ajeno_es_parecido(
    app: Flask, client: FlaskClient, gateway, titular: int, monkeypatch
) -> None:
    """Con el argon2 real de producción, fallar por contrato inexistente o por documento errado
    cuesta lo mismo (la mediana de cada uno, dentro de un 35 %)."""
    from argon2 import PasswordHasher

    from services import contrasena_service

    monkeypatch.setattr(contrasena_service, "_hasher", PasswordHasher())
    contrasena_service._hash_senuelo.cache_clear()
    try:
        tiempos: dict[str, list[float]] = {"inexistente": [], "ajeno": []}
        for _ in range(5):
            for nombre, caso in (
                ("inexistente", {"numero_contrato": "999999999"}),
                ("ajeno", {"numero_documento": "1020304051"}),
            ):
                inicio = time.perf_counter()
                assert _registrar(client, **caso).status_code == 422
                tiempos[nombre].append(time.perf_counter() - inicio)
    finally:
        contrasena_service._hash_senuelo.cache_clear()
    inexistente = statistics.median(tiempos["inexistente"])
    ajeno = statistics.median(tiempos["ajeno"])
    assert abs(inexistente - ajeno) / max(inexistente, ajeno) < 0.35, tiempos


@pytest.mark.parametrize(
    ("contrasena", "motivo"),
    [("corta", "al menos 8"), ("12345678", "común"), ("maria.pena@correo.co", "igual")],
)
def test_una_contrasena_debil_responde_422_con_la_regla_del_nucleo(
    client: FlaskClient, titular: int, contrasena: str, motivo: str
) -> None:
    respuesta = _registrar(client, contrasena=contrasena)
    assert respuesta.status_code == 422
    assert respuesta.json["error"]["code"] == "datos_invalidos"
    assert motivo in respuesta.json["error"]["details"]["campos"]["contrasena"][0]


def test_un_correo_invalido_o_sin_campos_responde_422_con_el_campo(client: FlaskClient) -> None:
    malo = _registrar(client, correo="no-es-correo")
    assert malo.status_code == 422
    assert "correo" in malo.json["error"]["details"]["campos"]
    vacio = client.post("/api/auth/registro", json={})
    assert vacio.status_code == 422
    assert set(vacio.json["error"]["details"]["campos"]) >= {
        "correo",
        "contrasena",
        "numero_contrato",
    }


def test_solo_los_registros_fallidos_cuentan_para_el_limite_por_correo(
    app: Flask, gateway, titular: int
) -> None:
    app.config["LIMITE_LOGIN_USUARIO"] = "3 per minute"
    cliente = app.test_client()
    try:
        for _ in range(3):
            assert _registrar(cliente, numero_contrato="999999999").status_code == 422
        bloqueado = _registrar(cliente)  # ahora con los datos correctos
        assert bloqueado.status_code == 429
        assert bloqueado.json["error"]["code"] == "demasiadas_solicitudes"
        assert int(bloqueado.headers["Retry-After"]) > 0
        # El límite es por correo: otro correo con los datos correctos entra.
        assert _registrar(cliente, correo="otra.persona@correo.co").status_code == 201
        # Los registros exitosos no cuentan: muchos seguidos (cada uno con su correo) pasan.
        app.extensions["sac_limites"].reset()
        crear_contrato(gateway, titular, "100200301")
        for numero in range(4):
            exito = _registrar(cliente, correo=f"persona{numero}@correo.co")
            assert exito.status_code == 201, exito.json
    finally:
        app.config["LIMITE_LOGIN_USUARIO"] = "1000 per minute"
        app.extensions["sac_limites"].reset()


def test_los_registros_fallidos_se_limitan_por_direccion(app: Flask, titular: int) -> None:
    app.config["LIMITE_LOGIN_IP"] = "4 per minute"
    cliente = app.test_client()
    try:
        for numero in range(4):
            respuesta = _registrar(
                cliente, correo=f"p{numero}@correo.co", numero_contrato="999999999"
            )
            assert respuesta.status_code == 422
        # Otro correo, desde la misma dirección: bloqueado.
        assert _registrar(cliente, correo="nueva@correo.co").status_code == 429
        # El inicio de sesión tiene su propio contador.
        assert (
            _login(cliente, correo="agente.prueba", contrasena="Agente-Prueba-2026").status_code
            == 200
        )
    finally:
        app.config["LIMITE_LOGIN_IP"] = "1000 per minute"
        app.extensions["sac_limites"].reset()


def test_registro_y_verificacion_quedan_auditados_sin_datos_personales(
    client: FlaskClient, gateway, titular: int
) -> None:
    assert _registrar(client, numero_contrato="999999999").status_code == 422
    assert _registrar(client, contrasena="12345678").status_code == 422
    assert _registrar(client).status_code == 201
    token = token_del_correo(gateway, "maria.pena@correo.co")
    assert client.post("/api/auth/verificar", json={"token": token}).status_code == 200
    assert client.post("/api/auth/verificar", json={"token": token}).status_code == 400
    with gateway.session_scope() as sesion:
        registros = sesion.scalars(select(Auditoria).order_by(Auditoria.id)).all()
        usuario_id = sesion.scalar(select(Usuario.id).where(Usuario.rol == "cliente"))
        filas = [
            (r.accion, r.resultado, r.estado_http, r.cliente_id, r.usuario_id) for r in registros
        ]
        texto = " ".join(
            f"{r.parametros} {r.tipo_documento} {r.documento_huella}" for r in registros
        )
    assert filas == [
        ("registro_portal", "datos_no_coinciden", 422, None, None),
        ("registro_portal", "datos_invalidos", 422, None, None),
        ("registro_portal", "ok", 201, titular, usuario_id),
        ("verificacion_portal", "ok", 200, titular, usuario_id),
        ("verificacion_portal", "token_invalido", 400, None, None),
    ]
    for dato in ("maria", "1020304050", "100200300", token, CONTRASENA):
        assert dato not in texto.lower()


def test_el_correo_de_verificacion_sale_tras_responder(
    app: Flask, gateway, titular: int, tmp_path
) -> None:
    from clients.email_client import ArchivoEmailClient

    original = app.extensions["sac_email"]
    app.extensions["sac_email"] = ArchivoEmailClient(tmp_path)
    try:
        respuesta = _registrar(app.test_client())
        assert respuesta.status_code == 201
        respuesta.close()
    finally:
        app.extensions["sac_email"] = original
    archivos = list(tmp_path.glob("*.eml"))
    assert len(archivos) == 1
    assert b"/portal/verificar?token=" in archivos[0].read_bytes()
    with gateway.session_scope() as sesion:
        assert sesion.scalars(select(Correo.estado)).one() == "enviado"


def test_dos_registros_simultaneos_con_el_mismo_correo_crean_una_sola_cuenta(
    app: Flask, gateway, titular: int
) -> None:
    """Dos peticiones a la vez (hilos reales): una crea la cuenta (201) y la otra recibe 409; el
    UNIQUE de `usuarios.usuario` decide aunque las dos pasen la consulta previa."""
    import threading

    barrera = threading.Barrier(2)
    estados: list[int] = []

    def registrar() -> None:
        cliente = app.test_client()
        barrera.wait()
        estados.append(_registrar(cliente).status_code)

    hilos = [threading.Thread(target=registrar) for _ in range(2)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)
    assert sorted(estados) == [201, 409]
    with gateway.session_scope() as sesion:
        assert len(sesion.scalars(select(Usuario).where(Usuario.rol == "cliente")).all()) == 1
        assert len(sesion.scalars(select(VerificacionRegistro)).all()) == 1


def test_un_correo_largo_de_hasta_254_caracteres_se_registra_y_entra(
    client: FlaskClient, gateway, titular: int
) -> None:
    largo = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".co"  # 250 caracteres
    assert _registrar(client, correo=largo).status_code == 201
    token = token_del_correo(gateway, largo)
    assert client.post("/api/auth/verificar", json={"token": token}).status_code == 200
    assert _login(client, correo=largo).status_code == 200
    demasiado = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".abcd.co"  # 255 caracteres
    assert len(largo) == 250 and len(demasiado) == 255
    respuesta = _registrar(client, correo=demasiado)
    assert respuesta.status_code == 422
    assert "correo" in respuesta.json["error"]["details"]["campos"]
