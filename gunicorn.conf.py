"""Configuración de gunicorn para `make run` y producción (la misma en ambos).

Modelo de servidor (cifras y porqué en docs/rendimiento.md, «Modelo de servidor»): workers
`gthread`, uno por núcleo, con varios hilos cada uno, y la app de a una petición a la vez por worker
(`routes/conexiones.UnaPeticionALaVez`).
- Con un solo hilo por worker, una conexión lenta (cuerpo o cabeceras que llegan de a poco) o una
  que dejó un cuerpo sin leer ocupaba el único hilo y las peticiones nuevas de ese worker esperaban
  8, 12, 30 s o para siempre. Con varios hilos, esperar al cliente ocupa un hilo, no el worker; lo
  mismo una conexión de Server-Sent Events (M8).
- Varios hilos calculando a la vez se turnan el GIL (cada consulta gastaba ~1,5 × la CPU): el
  candado deja calcular a uno solo y se suelta mientras se espera el cuerpo y al enviar la respuesta.
- gevent (`GUNICORN_WORKER_CLASS=gevent`) también evita los bloqueos, pero su cola es injusta con
  carga: p99 de más de un segundo y peticiones de más de 2 s en la consulta del SAC.
- Además, una respuesta que sale sin haber leído el cuerpo (413, 405...) cierra la conexión
  (routes/conexiones.py) en lugar de leer el resto del cuerpo antes de la petición siguiente.
"""

import multiprocessing
import os
from pathlib import Path
from typing import Any

from dotenv import load_dotenv

# Las mismas variables que lee la app: `.env` de la carpeta del proyecto si existe (no pisa el
# entorno). `__file__` falta cuando otro programa ejecuta este archivo con exec (bench/).
load_dotenv(Path(globals().get("__file__") or "gunicorn.conf.py").resolve().parent / ".env")


def _variable(nombre: str, por_defecto: str) -> str:
    """Vacía o ausente = valor por defecto (como en config.py)."""
    return os.environ.get(nombre, "").strip() or por_defecto


bind = _variable("GUNICORN_BIND", f"0.0.0.0:{_variable('PORT', '5000')}")
workers = int(_variable("GUNICORN_WORKERS", str(max(2, multiprocessing.cpu_count()))))
# Modelo de servidor (docs/rendimiento.md, «Modelo de servidor»): gthread con varios hilos por
# worker y la app de a una petición a la vez (`UnaPeticionALaVez`, abajo). Los hilos esperan
# (cuerpos o cabeceras lentos, clientes lentos, conexiones de eventos) sin retener el worker; el
# cálculo no se turna el GIL. Medido con la máquina tranquila, wrk 16 conexiones: 293-311 consultas/s
# y p99 103-120 ms, frente a 326-362 y 81-133 ms con un hilo (que se bloquea con un cuerpo lento) y
# 327-381 con p99 de 1,0-1,2 s y peticiones de más de 2 s con gevent (injusto con la cola).
# `GUNICORN_WORKER_CLASS=gevent` sigue disponible.
worker_class = _variable("GUNICORN_WORKER_CLASS", "gthread")
# gevent: conexiones simultáneas por worker (greenlets). gthread: conexiones en espera por worker.
worker_connections = int(_variable("GUNICORN_WORKER_CONNECTIONS", "1000"))
# gthread: hilos por worker; con el candado de abajo solo uno calcula a la vez. Cada monitor de
# entregas abierto (Server-Sent Events, M8) ocupa un hilo mientras dure, y uno que se cerró lo sigue
# ocupando hasta su próxima escritura (latido de 15 s). Con 32 hilos, 50 monitores repartidos al
# azar entre 2 workers (24/26, 39/11, 15/35...) dejaban monitores y consultas en la cola de un
# worker sin hilos libres: en 5 de 6 rondas de `python -m bench.entregas hilos` quedaron de 9 a 36
# monitores sin abrir y en 3 la consulta del SAC no respondió nada en 4 s. Con 128, ninguno sin
# abrir en las 6 (docs/rendimiento.md, «Entregas (M8)»). Un hilo que espera no gasta CPU ni el
# GIL; la consulta usa los mismos ~16 hilos de antes. Tope práctico: ~100 monitores por worker.
threads = int(_variable("GUNICORN_THREADS", "128"))
# Segundos que una conexión keep-alive ociosa espera la petición siguiente; con gevent acota
# también el descarte del cuerpo sin leer de la petición anterior (un greenlet, no el worker).
keepalive = 5
timeout = 60
graceful_timeout = 20
# Cabeceras: los límites de gunicorn por defecto (8 KB por línea, 100 campos) protegen igual.
limit_request_line = 8190
limit_request_fields = 100
# Reciclar workers acota una fuga de memoria, pero cada reinicio vuelve a importar la app (~1,5 s
# de CPU) y corta las conexiones keep-alive abiertas (errores de lectura en los clientes). Con el
# límite anterior (10.000) un worker a plena carga (300-700 consultas/s) se reciclaba cada 15-35 s.
max_requests = int(_variable("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# La app ya escribe una línea JSON por petición (método, ruta sin consulta, estado, duración, id
# de petición y de usuario: routes/registro.py); el registro de acceso de gunicorn la duplicaba
# (~3 % de la CPU de una consulta). Se activa con GUNICORN_ACCESSLOG=- (o una ruta de archivo).
accesslog = _variable("GUNICORN_ACCESSLOG", "") or None
# Sin la cadena de consulta: los documentos consultados no deben quedar en los registros.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = _variable("GUNICORN_LOGLEVEL", "info")


def post_worker_init(worker: Any) -> None:
    """gthread con varios hilos: la app corre de a una petición por worker (ver `threads`)."""
    if worker_class == "gthread" and threads > 1:
        from routes.conexiones import UnaPeticionALaVez

        worker.wsgi = UnaPeticionALaVez(worker.wsgi)
