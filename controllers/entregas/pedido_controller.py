"""Registrar pedidos entregados (idempotente por `pedido_id`), los recientes y los eventos en vivo."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from clients.base_datos_client import BaseDatosClient
from clients.eventos_client import EventosClient
from errores import Conflicto
from models.entregas import LineaPedido, Pedido, ProductoEntrega, Repartidor
from services.entregas.ingesta_service import (
    PedidoEntrante,
    ProductoReferencia,
    RepartidorReferencia,
    dinero,
    interpretar_pedido,
)
from services.tiempo_service import a_bogota, ahora_utc

registro = logging.getLogger("sac.entregas")
# Los datos de referencia cambian rara vez (una migración): se releen cada tanto, no por petición.
SEGUNDOS_REFERENCIA = 30.0
MAXIMO_REANUDACION = 1000


@dataclass(frozen=True)
class Referencia:
    repartidores: dict[int, RepartidorReferencia]
    productos: dict[str, ProductoReferencia]


@dataclass(frozen=True)
class Resultado:
    pedido_id: str
    estado: str  # registrado | duplicado
    unidades: int
    total: str
    evento: dict[str, Any] | None = None  # solo al registrar

    def respuesta(self) -> dict[str, Any]:
        return {
            "pedido_id": self.pedido_id,
            "estado": self.estado,
            "unidades": self.unidades,
            "total": self.total,
        }


_cache: dict[int, tuple[float, Referencia]] = {}
_candado = threading.Lock()


def referencia(gateway: BaseDatosClient) -> Referencia:
    """Repartidores y productos de referencia (en memoria por unos segundos)."""
    ahora = time.monotonic()
    with _candado:
        guardada = _cache.get(id(gateway))
    if guardada and ahora - guardada[0] < SEGUNDOS_REFERENCIA:
        return guardada[1]
    with gateway.session_scope() as sesion:
        nueva = Referencia(
            {
                r.id: RepartidorReferencia(r.id, r.nombre, r.activo)
                for r in sesion.scalars(select(Repartidor))
            },
            {
                p.id: ProductoReferencia(p.id, p.nombre, p.precio)
                for p in sesion.scalars(select(ProductoEntrega))
            },
        )
    with _candado:
        _cache[id(gateway)] = (ahora, nueva)
    return nueva


def olvidar_referencia() -> None:
    """Descarta la copia en memoria (tras cambiar repartidores o productos)."""
    with _candado:
        _cache.clear()


def interpretar(gateway: BaseDatosClient, datos: Any) -> PedidoEntrante:
    actual = referencia(gateway)
    return interpretar_pedido(datos, actual.repartidores, actual.productos)


def evento_de(pedido: Pedido) -> dict[str, Any]:
    """Los datos del evento `entrega` del monitor (su `id` es el del pedido)."""
    return {
        "id": pedido.id,
        "pedido_id": pedido.pedido_id,
        "id_repartidor": pedido.repartidor_id,
        "unidades": pedido.unidades,
        "total": dinero(pedido.total),
        "entregado_en": a_bogota(pedido.entregado_en).isoformat(),
        "registrado_en": a_bogota(pedido.registrado_en).isoformat(),
    }


def _ya_registrado(gateway: BaseDatosClient, pedido: PedidoEntrante) -> Resultado | None:
    with gateway.session_scope() as sesion:
        fila = sesion.execute(
            select(Pedido.huella, Pedido.unidades, Pedido.total).where(
                Pedido.pedido_id == pedido.pedido_id
            )
        ).first()
    if fila is None:
        return None
    if fila.huella != pedido.huella():
        raise Conflicto(
            f"El pedido {pedido.pedido_id} ya se registró con otro contenido.",
            {"pedido_id": pedido.pedido_id},
        )
    return Resultado(pedido.pedido_id, "duplicado", fila.unidades, dinero(fila.total))


def registrar(
    gateway: BaseDatosClient, pedido: PedidoEntrante, dispositivo_id: int | None
) -> Resultado:
    """Guarda el pedido una sola vez: un reintento idéntico es `duplicado`; otro contenido, 409."""
    previo = _ya_registrado(gateway, pedido)
    if previo is not None:
        return previo
    try:
        with gateway.session_scope() as sesion:
            fila = Pedido(
                pedido_id=pedido.pedido_id,
                repartidor_id=pedido.repartidor_id,
                dispositivo_id=dispositivo_id,
                unidades=pedido.unidades,
                total=pedido.total,
                huella=pedido.huella(),
                entregado_en=pedido.entregado_en,
                registrado_en=ahora_utc(),
                lineas=[
                    LineaPedido(producto_id=x.producto_id, cantidad=x.cantidad, precio=x.precio)
                    for x in pedido.lineas
                ],
            )
            sesion.add(fila)
            sesion.flush()
            evento = evento_de(fila)
    except IntegrityError:
        # Dos peticiones con el mismo pedido a la vez: la otra ganó.
        previo = _ya_registrado(gateway, pedido)
        if previo is None:
            raise
        return previo
    return Resultado(pedido.pedido_id, "registrado", pedido.unidades, dinero(pedido.total), evento)


def publicar(eventos: EventosClient, canal: str, evento: dict[str, Any]) -> None:
    """Avisa a los monitores abiertos; si falla, el pedido ya quedó (se recupera al reanudar)."""
    try:
        eventos.publicar(canal, json.dumps(evento, ensure_ascii=False))
    except Exception:
        registro.warning("No se pudo publicar el evento del pedido %s.", evento.get("id"))


def _publico(pedido: Pedido, nombres: dict[int, str], productos: dict[str, str]) -> dict[str, Any]:
    return {
        "pedido_id": pedido.pedido_id,
        "repartidor": {
            "id_repartidor": pedido.repartidor_id,
            "nombre": nombres.get(pedido.repartidor_id, ""),
        },
        "lineas": [
            {
                "id_producto": linea.producto_id,
                "producto": productos.get(linea.producto_id, ""),
                "cantidad": linea.cantidad,
                "precio": dinero(linea.precio),
            }
            for linea in pedido.lineas
        ],
        "unidades": pedido.unidades,
        "total": dinero(pedido.total),
        "entregado_en": a_bogota(pedido.entregado_en).isoformat(),
        "registrado_en": a_bogota(pedido.registrado_en).isoformat(),
    }


def recientes(gateway: BaseDatosClient, limite: int) -> dict[str, Any]:
    """Los últimos pedidos registrados, el más reciente primero."""
    actual = referencia(gateway)
    nombres = {i: r.nombre for i, r in actual.repartidores.items()}
    productos = {i: p.nombre for i, p in actual.productos.items()}
    with gateway.session_scope() as sesion:
        filas = sesion.scalars(
            select(Pedido).order_by(Pedido.registrado_en.desc(), Pedido.id.desc()).limit(limite)
        ).all()
        # Es una parte (las últimas `limite`): se dice de cuántas, nada se corta en silencio.
        total = sesion.scalar(select(func.count(Pedido.id))) or 0
        return {
            "entregas": [_publico(fila, nombres, productos) for fila in filas],
            "total": total,
            "truncado": total > len(filas),
        }


def eventos_despues_de(gateway: BaseDatosClient, ultimo: int) -> list[dict[str, Any]]:
    """Los eventos de los pedidos registrados después del id `ultimo` (reanudación)."""
    with gateway.session_scope() as sesion:
        filas = sesion.scalars(
            select(Pedido).where(Pedido.id > ultimo).order_by(Pedido.id).limit(MAXIMO_REANUDACION)
        ).all()
        return [evento_de(fila) for fila in filas]


def ultimo_id(gateway: BaseDatosClient) -> int:
    with gateway.session_scope() as sesion:
        return sesion.scalar(select(Pedido.id).order_by(Pedido.id.desc()).limit(1)) or 0


def _sse(evento: dict[str, Any]) -> str:
    datos = {clave: valor for clave, valor in evento.items() if clave != "id"}
    return f"event: entrega\nid: {evento['id']}\ndata: {json.dumps(datos, ensure_ascii=False)}\n\n"


class _Vigia:
    """Sin pub/sub entre procesos, un solo hilo por proceso y canal mira el último id de pedido cada
    `sondeo` segundos mientras haya monitores abiertos, y avisa en el bus local cuando crece: lo
    que registró otro worker llega a todos los monitores de este proceso con una sola consulta
    trivial por intervalo, sin importar cuántos monitores haya abiertos."""

    def __init__(
        self, gateway: BaseDatosClient, eventos: EventosClient, canal: str, sondeo: float
    ) -> None:
        self.gateway, self.eventos, self.canal, self.sondeo = gateway, eventos, canal, sondeo
        self.abiertos = 0
        self.hilo = threading.Thread(target=self._vigilar, name="vigia-entregas", daemon=True)

    def _vigilar(self) -> None:
        visto: int | None = None
        while True:
            with _CANDADO_VIGIAS:
                if self.abiertos <= 0:
                    return
            try:
                actual: int | None = ultimo_id(self.gateway)
            except Exception:  # la base puede fallar un momento; el vigía sigue
                registro.warning("El vigía de entregas no pudo leer el último pedido.")
                actual = visto
            if visto is not None and actual is not None and actual > visto:
                self.eventos.publicar(self.canal, json.dumps({"aviso": actual}))
            visto = actual
            time.sleep(self.sondeo)


_CANDADO_VIGIAS = threading.Lock()
# Mientras un vigía está aquí retiene su gateway, así que su id no se puede reutilizar.
_VIGIAS: dict[tuple[int, int, str], _Vigia] = {}


def _entrar_al_vigia(
    gateway: BaseDatosClient, eventos: EventosClient, canal: str, sondeo: float
) -> _Vigia:
    with _CANDADO_VIGIAS:
        clave = (id(gateway), id(eventos), canal)
        vigia = _VIGIAS.get(clave)
        if vigia is None:
            vigia = _VIGIAS[clave] = _Vigia(gateway, eventos, canal, sondeo)
            vigia.abiertos = 1
            vigia.hilo.start()
        else:
            vigia.abiertos += 1
        return vigia


def _salir_del_vigia(vigia: _Vigia) -> None:
    with _CANDADO_VIGIAS:
        vigia.abiertos -= 1
        clave = (id(vigia.gateway), id(vigia.eventos), vigia.canal)
        if vigia.abiertos <= 0 and _VIGIAS.get(clave) is vigia:
            del _VIGIAS[clave]


def flujo_eventos(
    gateway: BaseDatosClient,
    eventos: EventosClient,
    canal: str,
    ultimo: int | None,
    latido: float,
    sondeo: float,
    duracion_maxima: float = 0,
) -> Iterator[str]:
    """Texto `text/event-stream`: un evento `entrega` por pedido registrado, un latido
    (`: latido`) cuando pasan `latido` segundos sin eventos, y, con `ultimo` (Last-Event-ID), lo
    registrado después de ese id. Sin pub/sub entre procesos, el vigía del proceso consulta la
    base cada `sondeo` segundos y avisa (así llega lo que registró otro worker). Espera en la
    suscripción, nunca con una conexión a la base abierta. Con `duracion_maxima` (> 0) el flujo
    termina a los tantos segundos: el navegador reconecta solo con `Last-Event-ID` y no pierde
    nada."""
    suscripcion = eventos.suscribir(canal)
    vigia = None if eventos.entre_procesos() else _entrar_al_vigia(gateway, eventos, canal, sondeo)
    try:
        enviado = ultimo if ultimo is not None else ultimo_id(gateway)
        yield "retry: 3000\n: conectado\n\n"
        if ultimo is not None:
            for evento in eventos_despues_de(gateway, ultimo):
                enviado = max(enviado, int(evento["id"]))
                yield _sse(evento)
        ultimo_envio = time.monotonic()
        fin = time.monotonic() + duracion_maxima if duracion_maxima > 0 else float("inf")
        while time.monotonic() < fin:
            ahora = time.monotonic()
            espera = min(latido - (ahora - ultimo_envio), fin - ahora)
            mensaje = suscripcion.siguiente(timeout=max(espera, 0.0))
            pendientes: list[dict[str, Any]] = []
            if mensaje is not None and eventos.entre_procesos():
                pendientes.append(json.loads(mensaje))
            elif mensaje is not None:
                # En proceso: el aviso (del registro o del vigía) lleva a leer de la base todo lo
                # nuevo, en orden, incluido lo que registraron otros workers.
                pendientes.extend(eventos_despues_de(gateway, enviado))
            for evento in pendientes:
                if int(evento["id"]) <= enviado:
                    continue  # ya enviado (reanudación o aviso repetido)
                enviado = int(evento["id"])
                ultimo_envio = time.monotonic()
                yield _sse(evento)
            if time.monotonic() - ultimo_envio >= latido:
                ultimo_envio = time.monotonic()
                yield ": latido\n\n"
    finally:
        if vigia:
            _salir_del_vigia(vigia)
        suscripcion.cerrar()
