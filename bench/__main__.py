"""`python -m bench` (lo que corre `make bench`): datos, mediciones, tabla y JSON de resultados.

`BENCH_SCALE=small` (por defecto: 100.000 clientes y 1.000.000 de compras) o `full` (1.000.000 y
10.000.000). `BENCH_RONDAS` (por defecto 3): rondas emparejadas de la consulta (proyecto y, enseguida,
la línea base); las cifras son la mediana de las razones por ronda, con mínimo y máximo.
El JSON registra el commit y si el árbol estaba limpio, y lleva el commit en su nombre.
Solo una parte: `python -m bench entregas` (M8, `bench/entregas.py`) o `python -m bench catalogo`.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import datetime
from typing import Any

from bench import catalogo, entregas, medidas
from bench.busqueda import imprimir_busqueda, medir_busqueda
from bench.catalogo import imprimir_catalogo, medir_catalogo
from bench.datos import CARPETA_DATOS, ESCALAS, Escala, preparar
from bench.entorno import RAIZ, RAIZ_BENCH, configuracion_gunicorn
from bench.planes import avisar_si_sucio, estado_git, guardar_resultados, maquina, planes
from bench.tabla import imprimir
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

CARPETA_RESULTADOS = RAIZ_BENCH / "resultados"


def _escalas_crecimiento(escala: Escala) -> list[Escala]:
    orden = list(ESCALAS.values())
    return orden[: orden.index(escala) + 1]


def main() -> int:
    if sys.argv[1:2] == ["entregas"]:  # solo la parte de M8: `python -m bench entregas`
        return entregas.main(sys.argv[2:])
    if sys.argv[1:2] == ["catalogo"]:
        return catalogo.main()
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
    avisar_si_sucio(git)
    resultados: dict[str, Any] = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        **git,
        "escala": escala.nombre,
        "comando": f"BENCH_SCALE={escala.nombre} make bench",
        "maquina": maquina(),
        "gunicorn": configuracion_gunicorn(),
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
        print("  entregas (M8): ingesta, monitor y consulta con monitores...", flush=True)
        resultados["entregas"] = entregas.medir_entregas(carpeta / "entregas")
    finally:
        for trabajo_registro in carpeta.glob("*/gunicorn.log"):
            destino_registro = CARPETA_DATOS / f"ultimo-gunicorn-{trabajo_registro.parent.name}.log"
            trabajo_registro.replace(destino_registro)
        shutil.rmtree(carpeta, ignore_errors=True)
    resultados["segundos_totales"] = round(time.perf_counter() - inicio, 1)
    destino = guardar_resultados(
        resultados, CARPETA_RESULTADOS, f"{hoy.isoformat()}_{escala.nombre}"
    )
    imprimir(resultados)
    imprimir_catalogo(resultados["catalogo"])
    imprimir_busqueda(resultados["busqueda"])
    entregas.imprimir_entregas(resultados["entregas"])
    print(f"\nResultados en {destino.relative_to(RAIZ)} ({resultados['segundos_totales']} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
