"""`flask entregas simular`: envía pedidos como el script del cliente, con tiempo de espera,
reintentos que conservan el `pedido_id`, firma opcional y un resumen."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from clients.base_datos_client import BaseDatosClient
from clients.http_client import ErrorConexion, RespuestaHttp, enviar_json
from controllers.entregas.pedido_controller import referencia
from services.entregas import claves_service, simulador_service
from services.entregas.metricas_service import percentil
from services.tiempo_service import ahora_utc


@dataclass
class ResumenSimulacion:
    pedidos: int = 0
    registrados: int = 0
    duplicados: int = 0
    rechazados: int = 0
    fallidos: int = 0
    reintentos: int = 0
    unidades: int = 0
    total: Decimal = Decimal("0.00")
    latencias_ms: list[int] = field(default_factory=list)
    errores: list[str] = field(default_factory=list)

    def latencia(self) -> tuple[int | None, int | None, int | None]:
        ordenadas = sorted(self.latencias_ms)
        return (
            percentil(ordenadas, 0.5),
            percentil(ordenadas, 0.95),
            ordenadas[-1] if ordenadas else None,
        )


@dataclass(frozen=True)
class OpcionesSimulacion:
    url: str
    clave: str
    por_segundo: float
    duracion: float
    firmar: bool = False
    timeout: float = 5.0
    reintentos: int = 3
    semilla: int | None = None


Enviar = Callable[[str, bytes, dict[str, str], float], RespuestaHttp]


def _enviar_con_reintentos(
    opciones: OpcionesSimulacion,
    cuerpo: bytes,
    resumen: ResumenSimulacion,
    enviar: Enviar,
    dormir: Callable[[float], None],
) -> RespuestaHttp | None:
    """Envía el mismo cuerpo (mismo pedido_id) hasta `reintentos` veces más si no hubo
    respuesta, hubo 5xx o 429; cada intento lleva una firma nueva."""
    ultimo_error = ""
    for intento in range(opciones.reintentos + 1):
        if intento:
            resumen.reintentos += 1
        cabeceras = {"X-Api-Key": opciones.clave}
        if opciones.firmar:
            cabeceras["X-Firma"] = claves_service.cabecera_firma(
                opciones.clave, int(time.time()), cuerpo
            )
        try:
            respuesta = enviar(opciones.url, cuerpo, cabeceras, opciones.timeout)
        except ErrorConexion as error:
            ultimo_error = f"sin respuesta ({error})"
            dormir(min(2.0**intento * 0.5, 5.0))
            continue
        if respuesta.estado == 429 or respuesta.estado >= 500:
            ultimo_error = f"HTTP {respuesta.estado}"
            espera = respuesta.reintentar_en
            dormir(float(espera) if espera and espera.isdigit() else min(2.0**intento * 0.5, 5.0))
            continue
        return respuesta
    resumen.errores.append(
        f"Pedido sin registrar tras {opciones.reintentos + 1} intentos: {ultimo_error}"
    )
    return None


def simular(
    gateway: BaseDatosClient,
    opciones: OpcionesSimulacion,
    enviar: Enviar = enviar_json,
    dormir: Callable[[float], None] = time.sleep,
    al_enviar: Callable[[str], None] | None = None,
) -> ResumenSimulacion:
    actual = referencia(gateway)
    repartidores = sorted(actual.repartidores.values(), key=lambda r: r.id)
    productos = sorted(actual.productos.values(), key=lambda p: p.id)
    azar = random.Random(opciones.semilla)
    resumen = ResumenSimulacion()
    intervalo = 1.0 / opciones.por_segundo
    inicio = time.monotonic()
    while True:
        objetivo = inicio + resumen.pedidos * intervalo
        if objetivo - inicio >= opciones.duracion and resumen.pedidos:
            break
        pausa = objetivo - time.monotonic()
        if pausa > 0:
            dormir(pausa)
        pedido = simulador_service.pedido_aleatorio(azar, repartidores, productos, ahora_utc())
        cuerpo = simulador_service.cuerpo(pedido)
        resumen.pedidos += 1
        antes = time.monotonic()
        respuesta = _enviar_con_reintentos(opciones, cuerpo, resumen, enviar, dormir)
        if respuesta is None:
            resumen.fallidos += 1
            continue
        if respuesta.estado != 200:
            resumen.rechazados += 1
            resumen.errores.append(
                f"Pedido {pedido['pedido_id']}: HTTP {respuesta.estado} {respuesta.texto[:200]}"
            )
            continue
        resumen.latencias_ms.append(int((time.monotonic() - antes) * 1000))
        datos = json.loads(respuesta.texto, parse_float=Decimal)
        if datos.get("estado") == "duplicado":
            resumen.duplicados += 1
        else:
            resumen.registrados += 1
        resumen.unidades += int(datos.get("unidades", 0))
        resumen.total += Decimal(str(datos.get("total", "0")))
        if al_enviar:
            al_enviar(f"{pedido['pedido_id']}: {datos.get('estado')} ({datos.get('total')})")
    return resumen
