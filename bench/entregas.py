"""M8 Entregas: ingesta sostenida, del registro al monitor (SSE) y la consulta del SAC con monitores.

`python -m bench.entregas` (o `python -m bench entregas`; también lo corre `make bench`). Por cada
motor de `BENCH_ENTREGAS_MOTORES` (por defecto `sqlite,postgresql`; PostgreSQL en
`SAC_PRUEBAS_POSTGRESQL`, en una base nueva que se borra al terminar):

1. Base nueva con las migraciones y la demostración (`flask seed --clientes 2000`, como
   `bench/modelo_servidor.sh`), `DISPOSITIVOS` claves de dispositivo (la primera con
   `flask entregas dispositivo crear`; las demás con el mismo controlador, en proceso) y gunicorn
   con `gunicorn.conf.py` en `APP_ENV=production`.
2. **Ingesta a 1×, 6× y 12× la semilla** (el script de Cargo Express: un pedido cada 5 s): pedidos
   con la forma del script (`services/entregas/simulador_service`) a ritmo fijo (carga abierta: cada
   pedido sale a su hora aunque el anterior no haya respondido), cada uno en una conexión nueva como
   `requests.post` y con la cabecera `X-Api-Key`; latencia HTTP p50/p99 y, con un monitor abierto
   (`GET /api/entregas/eventos`), el tiempo desde que sale el POST hasta que su evento llega al
   monitor (meta p99 ≤ 1 s a 12×). Cada ritmo dura `BENCH_ENTREGAS_SEGUNDOS` (30) y al menos
   `PEDIDOS_MINIMOS` pedidos.
3. **La tasa más alta**: `wrk` (`bench/pedidos.lua`) con 16 conexiones keep-alive durante 15 s,
   pedidos distintos repartidos entre las claves (cada una por debajo de `LIMITE_INGESTA`).
4. **Otras formas de avisar al monitor**, a 12×: sin Redis el evento que registra otro worker llega
   cuando el vigía del proceso lo ve en la base (`ENTREGAS_SONDEO_MS`, 250 ms, una consulta por
   worker y no por monitor); se mide también con un vigía cada 2 s y con `REDIS_URL`
   (`SAC_PRUEBAS_REDIS`, canal propio de la corrida) si Redis responde.
5. **Consulta del SAC con 50 monitores abiertos y sin ninguno**, en el mismo servidor: `wrk` con
   `bench/buscar.lua` (como la consulta de `make bench`), 3 pares sin / con `MONITORES` abiertos en
   orden alterno; la razón con / sin es la mediana de los pares (meta ≥ 0,90). Como `make run` (un
   vigía por worker consulta la base cada 250 ms) y, si Redis responde, con `REDIS_URL` (no consultan). Se
   anota cuántas conexiones atiende cada worker con los monitores abiertos (cada una ocupa un hilo
   de gthread).

`python -m bench.entregas hilos [32,128] [6]`: el experimento que fijó `threads` en
`gunicorn.conf.py` (rondas de 50 monitores abiertos y la consulta del SAC, con cada cantidad de
hilos por worker; solo SQLite).

Imprime las cifras y su razón frente a cada meta y escribe `bench/resultados/<fecha>_entregas_<commit>.json`
con el commit, `arbol_limpio` y la carga de la máquina (`uptime`) al empezar y al terminar.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import shutil
import socket
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.carga import HILOS_WRK, carga_concurrente, percentiles
from bench.entorno import (
    RAIZ,
    RAIZ_BENCH,
    configuracion_gunicorn,
    ejecutar,
    entorno_app,
    entorno_produccion,
)
from bench.planes import avisar_si_sucio, estado_git, guardar_resultados, maquina
from bench.servidor import APP_PROYECTO, Servidor, iniciar_sesion, servidor
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

CARPETA_DATOS = RAIZ_BENCH / ".datos"
CARPETA_RESULTADOS = RAIZ_BENCH / "resultados"
POSTGRESQL = os.environ.get(
    "SAC_PRUEBAS_POSTGRESQL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS = os.environ.get("SAC_PRUEBAS_REDIS", "redis://127.0.0.1:6379/15")

SEMILLA_POR_SEGUNDO = 0.2  # seed 002: el script de Cargo Express envía un pedido cada 5 s
MULTIPLOS = (1, 6, 12)  # hoy, +500 % el próximo año (×6) y el doble al siguiente (×12)
PEDIDOS_MINIMOS = 12
DISPOSITIVOS = 40  # 40 × 30 pedidos/s por clave: el límite por dispositivo no frena la tasa máxima
PEDIDOS_WRK = 40_000
SEGUNDOS_WRK = 15
MONITORES = 50
SEGUNDOS_CONSULTA = 8
RONDAS_CONSULTA = 3
ESPERA_MONITORES = 20.0
ESPERA_EVENTOS = 6.0  # tras el último pedido, para que lleguen sus eventos
META_EVENTO_P99_MS = 1000.0
META_CONSULTA_CON_MONITORES = 0.90
RUTA_INGESTA = "/registrar_pedido_entregado"
USUARIO_AGENTE = ("agente", "Agente-Demo-2026")
USUARIO_MONITOR = ("monitor", "Monitor-Demo-2026")


def carga_maquina() -> list[float]:
    """Carga promedio a 1, 5 y 15 minutos (lo que muestra `uptime`): la máquina es compartida."""
    return [round(carga, 2) for carga in os.getloadavg()]


def ritmo(multiplo: int) -> float:
    """Pedidos por segundo a `multiplo` veces la carga de la semilla."""
    return SEMILLA_POR_SEGUNDO * multiplo


def cantidad_pedidos(por_segundo: float, segundos: float) -> int:
    """Pedidos de una fase: `segundos` al ritmo dado, y nunca menos de `PEDIDOS_MINIMOS`."""
    return max(PEDIDOS_MINIMOS, round(por_segundo * segundos))


def tasa_lograda(inicios: list[float], finales: list[float]) -> float:
    """Pedidos respondidos por segundo entre el primer envío y la última respuesta."""
    if len(finales) < 2:
        return float("nan")
    return round(len(finales) / (max(finales) - min(inicios)), 3)


def latencias_evento(envios: dict[str, float], llegadas: dict[str, float]) -> dict[str, Any]:
    """Milisegundos desde que sale cada POST hasta que su evento llega al monitor."""
    tiempos = [(llegadas[p] - inicio) * 1000 for p, inicio in envios.items() if p in llegadas]
    resultado: dict[str, Any] = {"eventos": len(tiempos), "perdidos": len(envios) - len(tiempos)}
    if len(tiempos) >= 2:
        resultado.update(percentiles(tiempos))
        resultado["max_ms"] = round(max(tiempos), 3)
    return resultado


def razon(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


# --- Base de datos por motor -------------------------------------------------------------------


@contextmanager
def base_de_datos(motor: str, carpeta: Path) -> Iterator[dict[str, str]]:
    """Variables de una base nueva y exclusiva de la corrida: archivo SQLite o base en PostgreSQL."""
    archivo = carpeta / "entregas.db"
    if motor == "sqlite":
        yield {"SQLITE_PATH": str(archivo)}
        return
    if motor != "postgresql":
        raise ValueError(f"Motor no medido: {motor} (sqlite o postgresql)")
    from sqlalchemy import create_engine, text

    administracion = create_engine(POSTGRESQL, isolation_level="AUTOCOMMIT")
    nombre = f"sac_bench_entregas_{uuid.uuid4().hex[:10]}"
    with administracion.connect() as conexion:
        conexion.execute(text(f"CREATE DATABASE {nombre}"))
    url = administracion.url.set(database=nombre).render_as_string(hide_password=False)
    try:
        yield {"SQLITE_PATH": str(archivo), "DATABASE_URL": url}
    finally:
        with administracion.connect() as conexion:
            conexion.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :nombre AND pid <> pg_backend_pid()"
                ),
                {"nombre": nombre},
            )
            conexion.execute(text(f"DROP DATABASE IF EXISTS {nombre}"))
        administracion.dispose()


@dataclass
class Preparada:
    """Base migrada y sembrada, claves de dispositivo, referencia y documentos de la consulta."""

    variables: dict[str, str]
    claves: list[str]
    repartidores: list[Any]
    productos: list[Any]
    documentos: Path


def preparar(variables: dict[str, str], carpeta: Path) -> Preparada:
    base = Path(variables["SQLITE_PATH"])
    desarrollo = entorno_app(base, **variables)
    ejecutar(["flask", "--app", "app", "db", "upgrade"], desarrollo, silencioso=True)
    ejecutar(["flask", "--app", "app", "seed", "--clientes", "2000"], desarrollo, silencioso=True)
    # La primera clave por la CLI documentada (la clave es la última línea de su salida).
    salida = ejecutar(
        ["flask", "--app", "app", "entregas", "dispositivo", "crear", "--nombre", "bench-0"],
        desarrollo,
        silencioso=True,
    ).salida
    claves = [salida.strip().splitlines()[-1]]
    from app import create_app
    from controllers.auditoria_controller import ContextoAuditoria
    from controllers.entregas import dispositivo_controller, pedido_controller
    from services.demo_service import CLIENTES_DEMO

    configuracion = {"DATABASE_URL": variables.get("DATABASE_URL", ""), "SQLITE_PATH": str(base)}
    app = create_app({**configuracion, "DB_CLIENT": "sqlite", "APP_ENV": "development"})
    pasarela = app.extensions["sac_db"]
    contexto = ContextoAuditoria(None, "bench", app.config["SECRET_KEY"])
    for numero in range(1, DISPOSITIVOS):
        claves.append(
            dispositivo_controller.crear(
                pasarela, f"bench-{numero}", False, app.config["SECRET_KEY"], contexto
            )
        )
    referencia = pedido_controller.referencia(pasarela)
    pasarela.dispose()
    documentos = carpeta / "documentos.txt"
    documentos.write_text("".join(f"{c.tipo} {c.numero}\n" for c in CLIENTES_DEMO))
    return Preparada(
        variables,
        claves,
        list(referencia.repartidores.values()),
        list(referencia.productos.values()),
        documentos,
    )


# --- Clientes: el script del dispositivo y el monitor ------------------------------------------


class Monitor(threading.Thread):
    """Un monitor abierto: `GET /api/entregas/eventos` y la hora de llegada de cada pedido."""

    def __init__(self, puerto: int, token: str) -> None:
        super().__init__(daemon=True)
        self.puerto = puerto
        self.token = token
        self.conectado = threading.Event()
        self.llegadas: dict[str, float] = {}
        self.error: str | None = None
        self._zocalo: socket.socket | None = None
        self._cerrando = False

    def run(self) -> None:
        conexion = http.client.HTTPConnection("127.0.0.1", self.puerto, timeout=60)
        try:
            conexion.connect()
            self._zocalo = conexion.sock
            conexion.request(
                "GET",
                "/api/entregas/eventos",
                headers={"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"},
            )
            respuesta = conexion.getresponse()
            if respuesta.status != 200:
                self.error = f"eventos respondió {respuesta.status}"
                return
            for linea in iter(respuesta.readline, b""):
                if linea.startswith(b": conectado"):
                    self.conectado.set()
                elif linea.startswith(b"data:"):
                    momento = time.perf_counter()
                    self.llegadas[json.loads(linea[5:])["pedido_id"]] = momento
        except (OSError, http.client.HTTPException, ValueError) as error:
            if not self._cerrando:
                self.error = f"{type(error).__name__}: {error}"
        finally:
            self.conectado.set()
            conexion.close()

    def cerrar(self) -> None:
        self._cerrando = True
        if self._zocalo is not None:
            with suppress(OSError):
                self._zocalo.shutdown(socket.SHUT_RDWR)
        self.join(timeout=10)


@contextmanager
def monitores(
    puerto: int, token: str, cantidad: int, exigir: bool = True
) -> Iterator[list[Monitor]]:
    """`cantidad` monitores abiertos (espera hasta `ESPERA_MONITORES` s a que cada uno reciba
    `: conectado`). Con `exigir=False` sigue aunque alguno no abra: lo que se mide es justamente si
    abren (un worker sin hilos libres deja la conexión en su cola sin atenderla)."""
    abiertos = [Monitor(puerto, token) for _ in range(cantidad)]
    try:
        for monitor in abiertos:
            monitor.start()
        limite = time.monotonic() + ESPERA_MONITORES
        for monitor in abiertos:
            monitor.conectado.wait(timeout=max(limite - time.monotonic(), 0.01))
        fallidos = [
            m.error or "sin conectar" for m in abiertos if m.error or not m.conectado.is_set()
        ]
        if fallidos and exigir:
            raise RuntimeError(f"{len(fallidos)} monitores no abrieron: {fallidos[:3]}")
        yield abiertos
    finally:
        for monitor in abiertos:
            monitor.cerrar()


@dataclass
class Envio:
    pedido_id: str
    estado: int = 0
    inicio: float = 0.0
    fin: float = 0.0
    error: str = ""


def enviar_pedido(puerto: int, clave: str, pedido: dict[str, Any]) -> Envio:
    """Como el script del cliente (`requests.post(URL, json=datos)`): una conexión nueva por pedido,
    el JSON de `requests` y la única cabecera agregada, `X-Api-Key`."""
    from services.entregas.simulador_service import cuerpo

    envio = Envio(pedido["pedido_id"])
    datos = cuerpo(pedido)
    conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=30)
    try:
        envio.inicio = time.perf_counter()
        conexion.request(
            "POST",
            RUTA_INGESTA,
            body=datos,
            headers={"Content-Type": "application/json", "X-Api-Key": clave},
        )
        respuesta = conexion.getresponse()
        respuesta.read()
        envio.estado = respuesta.status
    except (OSError, http.client.HTTPException) as error:
        envio.error = f"{type(error).__name__}: {error}"
    finally:
        envio.fin = time.perf_counter()
        conexion.close()
    return envio


@dataclass
class Generador:
    """Pedidos al azar con la forma del script, con claves de dispositivo en turno."""

    preparada: Preparada
    azar: random.Random = field(default_factory=lambda: random.Random(8))
    enviados: int = 0

    def siguiente(self) -> tuple[str, dict[str, Any]]:
        from services.entregas.simulador_service import pedido_aleatorio
        from services.tiempo_service import ahora_utc

        pedido = pedido_aleatorio(
            self.azar, self.preparada.repartidores, self.preparada.productos, ahora_utc()
        )
        clave = self.preparada.claves[self.enviados % len(self.preparada.claves)]
        self.enviados += 1
        return clave, pedido


def ingesta_a_ritmo(
    activo: Servidor, generador: Generador, por_segundo: float, segundos: float
) -> dict[str, Any]:
    """Carga abierta: `cantidad_pedidos` pedidos, cada uno a su hora (i / ritmo), con un monitor
    abierto que anota cuándo llega el evento de cada uno."""
    cantidad = cantidad_pedidos(por_segundo, segundos)
    token = _token_monitor(activo)
    with monitores(activo.puerto, token, 1) as (monitor,), ThreadPoolExecutor(32) as hilos:
        futuros = []
        inicio = time.perf_counter() + 0.2
        for numero in range(cantidad):
            clave, pedido = generador.siguiente()
            espera = inicio + numero / por_segundo - time.perf_counter()
            if espera > 0:
                time.sleep(espera)
            futuros.append(hilos.submit(enviar_pedido, activo.puerto, clave, pedido))
        envios = [futuro.result() for futuro in futuros]
        ok = {e.pedido_id: e.inicio for e in envios if e.estado == 200}
        limite = time.monotonic() + ESPERA_EVENTOS
        while time.monotonic() < limite and not set(ok) <= set(monitor.llegadas):
            time.sleep(0.05)
        llegadas = dict(monitor.llegadas)
    errores: dict[str, int] = {}
    for envio in envios:
        if envio.estado != 200:
            motivo = envio.error or str(envio.estado)
            errores[motivo] = errores.get(motivo, 0) + 1
    http_ms = [(e.fin - e.inicio) * 1000 for e in envios if e.estado == 200]
    return {
        "objetivo_por_segundo": round(por_segundo, 3),
        "pedidos": cantidad,
        "registrados": len(ok),
        "errores": errores,
        "logrado_por_segundo": tasa_lograda(
            [e.inicio for e in envios], [e.fin for e in envios if e.estado == 200]
        ),
        "http": {**percentiles(http_ms), "max_ms": round(max(http_ms), 3)} if http_ms else {},
        "evento": latencias_evento(ok, llegadas),
    }


_tokens: dict[int, str] = {}


def _token_monitor(activo: Servidor) -> str:
    """Un inicio de sesión del monitor por servidor (el límite por usuario es de 5 cada 5 min)."""
    if activo.pid not in _tokens:
        _tokens[activo.pid] = iniciar_sesion(activo, *USUARIO_MONITOR)
    return _tokens[activo.pid]


def ingesta_maxima(activo: Servidor, generador: Generador, carpeta: Path) -> dict[str, Any]:
    """`wrk` con 16 conexiones keep-alive durante 15 s: pedidos distintos, claves en turno."""
    from services.entregas.simulador_service import cuerpo

    archivo = carpeta / "pedidos.txt"
    with archivo.open("w") as salida:
        for _ in range(PEDIDOS_WRK):
            clave, pedido = generador.siguiente()
            salida.write(f"{clave}\t{cuerpo(pedido).decode()}\n")
    medida = carga_concurrente(
        activo,
        "",
        archivo,
        segundos=SEGUNDOS_WRK,
        guion="pedidos.lua",
        argumentos=(str(HILOS_WRK),),
    )
    medida["pedidos_distintos"] = medida["peticiones"] <= PEDIDOS_WRK
    return medida


def consulta_con_monitores(activo: Servidor, documentos: Path) -> dict[str, Any]:
    """La consulta del SAC (wrk, `bench/buscar.lua`) sin monitores y con `MONITORES` abiertos, en
    `RONDAS_CONSULTA` pares de orden alterno; la razón (con / sin) se calcula por par y se informa
    su mediana con mínimo y máximo, como las rondas emparejadas de `make bench`."""
    token = iniciar_sesion(activo, *USUARIO_AGENTE)
    carga_concurrente(activo, token, documentos, segundos=3)  # calentamiento
    pares: list[dict[str, Any]] = []
    for ronda in range(RONDAS_CONSULTA):
        par: dict[str, Any] = {}
        for lado in ("sin", "con") if ronda % 2 == 0 else ("con", "sin"):
            if lado == "sin":
                par["sin"] = carga_concurrente(
                    activo, token, documentos, segundos=SEGUNDOS_CONSULTA
                )
                continue
            with monitores(
                activo.puerto, _token_monitor(activo), MONITORES, exigir=False
            ) as abiertos:
                time.sleep(1)
                par["conexiones_por_worker"] = activo.conexiones_por_worker()
                par["monitores_sin_abrir"] = sum(
                    not m.conectado.is_set() or bool(m.error) for m in abiertos
                )
                par["con"] = carga_concurrente(
                    activo, token, documentos, segundos=SEGUNDOS_CONSULTA
                )
        par["razon"] = razon(
            par["con"]["peticiones_por_segundo"], par["sin"]["peticiones_por_segundo"]
        )
        pares.append(par)
    razones = [par["razon"] for par in pares]
    return {
        "monitores": MONITORES,
        "monitores_sin_abrir": max(par["monitores_sin_abrir"] for par in pares),
        "conexiones_por_worker_con_monitores": [par["conexiones_por_worker"] for par in pares],
        "sin_monitores_por_segundo": [par["sin"]["peticiones_por_segundo"] for par in pares],
        "con_monitores_por_segundo": [par["con"]["peticiones_por_segundo"] for par in pares],
        "con_monitores_p99_ms": [par["con"]["p99_ms"] for par in pares],
        "sin_monitores_p99_ms": [par["sin"]["p99_ms"] for par in pares],
        "errores": sum(par["con"]["errores"] + par["sin"]["errores"] for par in pares),
        "razon": statistics.median(razones),
        "razon_minima": min(razones),
        "razon_maxima": max(razones),
        "pares": pares,
    }


def _redis_responde() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping())
    except Exception:  # cualquier falla: se omite la medida con Redis
        return False


def variantes_eventos() -> list[tuple[str, dict[str, str]]]:
    """Otras formas de llevar el evento a los monitores, medidas a 12×: sin Redis el evento que
    registra otro worker llega cuando el vigía del proceso lo ve en la base (`ENTREGAS_SONDEO_MS`);
    se compara con un vigía cada 2 s (el intervalo de la versión anterior, que consultaba por monitor)."""
    variantes = [("vigía cada 2 s", {"ENTREGAS_SONDEO_MS": "2000"})]
    if _redis_responde():
        canal = f"sac:bench:{uuid.uuid4()}"  # propio: otras pruebas pueden usar el mismo Redis
        variantes.append(("Redis", {"REDIS_URL": REDIS, "ENTREGAS_CANAL_EVENTOS": canal}))
    return variantes


def medir_motor(motor: str, carpeta: Path) -> dict[str, Any]:
    carpeta.mkdir(parents=True, exist_ok=True)
    segundos = float(os.environ.get("BENCH_ENTREGAS_SEGUNDOS", "30"))
    resultado: dict[str, Any] = {"motor": motor}
    with base_de_datos(motor, carpeta) as variables:
        print(f"  entregas ({motor}): base, semilla y {DISPOSITIVOS} claves...", flush=True)
        preparada = preparar(variables, carpeta)
        generador = Generador(preparada)
        base = Path(variables["SQLITE_PATH"])
        extra = {k: v for k, v in variables.items() if k != "SQLITE_PATH"}
        registro = carpeta / "gunicorn.log"
        with servidor(APP_PROYECTO, entorno_produccion(base, **extra), registro) as activo:
            resultado["ritmos"] = {}
            for multiplo in MULTIPLOS:
                print(f"  entregas ({motor}): {multiplo}× la semilla...", flush=True)
                resultado["ritmos"][f"{multiplo}x"] = ingesta_a_ritmo(
                    activo, generador, ritmo(multiplo), segundos
                )
            print(f"  entregas ({motor}): tasa máxima (wrk)...", flush=True)
            resultado["maxima"] = ingesta_maxima(activo, generador, carpeta)
            print(f"  entregas ({motor}): consulta del SAC con y sin monitores...", flush=True)
            resultado["consulta"] = consulta_con_monitores(activo, preparada.documentos)
        resultado["eventos_12x"] = {}
        for nombre, variables_servidor in variantes_eventos():
            print(f"  entregas ({motor}): 12× con {nombre}...", flush=True)
            entorno = entorno_produccion(base, **extra, **variables_servidor)
            with servidor(APP_PROYECTO, entorno, registro) as activo:
                resultado["eventos_12x"][nombre] = ingesta_a_ritmo(
                    activo, generador, ritmo(MULTIPLOS[-1]), segundos
                )
                if "REDIS_URL" in variables_servidor:
                    # Con Redis no hay vigía que consulte la base: ¿cambia la consulta?
                    print(f"  entregas ({motor}): consulta con monitores, con Redis...", flush=True)
                    resultado["consulta_redis"] = consulta_con_monitores(
                        activo, preparada.documentos
                    )
    return resultado


def medir_entregas(carpeta: Path) -> dict[str, Any]:
    """Todas las medidas de M8 en cada motor de `BENCH_ENTREGAS_MOTORES`."""
    nombres = os.environ.get("BENCH_ENTREGAS_MOTORES", "sqlite,postgresql")
    medida: dict[str, Any] = {
        "semilla_por_segundo": SEMILLA_POR_SEGUNDO,
        "carga_maquina_al_empezar": carga_maquina(),
        "motores": {},
    }
    for motor in (n.strip() for n in nombres.split(",") if n.strip()):
        medida["motores"][motor] = medir_motor(motor, carpeta / motor)
    medida["carga_maquina_al_terminar"] = carga_maquina()
    medida["metas"] = metas(medida)
    return medida


def metas(medida: dict[str, Any]) -> list[dict[str, Any]]:
    """Cada meta con su cifra y su razón: p99 POST→evento a 12× y consulta con monitores."""
    filas = []
    for motor, datos in medida["motores"].items():
        variantes: list[tuple[str, dict[str, Any] | None]] = [
            ("vigía de 250 ms (como make run)", datos["ritmos"][f"{MULTIPLOS[-1]}x"]),
            *datos["eventos_12x"].items(),
        ]
        for nombre, fase in variantes:
            p99 = (fase or {}).get("evento", {}).get("p99_ms")
            if p99 is None:
                continue
            filas.append(
                {
                    "meta": f"{motor}, {nombre}: p99 POST → evento a 12× ≤ 1 s",
                    "cifra_ms": p99,
                    "razon": razon(p99, META_EVENTO_P99_MS),
                    "cumple": p99 <= META_EVENTO_P99_MS
                    and not fase["evento"]["perdidos"]  # type: ignore[index]
                    and not fase["errores"],  # type: ignore[index]
                }
            )
        for nombre, clave in (("vigía de 250 ms", "consulta"), ("Redis", "consulta_redis")):
            if not datos.get(clave):
                continue
            consulta = datos[clave]["razon"]
            filas.append(
                {
                    "meta": f"{motor}, {nombre}: consulta con {MONITORES} monitores ≥ 90 % de "
                    "sin monitores",
                    "cifra": consulta,
                    "razon": razon(consulta, META_CONSULTA_CON_MONITORES),
                    "cumple": consulta >= META_CONSULTA_CON_MONITORES
                    and datos[clave]["monitores_sin_abrir"] == 0,
                }
            )
    return filas


def imprimir_entregas(medida: dict[str, Any]) -> None:
    print(f"\nEntregas (M8): semilla = {SEMILLA_POR_SEGUNDO} pedidos/s (1 cada 5 s)")
    for motor, datos in medida["motores"].items():
        print(f"  {motor}:")
        fases: list[tuple[str, dict[str, Any] | None]] = [
            *datos["ritmos"].items(),
            *((f"12x, {nombre}", fase) for nombre, fase in datos["eventos_12x"].items()),
        ]
        for nombre, fase in fases:
            if not fase:
                continue
            http_ms, evento = fase["http"], fase["evento"]
            print(
                f"    {nombre:>20}: {fase['logrado_por_segundo']:.2f} pedidos/s "
                f"({fase['registrados']}/{fase['pedidos']}, errores {fase['errores'] or 0}); "
                f"HTTP p50 {http_ms.get('p50_ms', float('nan')):.1f} ms, "
                f"p99 {http_ms.get('p99_ms', float('nan')):.1f} ms; "
                f"POST→evento p50 {evento.get('p50_ms', float('nan')):.0f} ms, "
                f"p99 {evento.get('p99_ms', float('nan')):.0f} ms, "
                f"perdidos {evento['perdidos']}"
            )
        maxima = datos["maxima"]
        print(
            f"    tasa máxima (wrk 16 conexiones, {SEGUNDOS_WRK} s): "
            f"{maxima['peticiones_por_segundo']:.0f} pedidos/s, p50 {maxima['p50_ms']:.1f} ms, "
            f"p99 {maxima['p99_ms']:.1f} ms, errores {maxima['errores']} "
            f"= {maxima['peticiones_por_segundo'] / ritmo(MULTIPLOS[-1]):.0f} × la carga de 12×"
        )
        for nombre, clave in (("vigía de 250 ms", "consulta"), ("Redis", "consulta_redis")):
            if datos.get(clave):
                _imprimir_consulta(nombre, datos[clave])
    print("  Metas:")
    for fila in medida["metas"]:
        cifra = fila.get("cifra_ms", fila.get("cifra"))
        print(
            f"    {'ok' if fila['cumple'] else 'NO'}  {fila['meta']}: {cifra} "
            f"(razón frente a la meta {fila['razon']})"
        )
    print(
        f"  Carga de la máquina (uptime 1/5/15 min): al empezar {medida['carga_maquina_al_empezar']},"
        f" al terminar {medida['carga_maquina_al_terminar']}"
    )


def _imprimir_consulta(nombre: str, consulta: dict[str, Any]) -> None:
    print(
        f"    consulta del SAC, {nombre} ({RONDAS_CONSULTA} pares): sin monitores "
        f"{consulta['sin_monitores_por_segundo']} consultas/s, con {MONITORES} monitores "
        f"{consulta['con_monitores_por_segundo']} (p99 {consulta['con_monitores_p99_ms']} ms); "
        f"razón mediana {consulta['razon']:.2f} ({consulta['razon_minima']:.2f}-"
        f"{consulta['razon_maxima']:.2f}); errores {consulta['errores']}; monitores sin abrir "
        f"{consulta['monitores_sin_abrir']}; conexiones por worker con los monitores: "
        f"{consulta['conexiones_por_worker_con_monitores']}"
    )


def guardar(medida: dict[str, Any], nombre: str = "entregas") -> Path:
    return guardar_resultados(medida, CARPETA_RESULTADOS, f"{hoy_bogota().isoformat()}_{nombre}")


def comparar_hilos(valores: list[int], rondas: int, carpeta: Path) -> list[dict[str, Any]]:
    """Por cada cantidad de hilos por worker: `rondas` veces, 2 s de consulta, `MONITORES` monitores
    abiertos (¿cuántos no abren en `ESPERA_MONITORES` s?, ¿cómo se reparten?) y 4 s de consulta
    con ellos abiertos. Sin pausa entre rondas: los monitores recién cerrados siguen ocupando su
    hilo hasta su próxima escritura, como cuando un navegador recarga la página."""
    filas = []
    with base_de_datos("sqlite", carpeta) as variables:
        preparada = preparar(variables, carpeta)
        base = Path(variables["SQLITE_PATH"])
        for hilos in valores:
            entorno = entorno_produccion(base, GUNICORN_THREADS=str(hilos))
            with servidor(APP_PROYECTO, entorno, carpeta / "gunicorn.log") as activo:
                agente = iniciar_sesion(activo, *USUARIO_AGENTE)
                for ronda in range(1, rondas + 1):
                    carga_concurrente(activo, agente, preparada.documentos, segundos=2)
                    with monitores(
                        activo.puerto, _token_monitor(activo), MONITORES, exigir=False
                    ) as abiertos:
                        time.sleep(0.5)
                        reparto = activo.conexiones_por_worker()
                        sin_abrir = sum(not m.conectado.is_set() or bool(m.error) for m in abiertos)
                        consulta = carga_concurrente(
                            activo, agente, preparada.documentos, segundos=4
                        )
                    filas.append(
                        {
                            "hilos": hilos,
                            "ronda": ronda,
                            "conexiones_por_worker": reparto,
                            "monitores_sin_abrir": sin_abrir,
                            "consultas_por_segundo": consulta["peticiones_por_segundo"],
                            "consulta_p99_ms": consulta["p99_ms"],
                            "consulta_errores": consulta["errores"],
                        }
                    )
                    print(json.dumps(filas[-1]), flush=True)
    return filas


def main(argumentos: list[str] | None = None) -> int:
    argumentos = sys.argv[1:] if argumentos is None else argumentos
    if argumentos[:1] == ["hilos"]:
        return _main_hilos(argumentos[1:])
    git = estado_git()
    avisar_si_sucio(git)
    carpeta = CARPETA_DATOS / f"entregas-{os.getpid()}"
    inicio = time.perf_counter()
    try:
        medida: dict[str, Any] = {
            "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
            **git,
            "comando": "python -m bench entregas",
            "maquina": maquina(),
            "gunicorn": configuracion_gunicorn(),
            **medir_entregas(carpeta),
        }
    finally:
        _guardar_registros(carpeta)
    medida["segundos_totales"] = round(time.perf_counter() - inicio, 1)
    imprimir_entregas(medida)
    destino = guardar(medida)
    print(f"\nResultados en {destino.relative_to(RAIZ)} ({medida['segundos_totales']} s).")
    return 0


def _main_hilos(argumentos: list[str]) -> int:
    valores = [int(v) for v in (argumentos[0] if argumentos else "32,128").split(",")]
    rondas = int(argumentos[1]) if len(argumentos) > 1 else 6
    carpeta = CARPETA_DATOS / f"entregas-hilos-{os.getpid()}"
    medida: dict[str, Any] = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        **estado_git(),
        "comando": f"python -m bench.entregas hilos {','.join(map(str, valores))} {rondas}",
        "carga_maquina_al_empezar": carga_maquina(),
    }
    try:
        medida["rondas"] = comparar_hilos(valores, rondas, carpeta / "sqlite")
    finally:
        _guardar_registros(carpeta)
    medida["carga_maquina_al_terminar"] = carga_maquina()
    destino = guardar(medida, "entregas_hilos")
    print(f"Resultados en {destino.relative_to(RAIZ)}.")
    return 0


def _guardar_registros(carpeta: Path) -> None:
    for registro in carpeta.glob("*/gunicorn.log"):
        registro.replace(CARPETA_DATOS / f"ultimo-gunicorn-entregas-{registro.parent.name}.log")
    shutil.rmtree(carpeta, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
