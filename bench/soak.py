"""`python -m bench.soak` (lo que corre `make soak`): prueba de resistencia de la consulta.

Arranca gunicorn como en producción sobre los datos del benchmark, mide la capacidad (wrk a toda
velocidad, 16 conexiones keep-alive) y sostiene una fracción de ella durante un tiempo con
`bench/soak.lua`, en rondas de hasta 60 s con un token nuevo en cada una. Aprueba si no hubo
errores y la memoria del servidor (RSS del maestro y los workers) creció menos de 10 %.

Variables: `SOAK_MINUTOS` (5; admite decimales), `SOAK_FRACCION` (0.7) y `SOAK_ESCALA` (10k, small
o full, como `bench/datos.py`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from bench.__main__ import CARPETA_RESULTADOS
from bench.carga import CONEXIONES, carga_concurrente, carga_secuencial
from bench.datos import CARPETA_DATOS, ESCALAS, Escala, preparar
from bench.entorno import RAIZ
from bench.medidas import Trabajo
from bench.planes import maquina
from bench.servidor import APP_PROYECTO, Servidor, servidor
from services.tiempo_service import ZONA_BOGOTA, hoy_bogota

SEGUNDOS_CAPACIDAD = 10
SEGUNDOS_RONDA = 60
CRECIMIENTO_MAXIMO = 0.10
CALENTAMIENTO = 100  # consultas secuenciales antes de medir la capacidad
PENDIENTE_INICIAL = 0.7  # cuánto cambia el intervalo por ms de retardo (ver retardo_siguiente)


@dataclass(frozen=True)
class Parametros:
    escala: Escala
    fraccion: float
    minutos: float

    @property
    def rondas(self) -> list[int]:
        """Segundos de cada ronda: hasta 60 s y al menos dos (para ajustar el ritmo entre ellas)."""
        total = max(round(self.minutos * 60), 1)
        cantidad = max(math.ceil(total / SEGUNDOS_RONDA), 2 if total >= 10 else 1)
        return [total // cantidad + (1 if i < total % cantidad else 0) for i in range(cantidad)]


def leer_parametros() -> Parametros:
    """Los parámetros de las variables `SOAK_*`; `ValueError` con el motivo si no sirven."""
    nombre = os.environ.get("SOAK_ESCALA", "10k").strip().lower()
    if nombre not in ESCALAS:
        raise ValueError(f"SOAK_ESCALA debe ser una de: {', '.join(ESCALAS)}.")
    try:
        fraccion = float(os.environ.get("SOAK_FRACCION", "0.7").replace(",", "."))
        minutos = float(os.environ.get("SOAK_MINUTOS", "5").replace(",", "."))
    except ValueError:
        raise ValueError(
            "SOAK_FRACCION y SOAK_MINUTOS deben ser números (p. ej. 0.7 y 5)."
        ) from None
    if not 0 < fraccion <= 1:
        raise ValueError("SOAK_FRACCION debe estar entre 0 y 1 (p. ej. 0.7).")
    if not 0 < minutos <= 24 * 60:
        raise ValueError("SOAK_MINUTOS debe ser mayor que 0 (p. ej. 5 o 0.5).")
    return Parametros(ESCALAS[nombre], fraccion, minutos)


def memoria(activo: Servidor) -> dict[str, Any]:
    """RSS (VmRSS) del maestro de gunicorn y de cada worker, y su suma, en MB.

    También la parte anónima (RssAnon, el heap de Python): la VM puede devolver al anfitrión páginas
    de archivo frías (bibliotecas mapeadas), lo que baja VmRSS sin que la app haya liberado nada.
    """
    pids = [activo.pid, *activo.trabajadores()]
    medidas = {pid: _status_mb(pid) for pid in pids}
    trabajadores = {str(pid): round(medidas[pid]["VmRSS"], 1) for pid in pids[1:]}
    return {
        "total_mb": round(sum(m["VmRSS"] for m in medidas.values()), 1),
        "anonima_mb": round(sum(m["RssAnon"] for m in medidas.values()), 1),
        "maestro_mb": round(medidas[activo.pid]["VmRSS"], 1),
        "trabajadores_mb": trabajadores,
    }


def _status_mb(pid: int) -> dict[str, float]:
    """VmRSS y RssAnon de `/proc/<pid>/status`, en MB."""
    valores = {"VmRSS": 0.0, "RssAnon": 0.0}
    for linea in Path(f"/proc/{pid}/status").read_text().splitlines():
        clave, _, resto = linea.partition(":")
        if clave in valores:
            valores[clave] = int(resto.split()[0]) / 1024
    return valores


def retardo_siguiente(objetivo: float, historia: list[tuple[float, float]]) -> float:
    """Retardo por conexión (ms) para la próxima ronda, de los (retardo, pet/s) de las anteriores.

    Cada conexión hace una petición cada `retardo + latencia`, con intervalo = conexiones / ritmo.
    Como la latencia crece con el ritmo, el intervalo cambia menos que el retardo: la diferencia de
    intervalo con el objetivo se divide por esa pendiente, medida entre las dos últimas rondas (con
    una sola ronda, 0,7, lo medido en esta máquina) y acotada entre 0,4 y 1 para que el ruido de la
    máquina no dispare el ajuste.
    """
    intervalo_objetivo = CONEXIONES * 1000 / objetivo
    retardo, logrado = historia[-1]
    if logrado <= 0:
        return retardo
    intervalo = CONEXIONES * 1000 / logrado
    pendiente = PENDIENTE_INICIAL
    if len(historia) >= 2 and historia[-2][1] > 0 and abs(retardo - historia[-2][0]) >= 0.5:
        retardo_previo, logrado_previo = historia[-2]
        intervalo_previo = CONEXIONES * 1000 / logrado_previo
        pendiente = (intervalo - intervalo_previo) / (retardo - retardo_previo)
        pendiente = min(max(pendiente, 0.4), 1.0)
    return max(retardo + (intervalo_objetivo - intervalo) / pendiente, 0.0)


def _ronda(
    activo: Servidor, trabajo: Trabajo, segundos: int, objetivo: float, retardo_ms: float
) -> dict[str, Any]:
    token = trabajo.sesion(activo)  # el token de acceso dura ~15 min: uno nuevo por ronda
    medida = carga_concurrente(
        activo,
        token,
        trabajo.conjunto.documentos,
        segundos=segundos,
        guion="soak.lua",
        argumentos=(f"{retardo_ms:.3f}",),
    )
    return {
        "segundos": medida["segundos"],
        "peticiones": medida["peticiones"],
        "peticiones_por_segundo": medida["peticiones_por_segundo"],
        "objetivo": round(objetivo, 1),
        "retardo_ms": round(retardo_ms, 3),
        "p50_ms": medida["p50_ms"],
        "p99_ms": medida["p99_ms"],
        "max_ms": medida["max_ms"],
        "errores": medida["errores"],
        "detalle_errores": {c: v for c, v in medida.items() if c.startswith("errores_")},
        "cpu_ms_por_peticion": medida["cpu_ms_por_peticion"],
        "memoria": memoria(activo),
    }


def _encabezado() -> None:
    print(
        f"{'ronda':>5} {'s':>6} {'peticiones':>10} {'pet/s':>8} {'objetivo':>8} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'errores':>7} {'memoria MB':>10}",
        flush=True,
    )


def _fila(numero: int, r: dict[str, Any]) -> None:
    print(
        f"{numero:>5} {r['segundos']:>6.1f} {r['peticiones']:>10,} "
        f"{r['peticiones_por_segundo']:>8.1f} {r['objetivo']:>8.1f} {r['p50_ms']:>7.2f} "
        f"{r['p99_ms']:>7.2f} {r['errores']:>7} {r['memoria']['total_mb']:>10.1f}",
        flush=True,
    )


def medir(parametros: Parametros, trabajo: Trabajo) -> dict[str, Any]:
    """Capacidad, memoria inicial y las rondas a ritmo fijo; devuelve todo lo medido."""
    documentos = trabajo.conjunto.documentos
    # Como en producción, salvo el reciclaje de workers (`max_requests`): un worker nuevo tapa una
    # fuga de memoria, que es justo lo que esta prueba busca.
    entorno = {**trabajo.entorno, "GUNICORN_MAX_REQUESTS": "0"}
    with servidor(APP_PROYECTO, entorno, trabajo.registro) as activo:
        token = trabajo.sesion(activo)
        calentamiento = carga_secuencial(activo, token, documentos, cantidad=CALENTAMIENTO)
        print(
            f"Capacidad: wrk a toda velocidad, {CONEXIONES} conexiones, {SEGUNDOS_CAPACIDAD} s..."
        )
        capacidad = carga_concurrente(activo, token, documentos, segundos=SEGUNDOS_CAPACIDAD)
        objetivo = capacidad["peticiones_por_segundo"] * parametros.fraccion
        inicial = memoria(activo)
        print(
            f"  {capacidad['peticiones_por_segundo']:.1f} pet/s (p99 {capacidad['p99_ms']:.1f} ms, "
            f"{capacidad['errores']} errores); objetivo {objetivo:.1f} pet/s "
            f"({parametros.fraccion:.0%}); memoria inicial {inicial['total_mb']:.1f} MB "
            f"({len(inicial['trabajadores_mb'])} workers)"
        )
        segundos = parametros.rondas
        print(f"\nResistencia: {sum(segundos)} s en {len(segundos)} rondas", flush=True)
        _encabezado()
        # Primera estimación de la latencia con carga ρ = fracción: la de sin carga / (1 − ρ), como
        # en una cola M/M/1; de la segunda ronda en adelante se ajusta con lo medido.
        latencia = calentamiento["promedio_ms"] / max(1 - parametros.fraccion, 0.1)
        retardo = max(CONEXIONES * 1000 / objetivo - latencia, 0.0)
        rondas: list[dict[str, Any]] = []
        for numero, duracion in enumerate(segundos, start=1):
            ronda = _ronda(activo, trabajo, duracion, objetivo, retardo)
            rondas.append(ronda)
            _fila(numero, ronda)
            historia = [(r["retardo_ms"], r["peticiones_por_segundo"]) for r in rondas]
            retardo = retardo_siguiente(objetivo, historia)
        final = memoria(activo)
    return {
        "capacidad": capacidad,
        "objetivo": objetivo,
        "rondas": rondas,
        "inicial": inicial,
        "final": final,
    }


def resumir(parametros: Parametros, medido: dict[str, Any]) -> dict[str, Any]:
    rondas = medido["rondas"]
    inicial, final = medido["inicial"], medido["final"]
    peticiones = sum(r["peticiones"] for r in rondas)
    segundos = sum(r["segundos"] for r in rondas)
    errores = sum(r["errores"] for r in rondas)
    crecimiento = final["total_mb"] / inicial["total_mb"] - 1
    reiniciados = set(final["trabajadores_mb"]) != set(inicial["trabajadores_mb"])
    return {
        "capacidad_peticiones_por_segundo": medido["capacidad"]["peticiones_por_segundo"],
        "fraccion": parametros.fraccion,
        "objetivo_peticiones_por_segundo": round(medido["objetivo"], 1),
        "logrado_peticiones_por_segundo": round(peticiones / segundos, 1) if segundos else 0.0,
        "segundos": round(segundos, 1),
        "peticiones": peticiones,
        "errores": errores,
        "memoria_inicial_mb": inicial["total_mb"],
        "memoria_final_mb": final["total_mb"],
        "memoria_anonima_inicial_mb": inicial["anonima_mb"],
        "memoria_anonima_final_mb": final["anonima_mb"],
        "crecimiento_memoria": round(crecimiento, 4),
        "workers_reiniciados": reiniciados,
        # Sin reciclaje (`GUNICORN_MAX_REQUESTS=0`), un worker reemplazado es un worker caído.
        "aprobada": errores == 0 and crecimiento < CRECIMIENTO_MAXIMO and not reiniciados,
    }


def imprimir_resumen(r: dict[str, Any], medido: dict[str, Any]) -> None:
    inicial, final = medido["inicial"], medido["final"]
    print("\nResumen:")
    print(f"  capacidad medida:      {r['capacidad_peticiones_por_segundo']:.1f} pet/s")
    print(
        f"  objetivo ({r['fraccion']:.0%}):        {r['objetivo_peticiones_por_segundo']:.1f} pet/s"
    )
    print(f"  ritmo logrado:         {r['logrado_peticiones_por_segundo']:.1f} pet/s")
    print(f"  peticiones:            {r['peticiones']:,} en {r['segundos']:.0f} s")
    print(
        f"  errores:               {r['errores']} (no 2xx + conexión + lectura/escritura + tiempo)"
    )
    print(
        f"  memoria del servidor:  {r['memoria_inicial_mb']:.1f} MB al inicio → "
        f"{r['memoria_final_mb']:.1f} MB al final ({r['crecimiento_memoria']:+.1%}; "
        f"máximo {CRECIMIENTO_MAXIMO:.0%})"
    )
    print(f"    anónima (heap): {inicial['anonima_mb']:.1f} → {final['anonima_mb']:.1f} MB")
    print(f"    maestro: {inicial['maestro_mb']:.1f} → {final['maestro_mb']:.1f} MB")
    for pid in sorted(set(inicial["trabajadores_mb"]) | set(final["trabajadores_mb"])):
        antes, despues = inicial["trabajadores_mb"].get(pid), final["trabajadores_mb"].get(pid)
        texto_antes = f"{antes:.1f}" if antes is not None else "—"
        texto_despues = f"{despues:.1f}" if despues is not None else "— (terminó)"
        print(f"    worker {pid}: {texto_antes} → {texto_despues} MB")
    if r["workers_reiniciados"]:
        print("  Un worker se cayó y gunicorn lo reemplazó durante la prueba.")
    motivos = []
    if r["errores"]:
        motivos.append(f"{r['errores']} errores")
    if r["crecimiento_memoria"] >= CRECIMIENTO_MAXIMO:
        motivos.append(f"la memoria creció {r['crecimiento_memoria']:.1%}")
    veredicto = "APROBADA" if r["aprobada"] else f"FALLIDA ({', '.join(motivos)})"
    print(f"\nPrueba de resistencia: {veredicto}")


def _terminar(_senal: int, _marco: FrameType | None) -> None:
    raise KeyboardInterrupt  # SIGTERM como Ctrl-C: se detiene el servidor y se borra la carpeta


def main() -> int:
    try:
        parametros = leer_parametros()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminar)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # avance en vivo
    inicio = time.perf_counter()
    hoy = hoy_bogota()
    conjunto = preparar(parametros.escala, hoy)
    carpeta = CARPETA_DATOS / f"soak-{os.getpid()}"
    print(
        f"Prueba de resistencia: escala {parametros.escala.nombre}, {parametros.fraccion:.0%} de la "
        f"capacidad durante {parametros.minutos:g} min (trabajo en {carpeta})",
        flush=True,
    )
    try:
        medido = medir(parametros, Trabajo(conjunto, carpeta))
    except KeyboardInterrupt:
        print("\nInterrumpida: servidor detenido y carpeta de trabajo borrada.", file=sys.stderr)
        return 130
    finally:
        registro = carpeta / "gunicorn.log"
        if registro.exists():
            registro.replace(CARPETA_DATOS / "ultimo-gunicorn-soak.log")
        shutil.rmtree(carpeta, ignore_errors=True)
    resumen = resumir(parametros, medido)
    resultados = {
        "fecha": datetime.now(ZONA_BOGOTA).isoformat(timespec="seconds"),
        "comando": (
            f"SOAK_ESCALA={parametros.escala.nombre} SOAK_FRACCION={parametros.fraccion:g} "
            f"SOAK_MINUTOS={parametros.minutos:g} make soak"
        ),
        "escala": parametros.escala.nombre,
        "maquina": maquina(),
        "datos": conjunto.meta,
        "resumen": resumen,
        "capacidad": medido["capacidad"],
        "memoria_inicial": medido["inicial"],
        "memoria_final": medido["final"],
        "rondas": medido["rondas"],
        "segundos_totales": round(time.perf_counter() - inicio, 1),
    }
    CARPETA_RESULTADOS.mkdir(exist_ok=True)
    destino = CARPETA_RESULTADOS / f"{hoy.isoformat()}_soak.json"
    destino.write_text(json.dumps(resultados, indent=2, ensure_ascii=False, default=str) + "\n")
    imprimir_resumen(resumen, medido)
    print(f"Resultados en {destino.relative_to(RAIZ)} ({resultados['segundos_totales']} s).")
    return 0 if resumen["aprobada"] else 1


if __name__ == "__main__":
    sys.exit(main())
