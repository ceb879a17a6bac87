"""`python -m bench` (lo que corre `make bench`): datos, mediciones, tabla y JSON de resultados.

`BENCH_SCALE=small` (por defecto: 100.000 clientes y 1.000.000 de compras) o `full` (1.000.000 y
10.000.000). `BENCH_RONDAS` (por defecto 3): rondas emparejadas de la consulta (proyecto y, enseguida,
la línea base); las cifras son la mediana de las razones por ronda, con mínimo y máximo.
El JSON registra el commit y si el árbol estaba limpio, y lleva el commit en su nombre.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from datetime import datetime
from typing import Any

from bench import medidas
from bench.busqueda import imprimir_busqueda, medir_busqueda
from bench.catalogo import imprimir_catalogo, medir_catalogo
from bench.datos import CARPETA_DATOS, ESCALAS, Escala, preparar
from bench.entorno import RAIZ, RAIZ_BENCH
from bench.planes import estado_git, maquina, planes
from bench.tabla import imprimir
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

CARPETA_RESULTADOS = RAIZ_BENCH / "resultados"


def _escalas_crecimiento(escala: Escala) -> list[Escala]:
    orden = list(ESCALAS.values())
    return orden[: orden.index(escala) + 1]


def _gunicorn() -> dict[str, Any]:
    """Workers e hilos con los que arranca `gunicorn.conf.py` en esta máquina."""
    configuracion: dict[str, Any] = {}
    codigo = compile((RAIZ / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec")
    exec(codigo, configuracion)  # noqa: S102 - el archivo de configuración del propio proyecto
    return {clave: configuracion.get(clave) for clave in ("workers", "threads", "worker_class")}


def main() -> int:
    nombre = os.environ.get("BENCH_SCALE", "small").strip().lower()
    if nombre not in ("small", "full"):
        print("BENCH_SCALE debe ser small o full.", file=sys.stderr)
        return 2
    escala = ESCALAS[nombre]
    rondas = int(os.environ.get("BENCH_RONDAS", "3"))
    inicio = time.perf_counter()
    hoy = hoy_bogota()
    conjuntos = {e.nombre: preparar(e, hoy) for e in _escalas_crecimiento(escala)}
    datos = conjuntos[escala.nombre]
    # La importación se mide con los datos de `small` (100.000 + 1.000.000 filas) en ambas escalas.
    importacion = conjuntos["small"]
    carpeta = CARPETA_DATOS / f"trabajo-{os.getpid()}"
    carpeta.mkdir(parents=True)
    git = estado_git()
    if not git["arbol_limpio"]:
        print(
            f"AVISO: el árbol tiene cambios sin commit ({len(git['cambios_sin_commit'])}); "
            "estas cifras no se pueden citar (commitee y vuelva a correr).",
            file=sys.stderr,
        )
    resultados: dict[str, Any] = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        **git,
        "escala": escala.nombre,
        "comando": f"BENCH_SCALE={escala.nombre} make bench",
        "maquina": maquina(),
        "gunicorn": _gunicorn(),
        "datos": {n: c.meta for n, c in conjuntos.items()},
    }
    try:
        print(f"Mediciones a escala {escala.nombre} (trabajo en {carpeta}):", flush=True)
        trabajos = {n: medidas.Trabajo(c, carpeta / n) for n, c in conjuntos.items()}
        principal = trabajos[escala.nombre]
        resultados["consulta"] = medidas.medir_consulta(principal, rondas)
        resultados["reporte"] = medidas.medir_reporte_y_exportacion(principal)
        resultados["exportacion"] = resultados["reporte"].pop("exportacion")
        documento = datos.documentos.read_text().split("\n", 1)[0].split()
        resultados["planes"] = planes(
            principal.base, documento[0], documento[1], principal.entorno["SECRET_KEY"]
        )
        resultados["importacion"] = medidas.medir_importacion(importacion, carpeta)
        resultados["crecimiento"] = medidas.medir_crecimiento(list(trabajos.values()))
        print("  catálogo: ruta y portafolio del vendedor...", flush=True)
        resultados["catalogo"] = medir_catalogo(carpeta / "catalogo")
        print("  búsqueda única (M10): documento, teléfono, correo y nombre...", flush=True)
        resultados["busqueda"] = medir_busqueda(escala.nombre, carpeta / "busqueda")
    finally:
        for trabajo_registro in carpeta.glob("*/gunicorn.log"):
            destino_registro = CARPETA_DATOS / f"ultimo-gunicorn-{trabajo_registro.parent.name}.log"
            trabajo_registro.replace(destino_registro)
        shutil.rmtree(carpeta, ignore_errors=True)
    resultados["segundos_totales"] = round(time.perf_counter() - inicio, 1)
    CARPETA_RESULTADOS.mkdir(exist_ok=True)
    sufijo = git["commit"] if git["arbol_limpio"] else f"{git['commit']}-sucio"
    destino = CARPETA_RESULTADOS / f"{hoy.isoformat()}_{escala.nombre}_{sufijo}.json"
    otra = 2
    while destino.exists():  # otra corrida del mismo commit el mismo día: no se sobrescribe
        destino = CARPETA_RESULTADOS / f"{hoy.isoformat()}_{escala.nombre}_{sufijo}-{otra}.json"
        otra += 1
    destino.write_text(json.dumps(resultados, indent=2, ensure_ascii=False, default=str) + "\n")
    imprimir(resultados)
    imprimir_catalogo(resultados["catalogo"])
    imprimir_busqueda(resultados["busqueda"])
    print(f"\nResultados en {destino.relative_to(RAIZ)} ({resultados['segundos_totales']} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
