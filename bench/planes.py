"""Planes de consulta (`EXPLAIN QUERY PLAN`) de las consultas reales de la app y datos de la máquina.

Las consultas se capturan tal como SQLAlchemy las envía (evento `before_cursor_execute`) al correr
los casos de uso del proyecto sobre la base del benchmark; luego se explican con sus parámetros.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from bench.entorno import RAIZ


def planes(base: Path, tipo: str, numero: str, clave: str) -> dict[str, list[dict[str, Any]]]:
    """Consultas y planes de: sesión vigente, consulta de un cliente y reporte de fidelización."""
    from app import create_app
    from controllers import auth_controller, cliente_controller
    from controllers.auditoria_controller import ContextoAuditoria
    from models import Sesion
    from services import reporte_service
    from services.tiempo_service import mes_actual

    app = create_app({"SQLITE_PATH": str(base), "DATABASE_URL": "", "DB_CLIENT": "sqlite"})
    pasarela = app.extensions["sac_db"]
    capturadas: list[tuple[str, Any]] = []

    @event.listens_for(pasarela.engine, "before_cursor_execute")
    def _capturar(_c: Any, _cur: Any, sentencia: str, parametros: Any, *_: Any) -> None:
        if sentencia.lstrip().upper().startswith("SELECT"):
            capturadas.append((sentencia, parametros))

    resultado: dict[str, list[dict[str, Any]]] = {}
    with pasarela.session_scope() as sesion:
        activa = sesion.scalars(select(Sesion).limit(1)).first()
    capturadas.clear()
    if activa is not None:
        auth_controller.usuario_de_sesion(pasarela, activa.id, activa.usuario_id)
        resultado["sesion"] = _explicar(base, capturadas)
    capturadas.clear()
    contexto = ContextoAuditoria(None, "bench", clave)
    cliente_controller.buscar_por_documento(
        pasarela, tipo, numero, contexto, 10, Decimal("5000000")
    )
    resultado["consulta"] = _explicar(base, capturadas)
    capturadas.clear()
    with pasarela.session_scope() as sesion:
        reporte_service.consultar_fidelizacion(sesion, mes_actual().anterior(), Decimal("5000000"))
    resultado["reporte"] = _explicar(base, capturadas)
    pasarela.dispose()
    return resultado


def _explicar(base: Path, capturadas: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    explicadas = []
    with sqlite3.connect(base) as conexion:
        for sentencia, parametros in capturadas:
            filas = conexion.execute(f"EXPLAIN QUERY PLAN {sentencia}", parametros).fetchall()
            plan = [f"{'  ' * _profundidad(filas, fila)}{fila[3]}" for fila in filas]
            explicadas.append({"sql": " ".join(sentencia.split()), "plan": plan})
    conexion.close()
    return explicadas


def _profundidad(filas: list[Any], fila: Any) -> int:
    padres = {f[0]: f[1] for f in filas}
    nivel, actual = 0, fila[1]
    while actual in padres:
        nivel += 1
        actual = padres[actual]
    return nivel


def maquina() -> dict[str, Any]:
    """nproc, memoria, CPU, versiones de Python y SQLite, y el commit medido."""
    cpu = "desconocida"
    for linea in Path("/proc/cpuinfo").read_text().splitlines():
        if linea.startswith("model name"):
            cpu = linea.split(":", 1)[1].strip()
            break
    memoria_kb = next(
        int(linea.split()[1])
        for linea in Path("/proc/meminfo").read_text().splitlines()
        if linea.startswith("MemTotal:")
    )
    return {
        "nproc": os.cpu_count(),
        "memoria_gib": round(memoria_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sistema": platform.platform(),
        "commit": estado_git()["commit"],
    }


def estado_git() -> dict[str, Any]:
    """El commit medido y si el árbol estaba limpio (`git status --porcelain`, con no versionados).

    Una cifra solo se puede citar si viene de un árbol limpio: con cambios sin commit nadie puede
    volver a medir el mismo código.
    """
    try:
        commit = _git("rev-parse", "--short=10", "HEAD")
        cambios = _git("status", "--porcelain", "--untracked-files=normal").splitlines()
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "desconocido", "arbol_limpio": False, "cambios_sin_commit": []}
    return {"commit": commit, "arbol_limpio": not cambios, "cambios_sin_commit": cambios}


def _git(*argumentos: str) -> str:
    salida = subprocess.run(  # noqa: S603 - argumentos fijos de este módulo
        ["git", *argumentos],  # noqa: S607 - git del sistema
        cwd=RAIZ,
        capture_output=True,
        text=True,
        check=True,
    )
    return salida.stdout.strip()


def avisar_si_sucio(git: dict[str, Any]) -> None:
    """Avisa (stderr) que las cifras de un árbol con cambios sin commit no se pueden citar."""
    if not git["arbol_limpio"]:
        print(
            f"AVISO: el árbol tiene cambios sin commit ({len(git['cambios_sin_commit'])}); "
            "estas cifras no se pueden citar (commitee y vuelva a correr).",
            file=sys.stderr,
        )


def guardar_resultados(resultados: dict[str, Any], carpeta: Path, prefijo: str) -> Path:
    """`<carpeta>/<prefijo>_<commit>.json` (`…-sucio` si el árbol tenía cambios); otra corrida del
    mismo commit con el mismo prefijo termina en `-2`, `-3`…: nunca se sobrescribe."""
    sufijo = resultados["commit"] if resultados["arbol_limpio"] else f"{resultados['commit']}-sucio"
    carpeta.mkdir(exist_ok=True)
    destino = carpeta / f"{prefijo}_{sufijo}.json"
    otra = 2
    while destino.exists():
        destino = carpeta / f"{prefijo}_{sufijo}-{otra}.json"
        otra += 1
    destino.write_text(json.dumps(resultados, indent=2, ensure_ascii=False, default=str) + "\n")
    return destino
