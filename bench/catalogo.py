"""Lo que pide un vendedor (módulo M7): su ruta y el portafolio de cada establecimiento.

`python -m bench.catalogo` (también lo corre `make bench`): base nueva con las migraciones y los
datos de demostración (`flask seed --clientes 0`), gunicorn como en producción, inicio de sesión
real del vendedor demo, y las mismas cargas que la consulta del SAC: 500 peticiones secuenciales y
`wrk` con 16 conexiones durante 15 s, alternando `GET /api/vendedores/yo/ruta` y
`GET /api/establecimientos/{id}/portafolio` de sus establecimientos. Imprime peticiones/s, p50,
p99, CPU de los workers por petición y peticiones/s por núcleo (las cifras que usa
`docs/arquitectura-disponibilidad.md`).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.carga import carga_concurrente, percentiles
from bench.entorno import RAIZ, RAIZ_BENCH, ejecutar, entorno_app, entorno_produccion
from bench.servidor import APP_PROYECTO, Servidor, iniciar_sesion, pedir, servidor
from services.catalogo.demo_service import VENDEDOR_DEMO
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

# Como `bench.datos.CARPETA_DATOS` (sin importar numpy, que solo hace falta para generar datos).
CARPETA_DATOS = RAIZ_BENCH / ".datos"
PETICIONES_SECUENCIALES = 500
CALENTAMIENTO = 100


def _secuencial(activo: Servidor, token: str, rutas: list[str], cantidad: int) -> list[float]:
    azar = random.Random(11)
    tiempos = []
    with closing(activo.conexion()) as conexion:
        for _ in range(cantidad):
            estado, cuerpo, segundos = pedir(conexion, "GET", azar.choice(rutas), token)
            if estado != 200:
                raise RuntimeError(f"El catálogo respondió {estado}: {cuerpo[:200]!r}")
            tiempos.append(segundos * 1000)
    return tiempos


def medir_catalogo(carpeta: Path) -> dict[str, Any]:
    """Base nueva con la demostración, servidor de producción y las cargas del vendedor."""
    carpeta.mkdir(parents=True, exist_ok=True)
    base = carpeta / "catalogo.db"
    base.unlink(missing_ok=True)
    desarrollo = entorno_app(base)
    ejecutar(["flask", "--app", "app", "db", "upgrade"], desarrollo, silencioso=True)
    ejecutar(["flask", "--app", "app", "seed", "--clientes", "0"], desarrollo, silencioso=True)
    with servidor(APP_PROYECTO, entorno_produccion(base), carpeta / "gunicorn.log") as activo:
        token = iniciar_sesion(activo, VENDEDOR_DEMO.usuario, VENDEDOR_DEMO.contrasena)
        with closing(activo.conexion()) as conexion:
            _, cuerpo, _ = pedir(conexion, "GET", "/api/vendedores/yo/ruta", token)
        paradas = json.loads(cuerpo)["establecimientos"]
        rutas = ["/api/vendedores/yo/ruta"] * len(paradas) + [
            f"/api/establecimientos/{parada['id']}/portafolio" for parada in paradas
        ]
        archivo_rutas = carpeta / "rutas.txt"
        archivo_rutas.write_text("\n".join(rutas) + "\n")
        _secuencial(activo, token, rutas, CALENTAMIENTO)
        secuencial = percentiles(_secuencial(activo, token, rutas, PETICIONES_SECUENCIALES))
        concurrente = carga_concurrente(activo, token, archivo_rutas, guion="rutas.lua")
    cpu = concurrente["cpu_ms_por_peticion"]
    return {
        "establecimientos_en_la_ruta": len(paradas),
        "secuencial": {"peticiones": PETICIONES_SECUENCIALES, **secuencial},
        "concurrente": concurrente,
        "peticiones_por_nucleo": round(1000 / cpu, 1) if cpu else None,
    }


def imprimir_catalogo(medida: dict[str, Any]) -> None:
    concurrente, secuencial = medida["concurrente"], medida["secuencial"]
    print("\nCatálogo (ruta del vendedor y portafolio de sus establecimientos):")
    print(f"  establecimientos en la ruta demo: {medida['establecimientos_en_la_ruta']}")
    print(f"  secuencial: p50 {secuencial['p50_ms']:.2f} ms, p99 {secuencial['p99_ms']:.2f} ms")
    print(
        f"  16 conexiones, 15 s: {concurrente['peticiones_por_segundo']:.0f} peticiones/s, "
        f"p50 {concurrente['p50_ms']:.1f} ms, p99 {concurrente['p99_ms']:.1f} ms, "
        f"errores {concurrente['errores']}"
    )
    print(
        f"  CPU de los workers por petición: {concurrente['cpu_ms_por_peticion']:.2f} ms "
        f"→ {medida['peticiones_por_nucleo']:.0f} peticiones/s por núcleo"
    )


def main() -> int:
    carpeta = CARPETA_DATOS / f"catalogo-{os.getpid()}"
    try:
        medida = medir_catalogo(carpeta)
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)
    medida["fecha"] = datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds")
    medida["comando"] = "python -m bench.catalogo"
    # La máquina es compartida: la carga al terminar ayuda a leer las cifras.
    medida["carga_promedio_1_5_15_min"] = [round(carga, 2) for carga in os.getloadavg()]
    imprimir_catalogo(medida)
    destino = RAIZ_BENCH / "resultados" / f"{hoy_bogota().isoformat()}_catalogo.json"
    destino.write_text(json.dumps(medida, indent=2, ensure_ascii=False) + "\n")
    print(f"\nResultados en {destino.relative_to(RAIZ)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
