"""Configuración de gunicorn para `make run` y producción (la misma en ambos)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '5000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", str(max(2, multiprocessing.cpu_count()))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
keepalive = 5
timeout = 60
graceful_timeout = 20
max_requests = 10000
max_requests_jitter = 1000
accesslog = "-"
# Sin la cadena de consulta: los documentos consultados no deben quedar en los registros.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
