"""Configuración de gunicorn para `make run` y producción (la misma en ambos)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '5000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", str(max(2, multiprocessing.cpu_count()))))
# La app es CPU en Python (GIL): dos hilos en un worker se turnan el GIL y cada consulta gastaba
# ~1,5 × la CPU que con uno solo (2,9-3,1 ms frente a 1,9-2,0 ms por consulta a 1M de clientes;
# rendimiento 0,41 frente a 0,57 de la línea base, docs/rendimiento.md). Un hilo por worker y un
# worker por núcleo: una descarga larga (reporte: ~1,3 s a 1M de clientes) ocupa solo su worker.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread"
keepalive = 5
timeout = 60
graceful_timeout = 20
# Reciclar workers acota una fuga de memoria, pero cada reinicio vuelve a importar la app (~1,5 s
# de CPU) y corta las conexiones keep-alive abiertas (errores de lectura en los clientes). Con el
# límite anterior (10.000) un worker a plena carga (300-700 consultas/s) se reciclaba cada 15-35 s.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# La app ya escribe una línea JSON por petición (método, ruta sin consulta, estado, duración, id
# de petición y de usuario: routes/registro.py); el registro de acceso de gunicorn la duplicaba
# (~3 % de la CPU de una consulta). Se activa con GUNICORN_ACCESSLOG=- (o una ruta de archivo).
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
# Sin la cadena de consulta: los documentos consultados no deben quedar en los registros.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
