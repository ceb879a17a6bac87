"""Fuzzing con schemathesis contra /api/openapi.json, autenticado: sin 5xx y fiel a su propio esquema.

Corrida acotada en `make test` (SAC_FUZZ_EJEMPLOS, 10 por operación); `make fuzz` la alarga.
"""

import os

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

EJEMPLOS = int(os.environ.get("SAC_FUZZ_EJEMPLOS", "10"))


@pytest.fixture
def esquema_api(app: Flask, monkeypatch: pytest.MonkeyPatch) -> schemathesis.BaseSchema:
    # El flujo de eventos del monitor (SSE) no termina solo: aquí dura un instante.
    monkeypatch.setitem(app.config, "ENTREGAS_EVENTOS_MAXIMO_SEGUNDOS", 0.1)
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


esquema = schemathesis.pytest.from_fixture("esquema_api")


@esquema.parametrize()
@settings(
    max_examples=EJEMPLOS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_cada_operacion_responde_sin_5xx_y_segun_su_esquema(case, cabeceras) -> None:
    respuesta = case.call(headers={**cabeceras["admin"], **(case.headers or {})})
    case.validate_response(
        respuesta,
        checks=(
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ),
    )
