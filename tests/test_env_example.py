""".env.example: lista exactamente las variables que lee el código, y bash, systemd y python-dotenv
leen los mismos valores (el issue: `SQLSERVER_DRIVER=ODBC Driver 18…` sin comillas rompía
`. sac.env`)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dotenv import dotenv_values

from config import RAIZ, cargar_configuracion
from herramientas.systemd_local import ErrorUnidad, leer_con_bash, leer_entorno

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


# --- Las lecturas de bash y de systemd (`EnvironmentFile=`, systemd 252) son las de
# herramientas/systemd_local.py, las mismas que usa `make prueba-despliegue`: un solo lector.


def _tres_lecturas(archivo: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    systemd = leer_entorno(archivo.read_text(encoding="utf-8"))
    dotenv = {clave: valor or "" for clave, valor in dotenv_values(archivo).items()}
    try:
        bash = leer_con_bash(archivo)
    except ErrorUnidad as error:
        raise AssertionError(str(error)) from error
    return bash, systemd, dotenv


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
    assert leer_entorno(texto) == {
        "A": "uno",
        "B": "dos # tres",
        "C": 'c"d\\e\\x',
        "D": 'a"b c"d',  # comillas a mitad del valor: literales
        "E": "x # y",
        "F": "",
    }
