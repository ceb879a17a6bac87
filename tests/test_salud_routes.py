from flask.testing import FlaskClient

NOMBRE_CLIENTE = {"sqlite": "sqlite", "postgresql": "postgresql", "mariadb": "mysql"}


def test_salud_responde_200_con_el_cliente_de_base_de_datos(
    client: FlaskClient, motor: str
) -> None:
    respuesta = client.get("/api/salud")
    assert respuesta.status_code == 200
    assert respuesta.json["estado"] == "ok"
    assert respuesta.json["base_datos"]["cliente"] == NOMBRE_CLIENTE[motor]
