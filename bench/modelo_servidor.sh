#!/usr/bin/env bash
# make bench no lo corre: A/B del modelo de servidor (docs/rendimiento.md). Uso: bash bench/modelo_servidor.sh
# A/B del modelo de servidor con la máquina tranquila: misma base sembrada, wrk 16 conexiones 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV=production SECRET_KEY=$(python3 -c "import secrets;print(secrets.token_urlsafe(48))") JWT_SECRET_KEY=$(python3 -c "import secrets;print(secrets.token_urlsafe(48))")
export SQLITE_PATH=${TMPDIR:-/tmp}/sac-ab-ab.db
rm -f ${TMPDIR:-/tmp}/sac-ab-ab.db*
.venv/bin/flask --app app db upgrade >/dev/null 2>&1
.venv/bin/flask --app app seed --clientes 2000 --forzar >/dev/null
printf 'CC 1020304050\nCE 4567890\nNIT 900123456\nCC 79845123\nCC 52987456\nPA AX1234567\n' > ${TMPDIR:-/tmp}/sac-ab-docs.txt
for ronda in 1 2; do
for cfg in gthread:32 gthread:1 gevent:1; do clase=${cfg%%:*}; hilos=${cfg##*:}
  GUNICORN_WORKER_CLASS=$clase GUNICORN_THREADS=$hilos GUNICORN_BIND=127.0.0.1:5097 GUNICORN_WORKERS=2 .venv/bin/gunicorn --config gunicorn.conf.py 'app:create_app()' >${TMPDIR:-/tmp}/sac-ab-$clase.log 2>&1 &
  pid=$!
  for i in $(seq 50); do curl -sf http://127.0.0.1:5097/api/salud >/dev/null && break; sleep 0.2; done
  token=$(curl -s -X POST http://127.0.0.1:5097/api/auth/login -H 'Content-Type: application/json' -d '{"usuario":"agente","contrasena":"Agente-Demo-2026"}' | python3 -c "import json,sys;print(json.load(sys.stdin)['access_token'])")
  wrk -t2 -c16 -d3s -s bench/buscar.lua http://127.0.0.1:5097 -- "$token" ${TMPDIR:-/tmp}/sac-ab-docs.txt >/dev/null 2>&1 || true
  echo "{\"ronda\": $ronda, \"modelo\": \"$clase\", \"hilos\": $hilos, \"wrk\": $(wrk -t2 -c16 -d10s -s bench/buscar.lua http://127.0.0.1:5097 -- "$token" ${TMPDIR:-/tmp}/sac-ab-docs.txt 2>/dev/null | tail -1)}"
  kill $pid; wait $pid 2>/dev/null || true
done; done
