""".env.example: lista exactamente las variables que lee el código, y bash, systemd y python-dotenv
leen los mismos valores (el issue: `SQLSERVER_DRIVER=ODBC Driver 18…` sin comillas rompía
`. sac.env`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dotenv import dotenv_values

from config import RAIZ, cargar_configuracion

ENV_EXAMPLE = RAIZ / ".env.example"
# Solo pruebas y benchmarks (documentadas al final de .env.example, fuera de la lista).
CARPETAS_EXCLUIDAS = {".venv", "node_modules", "tests", "bench", "frontend", ".git"}
# Lecturas directas del entorno y los ayudantes de config.py y gunicorn.conf.py.
LECTURA = re.compile(
    r"""(?:\bos\.environ\.get|\bos\.getenv|\b_texto|\b_entero|\b_decimal|\b_ruta|\b_variable)"""
    r"""\(\s*["']([A-Z][A-Z0-9_]*)["']|\bos\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""
)


def _archivos_python() -> Iterator[Path]:
    for archivo in RAIZ.rglob("*.py"):
        if not CARPETAS_EXCLUIDAS & set(archivo.relative_to(RAIZ).parts):
            yield archivo


def variables_leidas_en_el_codigo() -> set[str]:
    nombres: set[str] = set()
    for archivo in _archivos_python():
        for directa, indexada in LECTURA.findall(archivo.read_text(encoding="utf-8")):
            nombres.add(directa or indexada)
    return nombres


class _EntornoQueAnota(dict[str, str]):
    """`os.environ` de mentira que anota cada nombre que consulta el código del proyecto (no las
    bibliotecas: python-dotenv mira PYTHON_DOTENV_DISABLED)."""

    def __init__(self, base: dict[str, str]) -> None:
        super().__init__(base)
        self.consultadas: set[str] = set()

    def _anotar(self, clave: object) -> None:
        archivo = Path(sys._getframe(2).f_code.co_filename).resolve()
        if isinstance(clave, str) and archivo.is_relative_to(RAIZ) and ".venv" not in archivo.parts:
            self.consultadas.add(clave)

    def get(self, clave: str, por_defecto: Any = None) -> Any:
        self._anotar(clave)
        return super().get(clave, por_defecto)

    def __getitem__(self, clave: str) -> str:
        self._anotar(clave)
        return super().__getitem__(clave)

    def __contains__(self, clave: object) -> bool:
        self._anotar(clave)
        return super().__contains__(clave)


def test_la_busqueda_estatica_no_se_pierde_ninguna_lectura_real(monkeypatch) -> None:
    """Lo que config.py y gunicorn.conf.py consultan de verdad al correr está en la búsqueda."""
    anotador = _EntornoQueAnota({"APP_ENV": "development"})
    monkeypatch.setattr(os, "environ", anotador)
    cargar_configuracion()
    gunicorn_conf = RAIZ / "gunicorn.conf.py"
    codigo = compile(gunicorn_conf.read_text(), str(gunicorn_conf), "exec")
    exec(codigo, {"__file__": str(gunicorn_conf)})  # noqa: S102 - la configuración del proyecto
    assert anotador.consultadas - variables_leidas_en_el_codigo() == set()
    assert {"SQLITE_PATH", "REDIS_URL", "GUNICORN_WORKER_CLASS"} <= anotador.consultadas


def test_env_example_lista_cada_variable_que_lee_el_codigo_y_ninguna_mas() -> None:
    leidas = variables_leidas_en_el_codigo()
    listadas = set(dotenv_values(ENV_EXAMPLE))
    assert leidas - listadas == set(), "faltan en .env.example"
    assert listadas - leidas == set(), "sobran en .env.example (nadie las lee)"


# --- Reglas de systemd para EnvironmentFile (systemd 252, src/basic/env-file.c) -------------------
# Líneas que empiezan por # o ; son comentarios (solo al inicio: un # después del valor es parte
# del valor); espacios al borde de la clave y del valor sin comillas se quitan; '…' es literal;
# dentro de "…" la barra invertida solo escapa " \ ` $ (y el salto de línea); fuera de comillas
# escapa cualquier carácter; no se expanden variables.
_ESCAPABLES_EN_COMILLAS = '"\\`$'


def leer_como_systemd(texto: str) -> dict[str, str]:
    variables: dict[str, str] = {}
    estado, clave, valor, blancos_finales = "antes_clave", "", "", 0

    def emitir() -> None:
        nombre = clave.strip()
        if nombre:
            variables[nombre] = valor[: len(valor) - blancos_finales] if blancos_finales else valor

    for caracter in texto + "\n":
        if estado == "antes_clave":
            if caracter in "#;":
                estado = "comentario"
            elif not caracter.isspace():
                estado, clave = "clave", caracter
        elif estado == "clave":
            if caracter == "\n":
                estado, clave = "antes_clave", ""  # línea sin «=»: se ignora
            elif caracter == "=":
                estado, valor, blancos_finales = "antes_valor", "", 0
            else:
                clave += caracter
        elif estado == "antes_valor":
            if caracter == "\n":
                emitir()
                estado = "antes_clave"
            elif caracter == "'":
                estado = "comillas_simples"
            elif caracter == '"':
                estado = "comillas_dobles"
            elif caracter == "\\":
                estado = "escape"
            elif not caracter.isspace():
                estado, valor = "valor", caracter
        elif estado == "valor":
            if caracter == "\n":
                emitir()
                estado = "antes_clave"
            elif caracter == "\\":
                estado, blancos_finales = "escape", 0
            elif caracter == "'":
                estado, blancos_finales = "comillas_simples", 0
            elif caracter == '"':
                estado, blancos_finales = "comillas_dobles", 0
            else:
                valor += caracter
                blancos_finales = blancos_finales + 1 if caracter.isspace() else 0
        elif estado == "escape":
            if caracter != "\n":
                valor += caracter
            estado = "valor"
        elif estado == "comillas_simples":
            if caracter == "'":
                estado = "valor"
            else:
                valor += caracter
        elif estado == "comillas_dobles":
            if caracter == '"':
                estado = "valor"
            elif caracter == "\\":
                estado = "escape_comillas"
            else:
                valor += caracter
        elif estado == "escape_comillas":
            if caracter in _ESCAPABLES_EN_COMILLAS:
                valor += caracter
            elif caracter != "\n":
                valor += "\\" + caracter
            estado = "comillas_dobles"
        elif estado == "comentario" and caracter == "\n":
            estado = "antes_clave"
    return variables


def leer_como_bash(archivo: Path, nombres: set[str]) -> dict[str, str]:
    """`set -a; . archivo` en un bash real y limpio; falla si bash se queja."""
    resultado = subprocess.run(
        ["bash", "--noprofile", "--norc", "-ec", 'set -a; . "$1"; env -0', "bash", str(archivo)],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert resultado.returncode == 0 and not resultado.stderr, resultado.stderr.decode()
    entorno = dict(
        linea.split("=", 1) for linea in resultado.stdout.decode().split("\0") if "=" in linea
    )
    return {nombre: valor for nombre, valor in entorno.items() if nombre in nombres}


def _tres_lecturas(archivo: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    systemd = leer_como_systemd(archivo.read_text(encoding="utf-8"))
    dotenv = {clave: valor or "" for clave, valor in dotenv_values(archivo).items()}
    return leer_como_bash(archivo, set(systemd) | set(dotenv)), systemd, dotenv


def test_bash_systemd_y_python_dotenv_leen_los_mismos_valores_de_env_example() -> None:
    bash, systemd, dotenv = _tres_lecturas(ENV_EXAMPLE)
    assert bash == systemd == dotenv
    assert bash["SQLSERVER_DRIVER"] == "ODBC Driver 18 for SQL Server"
    assert bash["LIMITE_LOGIN_IP"] == "20 per 5 minutes"


def test_cada_variable_de_env_example_va_entre_comillas_dobles_sin_comentario_al_final() -> None:
    for numero, linea in enumerate(ENV_EXAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        if linea.strip() and not linea.startswith("#"):
            assert re.fullmatch(r'[A-Z][A-Z0-9_]*="[^"$`\\]*"', linea), f"línea {numero}: {linea}"


@pytest.mark.parametrize(
    ("linea", "bash_falla"),
    [
        ("SQLSERVER_DRIVER=ODBC Driver 18 for SQL Server", True),  # el caso del issue
        ("PORT=5000 # puerto", False),  # systemd guarda «5000 # puerto»
        ('LEMA="cuesta $5"', False),  # bash expande $5; systemd no
    ],
)
def test_la_comparacion_detecta_lo_que_bash_y_systemd_leen_distinto(
    tmp_path: Path, linea: str, bash_falla: bool
) -> None:
    archivo = tmp_path / "sac.env"
    archivo.write_text(linea + "\n", encoding="utf-8")
    if bash_falla:
        with pytest.raises(AssertionError):
            _tres_lecturas(archivo)
        return
    bash, systemd, _ = _tres_lecturas(archivo)
    assert bash != systemd


def test_el_lector_de_systemd_sigue_sus_reglas() -> None:
    texto = (
        '# comentario\n; también\n  A = uno  \nB=\'dos # tres\'\nC="c\\"d\\\\e\\x"\n'
        'D=a"b c"d\nE=x # y\nF=\n'
    )
    assert leer_como_systemd(texto) == {
        "A": "uno",
        "B": "dos # tres",
        "C": 'c"d\\e\\x',
        "D": "ab cd",
        "E": "x # y",
        "F": "",
    }
