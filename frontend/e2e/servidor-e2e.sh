#!/usr/bin/env bash
# Servidor real para las pruebas de navegador: base SQLite temporal migrada y sembrada con los
# datos de demostración, y gunicorn sirviendo la API y frontend/dist en 127.0.0.1:$PORT.
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-5099}"
tmp="$(mktemp -d -t sac-e2e-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

export SQLITE_PATH="$tmp/e2e.db"
export APP_ENV=development
unset DATABASE_URL DB_CLIENT

.venv/bin/flask --app app db upgrade >/dev/null
.venv/bin/flask --app app seed --clientes 60 >/dev/null

# Sin `exec`: así el trap borra la base temporal cuando Playwright detiene el servidor.
# El mismo modelo de servidor que `make run` y producción (gunicorn.conf.py), en este puerto.
GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS=2 .venv/bin/gunicorn --config gunicorn.conf.py 'app:create_app()' &
servidor=$!
trap 'kill "$servidor" 2>/dev/null; wait "$servidor" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
wait "$servidor"
