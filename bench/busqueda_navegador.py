"""La caja de búsqueda (M10) en el navegador: última tecla → resultados pintados, meta < 150 ms.

`python -m bench.busqueda_navegador` (también lo corre `make bench`, tras construir el frontend) con
`BENCH_SCALE=small` (100.000 clientes) o `full` (1.000.000). Usa la base, los textos de muestra y el
agente de `bench/busqueda.py`; gunicorn de producción sirve la API y `frontend/dist`, y
`frontend/scripts/medir-busqueda.mjs` (playwright-core, Chromium de Debian) inicia sesión como ese
agente, abre la Consulta y escribe cada texto tecla a tecla. Por modo: `CALENTAMIENTO` consultas y
luego `CONSULTAS` medidas (textos distintos, al azar con semilla fija). El JSON queda en
`bench/resultados/<fecha>_busqueda_navegador_<escala>_<commit>.json`.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.busqueda import (
    CARPETA_DATOS,
    MEDIDAS,
    USUARIO,
    escala_del_entorno,
    imprimir_carga,
    servir_busqueda,
)
from bench.entorno import RAIZ, RAIZ_BENCH
from bench.planes import avisar_si_sucio, estado_git, guardar_resultados
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

FRONTEND = RAIZ / "frontend"
MEDIDOR = FRONTEND / "scripts" / "medir-busqueda.mjs"
META_MS = 150
CONSULTAS = int(os.environ.get("BENCH_NAVEGADOR_CONSULTAS", "30"))
CALENTAMIENTO = 5
RETARDO_TECLA_MS = 50
SIN_CAJA = 3  # código de salida del medidor cuando la Consulta no tiene la caja de búsqueda


def _textos(datos: dict[str, Any]) -> dict[str, list[str]]:
    """Por modo, textos de muestra distintos, en un orden al azar fijo (los sobrantes, de reserva)."""
    azar = random.Random(37)
    textos = {}
    for medida in MEDIDAS:
        distintos = list(dict.fromkeys(datos["textos"][medida]))
        textos[medida] = azar.sample(
            distintos, min(len(distintos), 4 * (CONSULTAS + CALENTAMIENTO))
        )
    return textos


def medir_navegador(escala: str, carpeta: Path) -> dict[str, Any] | None:
    """Las cifras por modo, o None si la Consulta (frontend/dist) aún no tiene la caja."""
    if not (FRONTEND / "dist" / "index.html").is_file():
        raise RuntimeError("No existe frontend/dist: ejecute antes `cd frontend && npm run build`.")
    carga = os.getloadavg()
    with servir_busqueda(escala, carpeta) as (activo, datos, contrasena):
        archivo_textos = carpeta / "textos.json"
        archivo_textos.write_text(json.dumps(_textos(datos), ensure_ascii=False))
        salida = carpeta / "navegador.json"
        proceso = subprocess.run(  # noqa: S603 - comando fijo del benchmark, sin shell
            ["node", str(MEDIDOR), str(salida),  # noqa: S607 - node del sistema, como en make bench
             "--url", f"http://127.0.0.1:{activo.puerto}", "--textos", str(archivo_textos),
             "--usuario", USUARIO, "--consultas", str(CONSULTAS),
             "--calentamiento", str(CALENTAMIENTO), "--retardo", str(RETARDO_TECLA_MS)],
            cwd=FRONTEND,
            env={**os.environ, "BENCH_CONTRASENA": contrasena},
            stdout=subprocess.DEVNULL,  # su tabla; la de aquí lleva además la carga y el archivo
            check=False,
        )  # fmt: skip
        if proceso.returncode == SIN_CAJA:
            return None
        proceso.check_returncode()
        medida: dict[str, Any] = json.loads(salida.read_text())
    medida.pop("opciones", None)
    for nombre, cifras in medida["modos"].items():
        if cifras["modos_api"] != [MEDIDAS[nombre]]:
            raise RuntimeError(f"{nombre}: la API respondió en modo {cifras['modos_api']}.")
    return {
        "clientes": datos["clientes"],
        "consultas_por_modo": CONSULTAS,
        "calentamiento_por_modo": CALENTAMIENTO,
        "retardo_tecla_ms": RETARDO_TECLA_MS,
        "carga_antes": [round(c, 2) for c in carga],
        "carga_despues": [round(c, 2) for c in os.getloadavg()],
        **medida,
    }


def imprimir_navegador(medida: dict[str, Any]) -> None:
    print(
        f"\nCaja de búsqueda en {medida['navegador']}, {medida['clientes']:,} clientes: "
        f"última tecla → resultados pintados (meta p99 < {META_MS} ms; "
        f"{medida['consultas_por_modo']} consultas por modo, {medida['retardo_tecla_ms']} ms entre teclas)"
    )
    print(
        f"  {'modo':<18} {'p50':>6} {'p95':>6} {'p99':>6}   desglose p50: {'debounce':>8} "
        f"{'red+serv':>8} {'render':>7}   pet./consulta  cumple"
    )
    for modo, m in medida["modos"].items():
        total = m["ultima_tecla_a_pintado_ms"]
        print(
            f"  {modo:<18} {total['p50']:6.1f} {total['p95']:6.1f} {total['p99']:6.1f}"
            f"                 {m['debounce_ms']['p50']:8.1f} {m['red_servidor_ms']['p50']:8.1f}"
            f" {m['render_ms']['p50']:7.1f}   {m['peticiones_por_consulta']['media']:13.2f}"
            f"  {'sí' if m['cumple'] else 'NO'}"
        )
    imprimir_carga(medida)


def main() -> int:
    escala = escala_del_entorno()
    if escala is None:
        return 2
    git = estado_git()
    avisar_si_sucio(git)
    CARPETA_DATOS.mkdir(parents=True, exist_ok=True)
    carpeta = Path(tempfile.mkdtemp(prefix="navegador-trabajo-", dir=CARPETA_DATOS))
    try:
        cifras = medir_navegador(escala, carpeta)
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)
    if cifras is None:
        print("\nLa Consulta aún no tiene la caja de búsqueda: no se midió en el navegador.")
        return 0
    medida = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        **git,
        "escala": escala,
        "comando": f"BENCH_SCALE={escala} python -m bench.busqueda_navegador",
        "meta_ms": META_MS,
        **cifras,
    }
    destino = guardar_resultados(
        medida,
        RAIZ_BENCH / "resultados",
        f"{hoy_bogota().isoformat()}_busqueda_navegador_{escala}",
    )
    imprimir_navegador(medida)
    print(f"\nResultados en {destino.relative_to(RAIZ)}.")
    return 0  # un benchmark, no una prueba: la tabla dice si se cumple la meta


if __name__ == "__main__":
    sys.exit(main())
