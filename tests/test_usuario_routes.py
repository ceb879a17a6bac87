"""Administración de usuarios: solo admin, validación y sin dejar el sistema sin administrador."""

import pytest
from flask.testing import FlaskClient

NUEVO = {
    "usuario": "laura.diaz",
    "nombre": "Laura Díaz",
    "rol": "agente",
    "contrasena": "Clave-Nueva-2026",
}


@pytest.mark.parametrize("rol", ["agente", "supervisor"])
@pytest.mark.parametrize(
    ("metodo", "ruta"),
    [
        ("get", "/api/usuarios"),
        ("post", "/api/usuarios"),
        ("patch", "/api/usuarios/1"),
        ("get", "/api/auditoria"),
    ],
)
def test_las_rutas_de_admin_responden_403_a_otros_roles(
    client: FlaskClient, cabeceras, rol: str, metodo: str, ruta: str
) -> None:
    respuesta = getattr(client, metodo)(ruta, json=NUEVO, headers=cabeceras[rol])
    assert respuesta.status_code == 403
    assert respuesta.json["error"]["code"] == "prohibido"


@pytest.mark.parametrize(
    ("metodo", "ruta"),
    [("get", "/api/usuarios"), ("post", "/api/usuarios"), ("get", "/api/auditoria")],
)
def test_las_rutas_de_admin_sin_token_responden_401(client: FlaskClient, metodo, ruta) -> None:
    assert getattr(client, metodo)(ruta, json=NUEVO).status_code == 401


def test_admin_crea_un_usuario_que_puede_iniciar_sesion(client: FlaskClient, cabeceras) -> None:
    respuesta = client.post("/api/usuarios", json=NUEVO, headers=cabeceras["admin"])
    assert respuesta.status_code == 201
    assert respuesta.json["usuario"] == "laura.diaz"
    assert respuesta.json["activo"] is True
    assert "contrasena" not in respuesta.json and "contrasena_hash" not in respuesta.json
    login = client.post(
        "/api/auth/login", json={"usuario": "laura.diaz", "contrasena": "Clave-Nueva-2026"}
    )
    assert login.status_code == 200
    assert login.json["usuario"]["rol"] == "agente"


def test_crear_usuario_repetido_responde_409(client: FlaskClient, cabeceras) -> None:
    client.post("/api/usuarios", json=NUEVO, headers=cabeceras["admin"])
    respuesta = client.post("/api/usuarios", json=NUEVO, headers=cabeceras["admin"])
    assert respuesta.status_code == 409
    assert respuesta.json["error"]["code"] == "conflicto"


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"rol": "jefe"}, "rol"),
        ({"contrasena": "corta1"}, "contrasena"),
        ({"contrasena": "password123"}, "contrasena"),
        ({"contrasena": "laura.diaz"}, "contrasena"),
        ({"contrasena": "x" * 129}, "contrasena"),
        ({"usuario": "a b"}, "usuario"),
        ({"nombre": ""}, "nombre"),
    ],
)
def test_crear_usuario_invalido_responde_422(
    client: FlaskClient, cabeceras, cambios, campo
) -> None:
    respuesta = client.post("/api/usuarios", json={**NUEVO, **cambios}, headers=cabeceras["admin"])
    assert respuesta.status_code == 422
    assert campo in respuesta.json["error"]["details"]["campos"]


def test_cambiar_rol_cierra_las_sesiones_del_usuario(client: FlaskClient, cabeceras) -> None:
    creado = client.post("/api/usuarios", json=NUEVO, headers=cabeceras["admin"]).json
    login = client.post(
        "/api/auth/login", json={"usuario": "laura.diaz", "contrasena": "Clave-Nueva-2026"}
    ).json
    acceso = {"Authorization": f"Bearer {login['access_token']}"}
    cambio = client.patch(
        f"/api/usuarios/{creado['id']}", json={"rol": "supervisor"}, headers=cabeceras["admin"]
    )
    assert cambio.status_code == 200 and cambio.json["rol"] == "supervisor"
    assert client.get("/api/auth/me", headers=acceso).status_code == 401


def test_el_admin_no_puede_quitarse_su_propio_rol(client: FlaskClient, cabeceras) -> None:
    usuarios = client.get("/api/usuarios", headers=cabeceras["admin"]).json
    admin = next(u for u in usuarios if u["usuario"] == "admin.prueba")
    respuesta = client.patch(
        f"/api/usuarios/{admin['id']}", json={"activo": False}, headers=cabeceras["admin"]
    )
    assert respuesta.status_code == 409


def test_actualizar_usuario_inexistente_responde_404(client: FlaskClient, cabeceras) -> None:
    respuesta = client.patch(
        "/api/usuarios/99999", json={"rol": "agente"}, headers=cabeceras["admin"]
    )
    assert respuesta.status_code == 404


def test_crear_un_vendedor_sin_zona_responde_422_y_con_zona_201(
    client: FlaskClient, cabeceras
) -> None:
    nuevo = {"usuario": "vendedor.norte", "nombre": "Nora Norte", "rol": "vendedor"}
    nuevo["contrasena"] = "Ruta-Del-Norte-2026"
    sin_zona = client.post("/api/usuarios", json=nuevo, headers=cabeceras["admin"])
    assert sin_zona.status_code == 422
    assert "zona" in sin_zona.json["error"]["details"]["campos"]
    creado = client.post(
        "/api/usuarios", json={**nuevo, "zona": "Costa Norte"}, headers=cabeceras["admin"]
    )
    assert creado.status_code == 201
    assert creado.json["rol"] == "vendedor"
    assert creado.json["zona"] == "Costa Norte"


@pytest.mark.parametrize("rol", ["catalogo", "monitor", "recaudo"])
def test_el_admin_crea_usuarios_de_los_roles_de_los_modulos(
    client: FlaskClient, cabeceras, rol: str
) -> None:
    respuesta = client.post(
        "/api/usuarios",
        json={
            "usuario": f"nuevo.{rol}",
            "nombre": "Nueva",
            "rol": rol,
            "contrasena": "Clave-De-Modulo-2026",
        },
        headers=cabeceras["admin"],
    )
    assert respuesta.status_code == 201
    assert respuesta.json["rol"] == rol


@pytest.mark.parametrize("rol", ["cliente", "jefe", ""])
def test_un_rol_que_no_se_asigna_desde_la_administracion_responde_422(
    client: FlaskClient, cabeceras, rol: str
) -> None:
    respuesta = client.post(
        "/api/usuarios",
        json={
            "usuario": "otro.rol",
            "nombre": "Otro",
            "rol": rol,
            "contrasena": "Clave-De-Rol-2026",
        },
        headers=cabeceras["admin"],
    )
    assert respuesta.status_code == 422
    assert "rol" in respuesta.json["error"]["details"]["campos"]


def test_pasar_a_vendedor_exige_zona_y_cambiar_la_zona_no_cierra_sesiones(
    client: FlaskClient, cabeceras
) -> None:
    usuarios = client.get("/api/usuarios", headers=cabeceras["admin"]).json
    agente = next(u for u in usuarios if u["usuario"] == "agente.prueba")
    sin_zona = client.patch(
        f"/api/usuarios/{agente['id']}", json={"rol": "vendedor"}, headers=cabeceras["admin"]
    )
    assert sin_zona.status_code == 422
    assert "zona" in sin_zona.json["error"]["details"]["campos"]
    vendedor = next(u for u in usuarios if u["usuario"] == "vendedor.prueba")
    cambio = client.patch(
        f"/api/usuarios/{vendedor['id']}", json={"zona": "Andina"}, headers=cabeceras["admin"]
    )
    assert cambio.status_code == 200
    assert cambio.json["zona"] == "Andina"
    assert client.get("/api/auth/me", headers=cabeceras["vendedor"]).status_code == 200
