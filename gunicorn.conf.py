"""Configuración de gunicorn para `make run` y producción (la misma en ambos).

Modelo de servidor: workers `gevent` (greenlets), uno por núcleo. Las cifras y el porqué, en
docs/rendimiento.md («Modelo de servidor»). En corto:
- Con `gthread` y un hilo por worker, una conexión lenta (cuerpo o cabeceras que llegan de a poco),
  o una que dejó un cuerpo sin leer, ocupaba el único hilo, y las peticiones nuevas de ese worker
  esperaban 8, 12, 30 s o para siempre. Con gevent cada conexión es un greenlet: esperar al cliente
  no ocupa el worker, que sigue atendiendo la consulta del SAC. Es también lo que necesitan las
  conexiones largas de Server-Sent Events (M8), en el mismo puerto.
- Costo medido: la CPU por consulta es casi la misma (+0-5 % secuencial); con la máquina saturada
  y 16 conexiones keep-alive, gevent atiende 15-50 % menos consultas por segundo que gthread y su
  p99 sube a varios segundos (el reparto entre greenlets es menos parejo). Con nginx delante y la
  carga real del SAC (decenas de agentes), lejos de saturar, eso no se ve; un worker detenido sí.
- Compatibilidad: gunicorn parchea la biblioteca estándar antes de cargar la app; PyMySQL y
  redis-py (Python puro) y psycopg 3 (detecta el parche de gevent y espera con `select`
  cooperativo) ceden el worker mientras esperan a la red. SQLite y pyodbc son C y bloquean el
  worker mientras trabajan, igual que con un hilo por worker.
- Además, una respuesta que sale sin haber leído el cuerpo (413, 405...) cierra la conexión
  (routes/conexiones.py) en lugar de leer el resto del cuerpo antes de la petición siguiente.
"""

import multiprocessing
import os
from pathlib import Path

from dotenv import load_dotenv

# Las mismas variables que lee la app: `.env` de la carpeta del proyecto si existe (no pisa el
# entorno). `__file__` falta cuando otro programa ejecuta este archivo con exec (bench/).
load_dotenv(Path(globals().get("__file__") or "gunicorn.conf.py").resolve().parent / ".env")


def _variable(nombre: str, por_defecto: str) -> str:
    """Vacía o ausente = valor por defecto (como en config.py)."""
    return os.environ.get(nombre, "").strip() or por_defecto


bind = _variable("GUNICORN_BIND", f"0.0.0.0:{_variable('PORT', '5000')}")
workers = int(_variable("GUNICORN_WORKERS", str(max(2, multiprocessing.cpu_count()))))
# `GUNICORN_WORKER_CLASS=gthread` vuelve al modelo anterior (para comparar; ver docs/rendimiento.md).
worker_class = _variable("GUNICORN_WORKER_CLASS", "gevent")
# gevent: conexiones simultáneas por worker (greenlets). gthread: conexiones en espera por worker.
worker_connections = int(_variable("GUNICORN_WORKER_CONNECTIONS", "1000"))
# Solo gthread: la app es CPU en Python (GIL) y dos hilos en un worker se turnan el GIL (cada
# consulta gastaba ~1,5 × la CPU que con uno solo). gevent no usa hilos.
threads = int(_variable("GUNICORN_THREADS", "1"))
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
