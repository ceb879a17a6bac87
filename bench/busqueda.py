"""La caja de búsqueda única (M10) a escala: p50 y p99 por modo (documento, teléfono, correo, nombre).

`python -m bench.busqueda` (también lo corre `make bench`) con `BENCH_SCALE=small` (100.000 clientes)
o `full` (1.000.000). La base tiene solo clientes —los mismos que genera `bench.datos`, con la misma
semilla— con sus columnas y palabras de búsqueda escritas por `services/busqueda_service` (la misma
regla que la importación), y se guarda en caché por escala, versión y día. Se sirve con gunicorn como
en producción; un agente (contacto enmascarado) busca de a una petición por una conexión keep-alive:
`CONSULTAS` por modo tras `CALENTAMIENTO`, con textos como los escribiría una persona (con y sin
tipo, con `+57` y espacios, en mayúsculas, nombres completos o prefijos). Cada petición escribe su
fila de auditoría, como en producción.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.carga import percentiles
from bench.entorno import RAIZ, RAIZ_BENCH, ejecutar, entorno_app, entorno_produccion
from bench.planes import avisar_si_sucio, estado_git, guardar_resultados
from bench.servidor import APP_PROYECTO, Servidor, iniciar_sesion, pedir, servidor
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

CARPETA_DATOS = RAIZ_BENCH / ".datos"
VERSION = 6  # 6: marcas de calidad (migración 0011)
CLIENTES = {"small": 100_000, "full": 1_000_000}
CONSULTAS = 400
CALENTAMIENTO = 60
MUESTRA = 5000
LOTE = 50_000
USUARIO = "bench.busqueda"
# Lo que se mide → el modo que debe responder la API. El nombre de una sola palabra (un apellido o
# su prefijo de 4 letras) se mide aparte: es el caso que más clientes recorre.
MEDIDAS = {
    "documento": "documento",
    "telefono": "telefono",
    "correo": "correo",
    "nombre": "nombre",
    "nombre_una_palabra": "nombre",
}


def _generar(base: Path, cantidad: int, hoy: date) -> dict[str, Any]:
    """Clientes de `bench.datos` con columnas y palabras de búsqueda; textos de muestra por modo."""
    import numpy as np
    from sqlalchemy import insert

    from app import create_app
    from bench.datos import SEMILLA, _Clientes
    from models import Cliente, ClientePalabra, ClientePar
    from services import busqueda_service, calidad_service

    ejecutar(["flask", "--app", "app", "db", "upgrade"], entorno_app(base), silencioso=True)
    clientes = _Clientes(cantidad, hoy, np.random.default_rng(SEMILLA + cantidad))
    app = create_app({"SQLITE_PATH": str(base), "DATABASE_URL": "", "DB_CLIENT": "sqlite"})
    motor = app.extensions["sac_db"].engine
    with motor.connect() as conexion:
        conexion.exec_driver_sql("PRAGMA cache_size=-1000000")
        conexion.commit()
        filas: list[dict[str, Any]] = []
        palabras: list[dict[str, Any]] = []
        pares: list[dict[str, Any]] = []
        for fila in clientes.filas():
            filas.append(fila | calidad_service.columnas_derivadas(fila))
            nombre = (fila["id"], fila["nombre"], fila["apellido"])
            palabras += busqueda_service.filas_palabras(*nombre)
            pares += busqueda_service.filas_pares(*nombre)
            if len(filas) == LOTE:
                for modelo, lote in (
                    (Cliente, filas),
                    (ClientePalabra, palabras),
                    (ClientePar, pares),
                ):
                    conexion.execute(insert(modelo), lote)
                conexion.commit()
                filas, palabras, pares = [], [], []
        for modelo, lote in ((Cliente, filas), (ClientePalabra, palabras), (ClientePar, pares)):
            if lote:
                conexion.execute(insert(modelo), lote)
        conexion.commit()
        conexion.exec_driver_sql("ANALYZE")
        conexion.commit()
    motor.dispose()
    azar = random.Random(23)
    textos: dict[str, list[str]] = {medida: [] for medida in MEDIDAS}
    for indice, i in enumerate(azar.sample(range(cantidad), MUESTRA)):
        fila = _contacto(clientes, i)
        tipo = clientes.tipos[i]
        documento = clientes.documento_archivo(i)
        textos["documento"].append(f"{tipo} {documento}" if indice % 2 else documento)
        telefono = fila["telefono"]  # +57XXXXXXXXXX
        nacional = telefono[3:]
        textos["telefono"].append(
            f"+57 {nacional[:3]} {nacional[3:6]} {nacional[6:]}"
            if indice % 2
            else f"({nacional[:3]}) {nacional[3:6]}-{nacional[6:]}"
        )
        textos["correo"].append(fila["correo"].upper() if indice % 2 else fila["correo"])
        # Dos palabras del nombre completo: escritas enteras (con tildes) o sus 4 primeras letras.
        originales = f"{fila['nombre']} {fila['apellido']}".split()
        todas = busqueda_service.palabras(" ".join(originales))
        if indice % 2:
            textos["nombre"].append(f"{originales[0]} {originales[1]}")
            textos["nombre_una_palabra"].append(originales[1])
        else:
            textos["nombre"].append(f"{todas[0][:4]} {todas[1][:4]}")
            textos["nombre_una_palabra"].append(todas[1][:4])
    return {"clientes": cantidad, "textos": textos}


def _contacto(clientes: Any, i: int) -> dict[str, str]:
    """Nombre, apellido, correo y teléfono del cliente `i`, como en `_Clientes.filas()`."""
    from services.demo_service import DOMINIOS, PREFIJOS_CELULAR

    nombre, apellido, usuario = clientes.persona(i)
    return {
        "nombre": nombre,
        "apellido": apellido,
        "correo": f"{usuario}@{DOMINIOS[i % len(DOMINIOS)]}",
        "telefono": f"+57{PREFIJOS_CELULAR[clientes.prefijos[i]]}{clientes.celulares[i]:07d}",
    }


def preparar(escala: str, hoy: date, avisar: Any = print) -> tuple[Path, dict[str, Any]]:
    carpeta = CARPETA_DATOS / f"busqueda-{escala}-v{VERSION}-{hoy.isoformat()}"
    meta = carpeta / "meta.json"
    if meta.exists():
        return carpeta / "sac.db", json.loads(meta.read_text())
    for vieja in CARPETA_DATOS.glob(f"busqueda-{escala}-v*"):
        shutil.rmtree(vieja)
    parcial = carpeta.with_name(carpeta.name + ".parcial")
    shutil.rmtree(parcial, ignore_errors=True)
    parcial.mkdir(parents=True)
    avisar(
        f"Generando {CLIENTES[escala]:,} clientes para la búsqueda (caché en {CARPETA_DATOS})..."
    )
    inicio = time.perf_counter()
    datos = _generar(parcial / "sac.db", CLIENTES[escala], hoy)
    datos["segundos_generacion"] = round(time.perf_counter() - inicio, 1)
    (parcial / "meta.json").write_text(json.dumps(datos, ensure_ascii=False))
    parcial.rename(carpeta)
    avisar(f"Clientes listos en {datos['segundos_generacion']} s.")
    return carpeta / "sac.db", datos


def _medir_modo(
    activo: Servidor, token: str, modo: str, textos: list[str], azar: random.Random
) -> dict[str, Any]:
    tiempos, totales = [], []
    with closing(activo.conexion()) as conexion:
        for vuelta in range(CALENTAMIENTO + CONSULTAS):
            texto = azar.choice(textos)
            ruta = "/api/clientes/busqueda?" + urlencode({"q": texto})
            estado, cuerpo, segundos = pedir(conexion, "GET", ruta, token)
            if estado != 200:
                raise RuntimeError(f"La búsqueda {modo} respondió {estado}: {cuerpo[:200]!r}")
            datos = json.loads(cuerpo)
            if datos["modo"] != modo or datos["total"] == 0:
                raise RuntimeError(f"«{texto}» debía encontrar algo en modo {modo}: {datos}")
            if vuelta >= CALENTAMIENTO:
                tiempos.append(segundos * 1000)
                totales.append(datos["total"])
    return {
        "consultas": CONSULTAS,
        **percentiles(tiempos),
        "coincidencias_mediana": statistics.median(totales),
        "coincidencias_maximo": max(totales),
    }


@contextmanager
def servir_busqueda(escala: str, carpeta: Path) -> Iterator[tuple[Servidor, dict[str, Any], str]]:
    """Copia de la base en `carpeta`, un agente real (`USUARIO`, contraseña aleatoria) y gunicorn de
    producción, que sirve la API y también `frontend/dist` si está construido (como en producción).
    Da el servidor activo, los datos de `preparar` (con los textos de muestra) y la contraseña."""
    original, datos = preparar(escala, hoy_bogota())
    carpeta.mkdir(parents=True, exist_ok=True)
    base = carpeta / "busqueda.db"
    shutil.copyfile(original, base)
    contrasena = secrets.token_urlsafe(24)
    ejecutar(
        ["flask", "--app", "app", "usuarios", "crear", "--usuario", USUARIO, "--nombre",
         "Benchmark búsqueda", "--rol", "agente", "--contrasena-stdin"],
        entorno_app(base),
        silencioso=True,
        entrada=contrasena + "\n",
    )  # fmt: skip
    with servidor(APP_PROYECTO, entorno_produccion(base), carpeta / "gunicorn.log") as activo:
        yield activo, datos, contrasena


def medir_busqueda(escala: str, carpeta: Path) -> dict[str, Any]:
    """Copia de la base, agente real, gunicorn de producción y las consultas de cada modo."""
    carga = os.getloadavg()
    with servir_busqueda(escala, carpeta) as (activo, datos, contrasena):
        token = iniciar_sesion(activo, USUARIO, contrasena)
        azar = random.Random(31)
        modos = {
            medida: _medir_modo(activo, token, modo, datos["textos"][medida], azar)
            for medida, modo in MEDIDAS.items()
        }
    return {
        "clientes": datos["clientes"],
        "carga_antes": [round(c, 2) for c in carga],
        "carga_despues": [round(c, 2) for c in os.getloadavg()],
        "modos": modos,
    }


def imprimir_busqueda(medida: dict[str, Any]) -> None:
    print(f"\nBúsqueda única (M10), {medida['clientes']:,} clientes, agente, secuencial:")
    for modo, cifras in medida["modos"].items():
        print(
            f"  {modo:<18} p50 {cifras['p50_ms']:6.2f} ms  p99 {cifras['p99_ms']:6.2f} ms  "
            f"(coincidencias: mediana {cifras['coincidencias_mediana']:g}, "
            f"máximo {cifras['coincidencias_maximo']})"
        )
    imprimir_carga(medida)


def imprimir_carga(medida: dict[str, Any]) -> None:
    print(f"  carga de la máquina (1, 5, 15 min): antes {medida['carga_antes']}, "
          f"después {medida['carga_despues']}")  # fmt: skip


def escala_del_entorno() -> str | None:
    """`BENCH_SCALE` (`small` por defecto); `None`, con el aviso, si no es `small` ni `full`."""
    escala = os.environ.get("BENCH_SCALE", "small").strip().lower()
    if escala not in CLIENTES:
        print("BENCH_SCALE debe ser small o full.", file=sys.stderr)
        return None
    return escala


def main() -> int:
    escala = escala_del_entorno()
    if escala is None:
        return 2
    git = estado_git()
    avisar_si_sucio(git)
    carpeta = CARPETA_DATOS / f"busqueda-trabajo-{os.getpid()}"
    try:
        medida = medir_busqueda(escala, carpeta)
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)
    medida = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        **git,
        "escala": escala,
        "comando": f"BENCH_SCALE={escala} python -m bench.busqueda",
        **medida,
    }
    destino = guardar_resultados(
        medida, RAIZ_BENCH / "resultados", f"{hoy_bogota().isoformat()}_busqueda_{escala}"
    )
    imprimir_busqueda(medida)
    print(f"\nResultados en {destino.relative_to(RAIZ)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
