"""Inicio de sesión, refresco, cierre y rechazo de tokens inválidos con la forma única de error."""

from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest
from flask import Flask
from flask.testing import FlaskClient

from services import permisos_service
from tests.conftest import USUARIOS_PRUEBA, iniciar_sesion


def _es_error(respuesta, estado: int, codigo: str) -> None:
    assert respuesta.status_code == estado, respuesta.get_data(as_text=True)
    assert respuesta.is_json
    assert respuesta.json["error"]["code"] == codigo
    assert respuesta.json["error"]["message"]
    assert isinstance(respuesta.json["error"]["details"], dict)


def test_login_correcto_entrega_tokens_y_usuario(client: FlaskClient) -> None:
    datos = iniciar_sesion(client, "supervisor")
    assert datos["access_token"] and datos["refresh_token"]
    assert datos["usuario"] == {
        "usuario": "supervisor.prueba",
        "nombre": "Saúl Supervisor",
        "rol": "supervisor",
        "permisos": permisos_service.permisos_de("supervisor"),
        "zona": None,
    }
    assert "reportes.fidelizacion" in datos["usuario"]["permisos"]
    assert "usuarios.administrar" not in datos["usuario"]["permisos"]


def test_me_de_un_vendedor_trae_su_zona_y_solo_el_permiso_de_su_ruta(
    client: FlaskClient, cabeceras
) -> None:
    respuesta = client.get("/api/auth/me", headers=cabeceras["vendedor"])
    assert respuesta.status_code == 200
    assert respuesta.json["zona"] == "Caribe"
    assert respuesta.json["permisos"] == ["catalogo.ruta"]


def test_login_con_contrasena_errada_y_usuario_inexistente_dan_el_mismo_401(
    client: FlaskClient,
) -> None:
    errada = client.post(
        "/api/auth/login", json={"usuario": "agente.prueba", "contrasena": "otra-clave-123"}
    )
    inexistente = client.post(
        "/api/auth/login", json={"usuario": "nadie", "contrasena": "otra-clave-123"}
    )
    _es_error(errada, 401, "credenciales_invalidas")
    _es_error(inexistente, 401, "credenciales_invalidas")
    assert errada.json == inexistente.json


def test_login_sin_campos_responde_422_con_los_campos(client: FlaskClient) -> None:
    respuesta = client.post("/api/auth/login", json={"usuario": "x"})
    _es_error(respuesta, 422, "datos_invalidos")
    assert "contrasena" in respuesta.json["error"]["details"]["campos"]


def test_login_con_json_malformado_responde_400(client: FlaskClient) -> None:
    respuesta = client.post("/api/auth/login", data="{no es json", content_type="application/json")
    _es_error(respuesta, 400, "solicitud_invalida")


def test_me_devuelve_el_usuario_de_la_sesion(client: FlaskClient, cabeceras) -> None:
    respuesta = client.get("/api/auth/me", headers=cabeceras["admin"])
    assert respuesta.status_code == 200
    assert respuesta.json["rol"] == "admin"


def test_me_sin_token_responde_401(client: FlaskClient) -> None:
    _es_error(client.get("/api/auth/me"), 401, "no_autenticado")


@pytest.mark.parametrize(
    "cabecera",
    ["Bearer basura", "Bearer a.b.c", "Basic dXN1YXJpbzpjbGF2ZQ==", "Bearer"],
)
def test_token_malformado_responde_401_y_no_422(client: FlaskClient, cabecera: str) -> None:
    _es_error(
        client.get("/api/auth/me", headers={"Authorization": cabecera}), 401, "no_autenticado"
    )


def _token_forjado(app: Flask, **cambios) -> str:
    ahora = datetime.now(UTC)
    datos = {
        "sub": "1",
        "sid": "x",
        "type": "access",
        "fresh": False,
        "jti": "j",
        "iat": ahora,
        "nbf": ahora,
        "exp": ahora + timedelta(minutes=5),
        "iss": app.config["JWT_ENCODE_ISSUER"],
        "aud": app.config["JWT_ENCODE_AUDIENCE"],
    }
    datos.update(cambios.pop("datos", {}))
    clave = cambios.pop("clave", app.config["JWT_SECRET_KEY"])
    algoritmo = cambios.pop("algoritmo", "HS256")
    return pyjwt.encode(datos, clave, algorithm=algoritmo)


def test_token_firmado_con_otra_clave_responde_401(app: Flask, client: FlaskClient) -> None:
    token = _token_forjado(app, clave="otra-clave-secreta-de-al-menos-32-bytes!")
    respuesta = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    _es_error(respuesta, 401, "no_autenticado")


@pytest.mark.parametrize(
    ("cambio", "esperado"),
    [
        ({}, 200),  # control: con la clave, emisor y audiencia correctos la sesión real vale
        ({"aud": "otra-aplicacion"}, 401),
        ({"iss": "otro-emisor"}, 401),
        ({"aud": None}, 401),
        ({"iss": None}, 401),
    ],
)
def test_emisor_y_audiencia_se_verifican_aunque_la_sesion_exista(
    app: Flask, client: FlaskClient, cambio: dict, esperado: int
) -> None:
    real = iniciar_sesion(app.test_client(), "agente")["access_token"]
    datos = pyjwt.decode(real, options={"verify_signature": False})
    datos.update({clave: valor for clave, valor in cambio.items() if valor is not None})
    for clave in [clave for clave, valor in cambio.items() if valor is None]:
        datos.pop(clave)
    token = pyjwt.encode(datos, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    respuesta = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert respuesta.status_code == esperado, respuesta.get_data(as_text=True)


def test_token_sin_firma_alg_none_responde_401(app: Flask, client: FlaskClient) -> None:
    token = _token_forjado(app, algoritmo="none", clave=None)
    respuesta = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    _es_error(respuesta, 401, "no_autenticado")


def test_token_expirado_responde_401_con_mensaje_de_sesion_expirada(
    app: Flask, client: FlaskClient
) -> None:
    vencido = datetime.now(UTC) - timedelta(hours=1)
    token = _token_forjado(app, datos={"exp": vencido, "iat": vencido - timedelta(minutes=15)})
    respuesta = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    _es_error(respuesta, 401, "no_autenticado")
    assert "expiró" in respuesta.json["error"]["message"]


def test_token_con_sesion_inexistente_responde_401(app: Flask, client: FlaskClient) -> None:
    token = _token_forjado(app)  # firma válida, sesión "x" que nunca existió
    respuesta = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    _es_error(respuesta, 401, "no_autenticado")


def test_refresh_entrega_un_token_de_acceso_nuevo(app: Flask) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    cliente = app.test_client()
    respuesta = cliente.post(
        "/api/auth/refresh", headers={"Authorization": f"Bearer {datos['refresh_token']}"}
    )
    assert respuesta.status_code == 200
    nuevo = respuesta.json["access_token"]
    assert (
        cliente.get("/api/auth/me", headers={"Authorization": f"Bearer {nuevo}"}).status_code == 200
    )


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_refresh_rota_la_sesion_y_el_refresco_usado_deja_de_valer(app: Flask) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    cliente = app.test_client()
    rotado = cliente.post("/api/auth/refresh", headers=_bearer(datos["refresh_token"]))
    assert rotado.status_code == 200
    assert rotado.json["refresh_token"] != datos["refresh_token"]
    # La sesión vieja queda revocada: su acceso tampoco vale; el acceso nuevo sí.
    _es_error(
        cliente.get("/api/auth/me", headers=_bearer(datos["access_token"])), 401, "no_autenticado"
    )
    assert (
        cliente.get("/api/auth/me", headers=_bearer(rotado.json["access_token"])).status_code == 200
    )
    otra = cliente.post("/api/auth/refresh", headers=_bearer(rotado.json["refresh_token"]))
    assert otra.status_code == 200  # la cadena sigue con cada refresco nuevo


def test_reusar_un_refresco_ya_rotado_revoca_toda_la_familia_y_queda_auditado(
    app: Flask, client: FlaskClient, cabeceras
) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    legitimo = app.test_client().post("/api/auth/refresh", headers=_bearer(datos["refresh_token"]))
    assert legitimo.status_code == 200
    # Alguien repite el refresco robado (ya rotado): 401, y la sesión legítima cae también.
    robado = app.test_client().post("/api/auth/refresh", headers=_bearer(datos["refresh_token"]))
    _es_error(robado, 401, "no_autenticado")
    _es_error(
        client.get("/api/auth/me", headers=_bearer(legitimo.json["access_token"])),
        401,
        "no_autenticado",
    )
    _es_error(
        client.post("/api/auth/refresh", headers=_bearer(legitimo.json["refresh_token"])),
        401,
        "no_autenticado",
    )
    registros = client.get(
        "/api/auditoria", query_string={"accion": "reuso_refresco"}, headers=cabeceras["admin"]
    ).json["items"]
    assert registros and registros[0]["usuario"] == "agente.prueba"
    assert registros[0]["resultado"] == "sesiones_revocadas"
    # Otras sesiones del mismo usuario (otra familia) siguen vivas.
    assert client.get("/api/auth/me", headers=cabeceras["agente"]).status_code == 200


def test_refresco_de_una_sesion_cerrada_no_se_trata_como_reuso(
    app: Flask, client: FlaskClient, cabeceras
) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    app.test_client().post("/api/auth/logout", headers=_bearer(datos["access_token"]))
    tardio = app.test_client().post("/api/auth/refresh", headers=_bearer(datos["refresh_token"]))
    _es_error(tardio, 401, "no_autenticado")
    registros = client.get(
        "/api/auditoria", query_string={"accion": "reuso_refresco"}, headers=cabeceras["admin"]
    ).json["items"]
    assert registros == []


def test_refresh_con_token_de_acceso_responde_401(app: Flask) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    respuesta = app.test_client().post(
        "/api/auth/refresh", headers={"Authorization": f"Bearer {datos['access_token']}"}
    )
    _es_error(respuesta, 401, "no_autenticado")


def test_logout_revoca_el_token_de_acceso_y_el_de_refresco(app: Flask) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    cliente = app.test_client()
    acceso = {"Authorization": f"Bearer {datos['access_token']}"}
    assert cliente.post("/api/auth/logout", headers=acceso).status_code == 200
    _es_error(cliente.get("/api/auth/me", headers=acceso), 401, "no_autenticado")
    refresco = {"Authorization": f"Bearer {datos['refresh_token']}"}
    _es_error(cliente.post("/api/auth/refresh", headers=refresco), 401, "no_autenticado")


def test_con_cookies_las_escrituras_exigen_el_token_csrf(app: Flask) -> None:
    cliente = app.test_client()
    iniciar_sesion(cliente, "agente")
    assert cliente.get("/api/auth/me").status_code == 200  # lectura con cookie httpOnly
    _es_error(cliente.post("/api/auth/logout"), 401, "no_autenticado")
    csrf = cliente.get_cookie("csrf_access_token")
    assert csrf is not None
    respuesta = cliente.post("/api/auth/logout", headers={"X-CSRF-TOKEN": csrf.value})
    assert respuesta.status_code == 200


def test_las_cookies_de_sesion_son_httponly(client: FlaskClient) -> None:
    usuario, _, contrasena = USUARIOS_PRUEBA["agente"]
    respuesta = client.post("/api/auth/login", json={"usuario": usuario, "contrasena": contrasena})
    cookies = respuesta.headers.getlist("Set-Cookie")
    acceso = next(c for c in cookies if c.startswith("access_token_cookie="))
    assert "HttpOnly" in acceso
    assert "SameSite=Lax" in acceso


def test_usuario_desactivado_pierde_la_sesion(app: Flask, client: FlaskClient, cabeceras) -> None:
    datos = iniciar_sesion(app.test_client(), "agente")
    acceso = {"Authorization": f"Bearer {datos['access_token']}"}
    usuarios = client.get("/api/usuarios", headers=cabeceras["admin"]).json
    agente = next(u for u in usuarios if u["usuario"] == "agente.prueba")
    try:
        cambio = client.patch(
            f"/api/usuarios/{agente['id']}", json={"activo": False}, headers=cabeceras["admin"]
        )
        assert cambio.status_code == 200
        _es_error(client.get("/api/auth/me", headers=acceso), 401, "no_autenticado")
        usuario, _, contrasena = USUARIOS_PRUEBA["agente"]
        otra = client.post("/api/auth/login", json={"usuario": usuario, "contrasena": contrasena})
        _es_error(otra, 401, "credenciales_invalidas")
    finally:
        client.patch(
            f"/api/usuarios/{agente['id']}", json={"activo": True}, headers=cabeceras["admin"]
        )


def test_intentos_fallidos_se_limitan_con_429_y_retry_after_sin_revelar_la_contrasena(
    app: Flask,
) -> None:
    app.config["LIMITE_LOGIN_USUARIO"] = "3 per minute"
    usuario, _, contrasena = USUARIOS_PRUEBA["supervisor"]
    cliente = app.test_client()
    try:
        for _ in range(3):
            fallido = cliente.post(
                "/api/auth/login", json={"usuario": usuario, "contrasena": "mala-123"}
            )
            assert fallido.status_code == 401
        bloqueado = cliente.post(
            "/api/auth/login", json={"usuario": usuario, "contrasena": contrasena}
        )
        _es_error(bloqueado, 429, "demasiadas_solicitudes")
        assert int(bloqueado.headers["Retry-After"]) > 0
        assert "access_token" not in bloqueado.get_data(as_text=True)
        otro = cliente.post(
            "/api/auth/login",
            json={
                "usuario": USUARIOS_PRUEBA["agente"][0],
                "contrasena": USUARIOS_PRUEBA["agente"][2],
            },
        )
        assert otro.status_code == 200  # el límite es por usuario, no bloquea a los demás
    finally:
        app.config["LIMITE_LOGIN_USUARIO"] = "1000 per minute"
        app.extensions["sac_limites"].reset()


def test_cambiar_la_contrasena_cierra_todas_las_sesiones(app: Flask, client: FlaskClient) -> None:
    nuevo = {
        "usuario": "cambia.clave",
        "nombre": "Cambia",
        "rol": "agente",
        "contrasena": "Clave-Inicial-1",
    }
    admin = {
        "Authorization": f"Bearer {iniciar_sesion(app.test_client(), 'admin')['access_token']}"
    }
    assert client.post("/api/usuarios", json=nuevo, headers=admin).status_code == 201
    credenciales = {"usuario": "cambia.clave", "contrasena": "Clave-Inicial-1"}
    otra = app.test_client().post("/api/auth/login", json=credenciales).json
    esta = app.test_client().post("/api/auth/login", json=credenciales).json
    cabecera = {"Authorization": f"Bearer {esta['access_token']}"}
    errada = client.post(
        "/api/auth/contrasena",
        json={"contrasena_actual": "no-es-esta", "contrasena_nueva": "Clave-Nueva-22"},
        headers=cabecera,
    )
    _es_error(errada, 422, "datos_invalidos")
    debil = client.post(
        "/api/auth/contrasena",
        json={"contrasena_actual": "Clave-Inicial-1", "contrasena_nueva": "12345678"},
        headers=cabecera,
    )
    _es_error(debil, 422, "datos_invalidos")
    cambio = client.post(
        "/api/auth/contrasena",
        json={"contrasena_actual": "Clave-Inicial-1", "contrasena_nueva": "Clave-Nueva-22"},
        headers=cabecera,
    )
    assert cambio.status_code == 200
    for sesion in (otra, esta):
        acceso = {"Authorization": f"Bearer {sesion['access_token']}"}
        _es_error(client.get("/api/auth/me", headers=acceso), 401, "no_autenticado")
    viejo = client.post("/api/auth/login", json=credenciales)
    _es_error(viejo, 401, "credenciales_invalidas")
    credenciales["contrasena"] = "Clave-Nueva-22"
    assert client.post("/api/auth/login", json=credenciales).status_code == 200


def test_el_limitador_solo_corre_en_el_inicio_de_sesion(
    app: Flask, client: FlaskClient, cabeceras, monkeypatch
) -> None:
    """Flask-Limiter engancha su chequeo a toda petición; la app lo salta fuera del login (la
    consulta es el camino más usado). Se cuenta cuántas veces el limitador mira una petición."""
    limitador = app.extensions["sac_limites"]
    vistas: list[str] = []
    original = limitador.identify_request

    def contar() -> str:
        vistas.append(original())
        return vistas[-1]

    monkeypatch.setattr(limitador, "identify_request", contar)
    for ruta in ("/api/auth/me", "/api/tipos-documento", "/api/salud"):
        assert client.get(ruta, headers=cabeceras["agente"]).status_code == 200
    assert vistas == []
    usuario, _, contrasena = USUARIOS_PRUEBA["agente"]
    login = client.post("/api/auth/login", json={"usuario": usuario, "contrasena": contrasena})
    assert login.status_code == 200
    assert vistas
