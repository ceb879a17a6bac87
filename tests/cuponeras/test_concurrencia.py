"""Pagos que llegan a la vez (hilos reales sobre la base real): un cupón se paga una sola vez."""

from __future__ import annotations

import threading
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from controllers.auth_controller import UsuarioActual
from controllers.cuponeras import pago_controller
from errores import ErrorSac
from models import Usuario
from models.cuponeras import Cupon, Pago
from tests.cuponeras.conftest import Escenario

HILOS = 4


def _recaudo(gateway: BaseDatosClient) -> UsuarioActual:
    with gateway.session_scope() as sesion:
        fila = sesion.scalars(select(Usuario).where(Usuario.rol == "recaudo")).one()
        return UsuarioActual(fila.id, fila.usuario, fila.nombre, fila.rol)


def _a_la_vez(gateway: BaseDatosClient, pagos: list[dict[str, Any]]) -> list[Any]:
    """Corre los pagos en hilos que arrancan juntos; cada resultado es el id del pago o el código
    del error de dominio."""
    usuario = _recaudo(gateway)
    barrera = threading.Barrier(len(pagos))
    resultados: list[Any] = [None] * len(pagos)

    def pagar(indice: int) -> None:
        barrera.wait()
        try:
            resultados[indice] = pago_controller.pagar(gateway, usuario, pagos[indice])[0][
                "pago_id"
            ]
        except ErrorSac as error:
            resultados[indice] = error.codigo

    hilos = [threading.Thread(target=pagar, args=(i,)) for i in range(len(pagos))]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)
    return resultados


def _cupon(client: FlaskClient, escenario: Escenario) -> str:
    respuesta = client.post(
        "/api/contratos/100200300/cupones", json={}, headers=escenario.cabeceras["agente"]
    )
    numero: str = respuesta.json["numero"]
    return numero


def _pagos_guardados(gateway: BaseDatosClient, numero: str) -> tuple[int, str | None]:
    with gateway.session_scope() as sesion:
        return (
            sesion.scalar(select(func.count()).select_from(Pago)) or 0,
            sesion.scalar(select(Cupon.estado).where(Cupon.numero == numero)),
        )


def test_varios_bancos_pagando_el_mismo_cupon_a_la_vez_solo_uno_lo_paga(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    numero = _cupon(client, escenario)
    pagos = [
        {"numero_cupon": numero, "valor": 200_500, "canal": "banco", "referencia": f"R-{i}"}
        for i in range(HILOS)
    ]
    resultados = _a_la_vez(gateway, pagos)
    aplicados = [r for r in resultados if isinstance(r, int)]
    assert len(aplicados) == 1, resultados
    # Los demás: el cupón ya está pagado (o, en SQLite, la base ocupada pidió reintentar).
    assert set(resultados) - set(aplicados) <= {"cupon_pagado", "servicio_no_disponible"}
    assert _pagos_guardados(gateway, numero) == (1, "pagado")


def test_la_misma_referencia_repetida_a_la_vez_es_un_solo_pago(
    client: FlaskClient, escenario: Escenario, gateway: BaseDatosClient
) -> None:
    numero = _cupon(client, escenario)
    pago = {"numero_cupon": numero, "valor": 200_500, "canal": "banco", "referencia": "R-UNICA"}
    resultados = _a_la_vez(gateway, [dict(pago) for _ in range(HILOS)])
    aplicados = {r for r in resultados if isinstance(r, int)}
    assert len(aplicados) == 1, resultados
    assert set(resultados) - aplicados <= {"servicio_no_disponible"}
    assert _pagos_guardados(gateway, numero) == (1, "pagado")


def test_generar_el_cupon_del_mismo_contrato_a_la_vez_deja_un_solo_cupon_vivo(
    escenario: Escenario, gateway: BaseDatosClient
) -> None:
    from controllers.cuponeras import cupon_controller

    usuario = _recaudo(gateway)  # el alcance del personal
    agente = UsuarioActual(usuario.id, usuario.usuario, usuario.nombre, "agente")
    barrera = threading.Barrier(HILOS)
    resultados: list[Any] = [None] * HILOS

    def generar(indice: int) -> None:
        barrera.wait()
        try:
            generado = cupon_controller.generar(gateway, agente, "100200300", None, "7709999000017")
            resultados[indice] = generado.cupon["numero"]
        except ErrorSac as error:
            resultados[indice] = error.codigo

    hilos = [threading.Thread(target=generar, args=(i,)) for i in range(HILOS)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)
    numeros = {r for r in resultados if r != "servicio_no_disponible"}
    assert len(numeros) == 1, resultados  # todos reciben el mismo cupón vivo
    with gateway.session_scope() as sesion:
        vivos = sesion.scalars(select(Cupon.numero).where(Cupon.estado == "emitido")).all()
    assert vivos == list(numeros)
