"""Datos de M6 para las pruebas: titulares, contratos, facturas y usuarios del portal, escritos en
la base real; cabeceras de sesión de los usuarios del portal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from clients.base_datos_client import BaseDatosClient
from models import Usuario
from models.cuponeras import Beneficio, Contrato, Factura
from services import contrasena_service, tiempo_service
from services.tiempo_service import ahora_utc
from tests.fabricas import crear_cliente

CONTRASENA_PORTAL = "Portal-Prueba-2026"
_numeros = itertools.count(1)


def crear_contrato(
    gateway: BaseDatosClient, cliente_id: int, numero: str = "100200300", servicio: str = "energia"
) -> int:
    with gateway.session_scope() as sesion:
        contrato = Contrato(
            numero_contrato=numero,
            cliente_id=cliente_id,
            servicio=servicio,
            direccion="Calle 10 # 20-30",
            ciudad="Medellín",
            estado="activo",
            fecha_inicio=date(2024, 1, 15),
        )
        sesion.add(contrato)
        sesion.flush()
        return contrato.id


def crear_factura(
    gateway: BaseDatosClient,
    contrato_id: int,
    periodo: str,
    vence: date,
    valor: int = 100_000,
    estado: str = "pendiente",
    pagada_en: datetime | None = None,
    numero: str | None = None,
) -> str:
    numero = numero or f"FE-T{next(_numeros):06d}"
    anio, mes = (int(parte) for parte in periodo.split("-"))
    with gateway.session_scope() as sesion:
        sesion.add(
            Factura(
                numero_factura=numero,
                contrato_id=contrato_id,
                periodo=periodo,
                fecha_emision=min(date(anio, mes, 1), vence),
                fecha_vencimiento=vence,
                valor=valor,
                saldo=0 if estado == "pagada" else valor,
                estado=estado,
                pagada_en=pagada_en,
            )
        )
    return numero


def crear_beneficio(
    gateway: BaseDatosClient,
    cliente_id: int,
    codigo: str = "BENEFICIO2345",
    porcentaje: int = 10,
    tope: int = 100_000,
    vence: date | None = None,
    estado: str = "disponible",
    regla: str = "cliente_fiel",
    mes: str = "2026-10",
) -> str:
    with gateway.session_scope() as sesion:
        sesion.add(
            Beneficio(
                codigo=codigo,
                cliente_id=cliente_id,
                regla=regla,
                mes=mes,
                porcentaje=porcentaje,
                tope=tope,
                otorgado_en=ahora_utc(),
                vence_en=vence or date(2099, 1, 1),
                estado=estado,
                usado_en=ahora_utc() if estado == "usado" else None,
            )
        )
    return codigo


def crear_usuario_portal(
    gateway: BaseDatosClient, cliente_id: int, correo: str, verificado: bool = True
) -> int:
    with gateway.session_scope() as sesion:
        usuario = Usuario(
            usuario=correo,
            nombre="Titular del portal",
            contrasena_hash=contrasena_service.generar_hash(CONTRASENA_PORTAL),
            rol="cliente",
            activo=True,
            correo=correo,
            cliente_id=cliente_id,
            correo_verificado_en=ahora_utc() if verificado else None,
        )
        sesion.add(usuario)
        sesion.flush()
        return usuario.id


def cabecera_de(app: Flask, usuario: str, contrasena: str = CONTRASENA_PORTAL) -> dict[str, str]:
    respuesta = app.test_client().post(
        "/api/auth/login", json={"usuario": usuario, "contrasena": contrasena}
    )
    assert respuesta.status_code == 200, respuesta.json
    return {"Authorization": f"Bearer {respuesta.json['access_token']}"}


@dataclass
class Escenario:
    """Dos titulares con un contrato cada uno; el primero con dos facturas por pagar."""

    cliente_id: int
    otro_cliente_id: int
    contrato_id: int
    otro_contrato_id: int
    facturas: list[str]
    usuario_portal_id: int
    cabeceras: dict[str, dict[str, str]]


@pytest.fixture
def escenario(
    app: Flask, gateway: BaseDatosClient, cabeceras: dict[str, dict[str, str]]
) -> Escenario:
    cliente_id = crear_cliente(gateway, numero="1020304050", correo="maria.pena@example.com")
    otro = crear_cliente(gateway, numero="79888777", nombre="Pedro", correo="pedro@example.com")
    contrato_id = crear_contrato(gateway, cliente_id, "100200300")
    otro_contrato = crear_contrato(gateway, otro, "900800700", "agua")
    facturas = [
        crear_factura(gateway, contrato_id, "2099-01", date(2099, 1, 20), 120_000),
        crear_factura(gateway, contrato_id, "2099-02", date(2099, 2, 20), 80_500),
    ]
    crear_factura(gateway, otro_contrato, "2099-01", date(2099, 1, 20), 50_000)
    usuario_id = crear_usuario_portal(gateway, cliente_id, "maria@portal.co")
    crear_usuario_portal(gateway, otro, "pedro@portal.co")
    todas = {
        **cabeceras,
        "cliente": cabecera_de(app, "maria@portal.co"),
        "otro_cliente": cabecera_de(app, "pedro@portal.co"),
    }
    return Escenario(cliente_id, otro, contrato_id, otro_contrato, facturas, usuario_id, todas)


@pytest.fixture
def reloj(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Fija «ahora» (con zona) para los casos de uso de M6."""

    def fijar(instante: datetime) -> None:
        monkeypatch.setattr(tiempo_service, "ahora_utc", lambda: instante)

    return fijar


def notificaciones_de(gateway: BaseDatosClient, usuario_id: int) -> list[tuple[str, Any]]:
    from models.cuponeras import Notificacion

    with gateway.session_scope() as sesion:
        return [
            (n.tipo, n.referencia)
            for n in sesion.scalars(
                select(Notificacion)
                .where(Notificacion.usuario_id == usuario_id)
                .order_by(Notificacion.id)
            )
        ]


def cupon_con_limite(
    client: FlaskClient,
    escenario: Escenario,
    gateway: BaseDatosClient,
    reloj: Callable[[datetime], None],
) -> tuple[str, dict[str, Any]]:
    """El contrato 444555666 con una factura de $ 70.000 que vence el 2026-12-10 y su cupón,
    generado el 2026-12-01 (Bogotá): su último día válido es el 2026-12-10."""
    contrato = crear_contrato(gateway, escenario.cliente_id, "444555666")
    factura = crear_factura(gateway, contrato, "2026-11", date(2026, 12, 10), 70_000)
    reloj(datetime(2026, 12, 1, 9, tzinfo=tiempo_service.ZONA_BOGOTA))
    respuesta = client.post(
        "/api/contratos/444555666/cupones", json={}, headers=escenario.cabeceras["agente"]
    )
    assert respuesta.status_code == 201, respuesta.json
    cupon: dict[str, Any] = respuesta.json
    return factura, cupon
