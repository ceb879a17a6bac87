"""Publicación y suscripción de eventos entre procesos: Redis pub/sub si hay REDIS_URL; si no, en
el mismo proceso (colas en memoria).

Las suscripciones esperan con tiempo de espera (`siguiente(timeout)`): funciona igual con hilos
y con gevent (con gevent, las colas y los sockets de Redis ceden el control mientras esperan).
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any

registro = logging.getLogger("sac.eventos")
MAXIMO_EN_COLA = 1000


class Suscripcion:
    """Un suscriptor de un canal; `siguiente` devuelve el próximo mensaje o None al vencer."""

    def siguiente(self, timeout: float) -> str | None:
        raise NotImplementedError

    def cerrar(self) -> None:
        raise NotImplementedError


class EventosClient:
    nombre = "generico"

    def publicar(self, canal: str, mensaje: str) -> None:
        raise NotImplementedError

    def suscribir(self, canal: str) -> Suscripcion:
        raise NotImplementedError

    def entre_procesos(self) -> bool:
        """¿Un evento publicado en otro proceso llega a los suscriptores de este?"""
        return False


class _SuscripcionLocal(Suscripcion):
    def __init__(self, bus: EventosLocalClient, canal: str) -> None:
        self._bus = bus
        self.canal = canal
        self.cola: queue.Queue[str] = queue.Queue(maxsize=MAXIMO_EN_COLA)

    def siguiente(self, timeout: float) -> str | None:
        try:
            return self.cola.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return None

    def cerrar(self) -> None:
        self._bus._quitar(self)


class EventosLocalClient(EventosClient):
    """Entrega a los suscriptores del mismo proceso."""

    nombre = "local"

    def __init__(self) -> None:
        self._candado = threading.Lock()
        self._suscripciones: dict[str, list[_SuscripcionLocal]] = {}

    def publicar(self, canal: str, mensaje: str) -> None:
        with self._candado:
            destinatarios = list(self._suscripciones.get(canal, ()))
        for suscripcion in destinatarios:
            try:
                suscripcion.cola.put_nowait(mensaje)
            except queue.Full:
                registro.warning("Un suscriptor lento perdió un evento del canal %s.", canal)

    def suscribir(self, canal: str) -> Suscripcion:
        suscripcion = _SuscripcionLocal(self, canal)
        with self._candado:
            self._suscripciones.setdefault(canal, []).append(suscripcion)
        return suscripcion

    def _quitar(self, suscripcion: _SuscripcionLocal) -> None:
        with self._candado:
            lista = self._suscripciones.get(suscripcion.canal, [])
            if suscripcion in lista:
                lista.remove(suscripcion)


class _SuscripcionRedis(Suscripcion):
    def __init__(self, pubsub: Any) -> None:
        self._pubsub = pubsub

    def siguiente(self, timeout: float) -> str | None:
        mensaje = self._pubsub.get_message(ignore_subscribe_messages=True, timeout=max(timeout, 0))
        if not mensaje or mensaje.get("type") != "message":
            return None
        datos = mensaje["data"]
        return datos.decode("utf-8") if isinstance(datos, bytes) else str(datos)

    def cerrar(self) -> None:
        try:
            self._pubsub.close()
        except Exception:  # la conexión ya pudo caerse; cerrar no debe fallar
            registro.debug("Cierre de suscripción de Redis con error.")


class EventosRedisClient(EventosClient):
    """Redis pub/sub: un evento publicado por cualquier worker llega a todos los suscriptores."""

    nombre = "redis"

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)

    def publicar(self, canal: str, mensaje: str) -> None:
        self._redis.publish(canal, mensaje)

    def suscribir(self, canal: str) -> Suscripcion:
        pubsub = self._redis.pubsub()  # type: ignore[no-untyped-call]
        pubsub.subscribe(canal)
        # Espera la confirmación: lo publicado después de volver ya llega a esta suscripción.
        for _ in range(50):
            confirmacion = pubsub.get_message(timeout=0.1)
            if confirmacion and confirmacion.get("type") == "subscribe":
                break
        return _SuscripcionRedis(pubsub)

    def entre_procesos(self) -> bool:
        return True


def crear_eventos_client(config: dict[str, Any]) -> EventosClient:
    url = str(config.get("REDIS_URL") or "")
    return EventosRedisClient(url) if url else EventosLocalClient()
