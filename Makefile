# SAC Ríos del Desierto — comandos del proyecto (ver README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app app
FRONTEND := frontend

.PHONY: run test lint instalar instalar-dev frontend-build navegador migrar seed clean

## make run: instala, migra, carga datos demo si la base está vacía y sirve API + pantallas en $(PORT)
run: instalar frontend-build migrar
	$(FLASK) seed --si-vacia
	PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py 'app:create_app()'

## make test: instala lo necesario y corre todas las pruebas (backend, frontend y navegador)
# Los tres motores corren a la vez (cada uno espera a su base; las pruebas usan puertos libres,
# bases temporales y claves y canales de Redis propios); cada salida se muestra entera al terminar.
test: instalar-dev odbc
	@registros=$$(mktemp -d); \
	for motor in sqlite postgresql mariadb; do \
		( SAC_BD_PRUEBAS=$$motor $(BIN)/pytest -q -p no:cacheprovider > "$$registros/$$motor.log" 2>&1; \
		  echo $$? > "$$registros/$$motor.rc" ) & \
	done; \
	wait; fallo=0; \
	for motor in sqlite postgresql mariadb; do \
		echo "== Pruebas del backend sobre $$motor =="; cat "$$registros/$$motor.log"; \
		[ "$$(cat "$$registros/$$motor.rc")" = 0 ] || fallo=1; \
	done; \
	rm -rf "$$registros"; [ $$fallo = 0 ] || exit 1
	@if [ -f $(FRONTEND)/package.json ]; then $(MAKE) --no-print-directory pruebas-frontend; fi

.PHONY: pruebas-frontend
pruebas-frontend: $(FRONTEND)/node_modules/.instalado navegador
	cd $(FRONTEND) && npm run lint && npm test && npm run build && npm run e2e

## make fuzz: fuzzing largo: schemathesis contra el OpenAPI (300 ejemplos por operación) y propiedades de Hypothesis (2000); la corrida corta va en make test
.PHONY: fuzz
fuzz: instalar-dev
	SAC_FUZZ_EJEMPLOS=$${SAC_FUZZ_EJEMPLOS:-300} $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz_openapi.py tests/test_propiedades.py --hypothesis-profile=largo --hypothesis-show-statistics

## make bench: benchmarks del backend (BENCH_SCALE=small|full) y del frontend (tamaño, Enter→resultado y la caja de búsqueda: última tecla→resultados)
.PHONY: bench
bench: instalar-dev $(FRONTEND)/node_modules/.instalado navegador
	$(BIN)/python -m bench
	cd $(FRONTEND) && npm run build && node scripts/medir.mjs ../bench/resultados/frontend.json
	$(BIN)/python -m bench.busqueda_navegador

## make soak: prueba de resistencia: la consulta al 70 % de la capacidad medida durante SOAK_MINUTOS (5); cero errores y memoria < +10 %
.PHONY: soak
soak: instalar-dev
	$(BIN)/python -m bench.soak

## make lint: ruff (estilo y formato), mypy e import-linter (capas)
lint: instalar-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

$(VENV)/.instalado: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.instalado-dev: $(VENV)/.instalado requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

instalar: $(VENV)/.instalado
instalar-dev: $(VENV)/.instalado-dev

$(FRONTEND)/node_modules/.instalado: $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	touch $@

## Compila las pantallas React si el frontend existe (Flask sirve frontend/dist)
frontend-build:
	@if [ -f $(FRONTEND)/package.json ]; then \
		$(MAKE) --no-print-directory $(FRONTEND)/node_modules/.instalado && \
		cd $(FRONTEND) && npm run build; \
	fi

## unixODBC y FreeTDS de Debian: el driver ODBC con el que se prueba la conexión a SQL Server
.PHONY: odbc
odbc:
	@(odbcinst -q -d 2>/dev/null | grep -q FreeTDS) || { \
		echo "Instalando unixodbc y tdsodbc de Debian..."; \
		(apt-get update -qq || sudo apt-get update -qq) && \
		(apt-get install -y -qq unixodbc tdsodbc || sudo apt-get install -y -qq unixodbc tdsodbc); }

## Regenera el script T-SQL de las migraciones (docs/sql/sqlserver.sql)
.PHONY: sql-server
sql-server: instalar
	DATABASE_URL="mssql+pyodbc://sac@servidor/sac?driver=FreeTDS" $(FLASK) db upgrade --sql > docs/sql/sqlserver.sql

## Chromium de Debian para las pruebas en navegador (no se descarga ningún navegador propio)
navegador:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Instalando chromium de Debian..."; \
		(apt-get update -qq || sudo apt-get update -qq) && \
		(apt-get install -y -qq chromium || sudo apt-get install -y -qq chromium); }

## make release: artefacto de producción dist/sac-VERSION.tar.gz (+ .sha256) con las pantallas ya construidas
.PHONY: release
release: node-para-construir $(FRONTEND)/dist/index.html
	deploy/release.sh

# Las pantallas se reconstruyen para el artefacto solo si cambió alguna fuente del frontend.
FRONTEND_FUENTES := $(shell find $(FRONTEND)/src $(FRONTEND)/public $(FRONTEND)/index.html \
	$(FRONTEND)/package.json $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig*.json -type f 2>/dev/null)
$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.instalado $(FRONTEND_FUENTES)
	cd $(FRONTEND) && npm run build

## Node de la máquina que construye (no del servidor): frontend/package.json pide >= 20.19
.PHONY: node-para-construir
node-para-construir:
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null || { \
		echo "make release: las pantallas se construyen con Node 20.19 o superior y aquí hay $$(node --version 2>/dev/null || echo 'ninguno'); construya en otra máquina o en el CI (docs/guia-implementacion.md, paso 1)." >&2; exit 1; }

## make prueba-despliegue: corre los comandos de docs/guia-implementacion.md (root; usuario y carpeta desechables)
.PHONY: prueba-despliegue
prueba-despliegue: release
	deploy/prueba-despliegue.sh "$$(ls -t dist/sac-*.tar.gz | head -n 1)"

migrar: instalar
	$(FLASK) db upgrade

seed: migrar
	$(FLASK) seed

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist dist .pytest_cache .mypy_cache .ruff_cache
