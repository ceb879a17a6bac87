"""Las mediciones: consulta (proyecto y línea base), reporte, exportación, importación y crecimiento."""

from __future__ import annotations

import random
import secrets
import shutil
import sqlite3
import statistics
import sys
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

from bench.carga import carga_concurrente, carga_secuencial, percentiles, tiempos_secuenciales
from bench.datos import ConjuntoDatos
from bench.entorno import Medida, ejecutar, entorno_app, entorno_produccion
from bench.servidor import (
    APP_LINEA_BASE,
    APP_PROYECTO,
    Servidor,
    iniciar_sesion,
    pedir,
    servidor,
)

USUARIO_BENCH = "bench.supervisor"
REPETICIONES_REPORTE = 5  # pares (proyecto, línea base) del reporte por la API y por la CLI
REPORTES_CRECIMIENTO = 3
REPETICIONES_EXPORTACION = 5
RONDAS_CRECIMIENTO = 6
CONSULTAS_POR_RONDA = 100


class Trabajo:
    """Copia de trabajo de una base (las mediciones escriben auditoría y sesiones) y su usuario."""

    def __init__(self, conjunto: ConjuntoDatos, carpeta: Path) -> None:
        self.conjunto = conjunto
        self.carpeta = carpeta
        self.base = carpeta / f"{conjunto.escala.nombre}.db"
        self.registro = carpeta / "gunicorn.log"
        carpeta.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(conjunto.base, self.base)
        self.contrasena = secrets.token_urlsafe(24)
        ejecutar(
            [
                "flask",
                "--app",
                "app",
                "usuarios",
                "crear",
                "--usuario",
                USUARIO_BENCH,
                "--nombre",
                "Benchmark M4",
                "--rol",
                "supervisor",
                "--contrasena-stdin",
            ],
            entorno_app(self.base),
            silencioso=True,
            entrada=self.contrasena + "\n",
        )
        # Los mismos secretos para el proyecto y la línea base: el mismo token sirve en ambos.
        self.entorno = entorno_produccion(self.base)

    def sesion(self, servidor_activo: Servidor) -> str:
        return iniciar_sesion(servidor_activo, USUARIO_BENCH, self.contrasena)


def medir_consulta(trabajo: Trabajo, rondas: int) -> dict[str, Any]:
    """Rondas emparejadas: en cada una, el proyecto y enseguida la línea base con la misma carga.

    La razón de cada ronda compara dos mediciones hechas una tras otra (la velocidad de esta máquina
    cambia entre minutos); se informa la mediana de las razones de las rondas y su mínimo y máximo.
    Las cifras de cada lado son la mediana de sus rondas; los errores, la suma.
    """
    documentos = trabajo.conjunto.documentos
    lados: dict[str, list[dict[str, Any]]] = {"proyecto": [], "linea_base": []}
    for ronda in range(1, rondas + 1):
        token = ""
        for lado, aplicacion in (("proyecto", APP_PROYECTO), ("linea_base", APP_LINEA_BASE)):
            print(f"  consulta: {lado}, ronda {ronda}/{rondas}...", flush=True)
            with servidor(aplicacion, trabajo.entorno, trabajo.registro) as activo:
                if lado == "proyecto":
                    token = trabajo.sesion(activo)  # la línea base verifica el mismo token
                _calentar(activo, token, documentos)
                secuencial = carga_secuencial(activo, token, documentos)
                concurrente = carga_concurrente(activo, token, documentos)
            lados[lado].append({"concurrente": concurrente, "secuencial": secuencial})
    pares = list(zip(lados["proyecto"], lados["linea_base"], strict=True))
    return {
        "rondas_emparejadas": rondas,
        "proyecto": _mediana_rondas(lados["proyecto"]),
        "linea_base": _mediana_rondas(lados["linea_base"]),
        "rondas": lados,
        "razon_rendimiento": _razones(
            [
                (
                    p["concurrente"]["peticiones_por_segundo"],
                    b["concurrente"]["peticiones_por_segundo"],
                )
                for p, b in pares
            ]
        ),
        "razon_p99": _razones(
            [(p["concurrente"]["p99_ms"], b["concurrente"]["p99_ms"]) for p, b in pares]
        ),
        "razon_secuencial_p50": _razones(
            [(p["secuencial"]["p50_ms"], b["secuencial"]["p50_ms"]) for p, b in pares]
        ),
    }


def _mediana_rondas(rondas: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Por carga (concurrente, secuencial) y cifra: la mediana de las rondas; errores, la suma."""
    resultado: dict[str, dict[str, float]] = {}
    for carga in rondas[0]:
        resultado[carga] = {
            cifra: (
                sum(r[carga][cifra] for r in rondas)
                if cifra.startswith("errores")
                else round(statistics.median(r[carga][cifra] for r in rondas), 3)
            )
            for cifra in rondas[0][carga]
        }
    return resultado


def _razones(pares: list[tuple[float, float]]) -> dict[str, Any]:
    """Razón proyecto / línea base de cada par medido junto: mediana, mínimo, máximo y cada una."""
    razones = [_razon(proyecto, base) for proyecto, base in pares]
    return {
        "mediana": round(statistics.median(razones), 3),
        "minimo": min(razones),
        "maximo": max(razones),
        "por_ronda": razones,
    }


def _calentar(activo: Servidor, token: str, documentos: Path) -> None:
    """Unos segundos de carga que no se cuentan: workers, conexiones y caché de páginas."""
    carga_secuencial(activo, token, documentos, cantidad=100)


def medir_reporte_y_exportacion(trabajo: Trabajo) -> dict[str, Any]:
    """Reporte por la API (memoria del worker), por la CLI y la línea base; luego exportaciones.

    Rondas emparejadas: cada descarga por la API va seguida de una corrida de la línea base (su
    tiempo interno, sin arranque de Python), y cada corrida de la CLI, de una de la línea base como
    proceso (ambas con arranque). Se informa la mediana de las razones por par, con mínimo y máximo.
    """
    mes = trabajo.conjunto.meta["mes_reporte"]
    resultado: dict[str, Any] = {"mes": mes, "rondas_emparejadas": REPETICIONES_REPORTE}
    print("  reporte por la API y la línea base (emparejados)...", flush=True)
    with servidor(APP_PROYECTO, trabajo.entorno, trabajo.registro) as activo:
        token = trabajo.sesion(activo)
        activo.reiniciar_memoria_maxima()
        memoria_inicial = activo.memoria_maxima_mb()
        pares_api = []
        for _ in range(REPETICIONES_REPORTE):
            api = _reporte_api(activo, token)
            pares_api.append((api, _segundos_internos(_linea_base_reporte(trabajo, mes))))
        resultado["api"] = {
            "segundos": round(statistics.median(p for p, _ in pares_api), 3),
            "segundos_todas": [round(p, 3) for p, _ in pares_api],
            "memoria_worker_mb": round(activo.memoria_maxima_mb(), 1),
            "memoria_worker_antes_mb": round(memoria_inicial, 1),
        }
        print("  exportaciones por la API...", flush=True)
        resultado["exportacion"] = _exportaciones(activo, token, trabajo.conjunto)
    print("  reporte por la CLI y la línea base (emparejados)...", flush=True)
    salida = trabajo.carpeta / "fidelizacion.xlsx"
    pares_cli: list[tuple[Medida, Medida]] = []
    for _ in range(REPETICIONES_REPORTE):
        cli = ejecutar(
            ["flask", "--app", "app", "reporte", "fidelizacion", "--salida", str(salida)],
            trabajo.entorno,
            silencioso=True,
        )
        pares_cli.append((cli, _linea_base_reporte(trabajo, mes)))
    cli, base = pares_cli[-1]
    califican_cli = int(cli.salida.split(":")[-1].split()[0])
    califican_base = int(base.salida.split(",")[1].split()[0])
    _exigir(califican_cli == califican_base, f"CLI {califican_cli} ≠ línea base {califican_base}")
    resultado["clientes_califican"] = califican_cli
    resultado["cli"] = {
        "segundos": round(statistics.median(c.segundos for c, _ in pares_cli), 3),
        "segundos_todas": [round(c.segundos, 3) for c, _ in pares_cli],
        "memoria_mb": round(max(c.memoria_mb for c, _ in pares_cli), 1),
    }
    resultado["linea_base"] = {
        "segundos": round(statistics.median(b.segundos for _, b in pares_cli), 3),
        "segundos_todas": [round(b.segundos, 3) for _, b in pares_cli],
        "segundos_sin_arranque": round(statistics.median(b for _, b in pares_api), 3),
        "segundos_sin_arranque_todas": [round(b, 3) for _, b in pares_api],
        "memoria_mb": round(max(b.memoria_mb for _, b in pares_cli), 1),
    }
    resultado["razon_cli"] = _razones([(c.segundos, b.segundos) for c, b in pares_cli])
    resultado["razon_api"] = _razones(pares_api)
    return resultado


def _linea_base_reporte(trabajo: Trabajo, mes: str) -> Medida:
    salida = trabajo.carpeta / "linea_base.xlsx"
    return ejecutar(
        [sys.executable, "-m", "bench.linea_base_reporte", str(trabajo.base), str(salida), mes],
        trabajo.entorno,
        silencioso=True,
    )


def _segundos_internos(medida: Medida) -> float:
    """Lo que la línea base mide dentro de su proceso (sin arranque de Python)."""
    return float(medida.salida.split()[0])


def _exportaciones(activo: Servidor, token: str, conjunto: ConjuntoDatos) -> dict[str, Any]:
    cliente = conjunto.meta["cliente_exportacion"]
    resultado: dict[str, Any] = {}
    with closing(activo.conexion(espera=120)) as conexion:
        for formato in ("csv", "xlsx", "txt"):
            ruta = (
                f"/api/clientes/exportar?tipo_documento={cliente['tipo_documento']}"
                f"&numero_documento={cliente['numero_documento']}&formato={formato}"
            )
            tiempos = []
            for _ in range(REPETICIONES_EXPORTACION):
                estado, cuerpo, segundos = pedir(conexion, "GET", ruta, token)
                _exigir(estado == 200, f"exportación {formato} respondió {estado}")
                tiempos.append(segundos * 1000)
            resultado[formato] = {
                "ms": round(statistics.median(tiempos), 1),
                "bytes": len(cuerpo),
            }
    resultado["compras"] = _contar(
        conjunto.base, "SELECT count(*) FROM compras WHERE cliente_id = 1"
    )
    return resultado


def medir_importacion(conjunto: ConjuntoDatos, carpeta: Path) -> dict[str, Any]:
    """`flask importar` de los CSV en una base nueva frente a `executemany` de las mismas filas."""
    vacia = carpeta / "vacia.db"
    ejecutar(["flask", "--app", "app", "db", "upgrade"], entorno_app(vacia), silencioso=True)
    filas = conjunto.escala.clientes + conjunto.escala.compras
    print(f"  importación de {filas:,} filas con flask importar...", flush=True)
    destino = carpeta / "importacion.db"
    shutil.copyfile(vacia, destino)
    proyecto = ejecutar(
        [
            "flask",
            "--app",
            "app",
            "importar",
            "--clientes",
            str(conjunto.clientes_csv),
            "--compras",
            str(conjunto.compras_csv),
        ],
        entorno_app(destino),
        silencioso=True,
    )
    _exigir(_contar(destino, "SELECT count(*) FROM compras") == conjunto.escala.compras, "faltan")
    print("  importación con executemany (línea base)...", flush=True)
    destino_base = carpeta / "importacion_base.db"
    shutil.copyfile(vacia, destino_base)
    base = ejecutar(
        [
            sys.executable,
            "-m",
            "bench.linea_base_importacion",
            str(destino_base),
            str(conjunto.clientes_csv),
            str(conjunto.compras_csv),
        ],
        entorno_app(destino_base),
        silencioso=True,
    )
    for archivo in (destino, destino_base):
        archivo.unlink()
    return {
        "escala": conjunto.escala.nombre,
        "filas": filas,
        "proyecto": _importacion(proyecto, filas),
        "linea_base": _importacion(base, filas),
        # Una sola ronda (cada importación de 1,1 M filas tarda ~1 minuto): sin dispersión.
        "rondas_emparejadas": 1,
        "razon_filas_por_segundo": _razon(base.segundos, proyecto.segundos),
    }


def _importacion(medida: Medida, filas: int) -> dict[str, Any]:
    return {
        "segundos": round(medida.segundos, 2),
        "filas_por_segundo": round(filas / medida.segundos),
        "memoria_mb": round(medida.memoria_mb, 1),
    }


def medir_crecimiento(trabajos: list[Trabajo]) -> list[dict[str, Any]]:
    """Consulta secuencial (p50) y reporte por la API en cada tamaño, medidos igual.

    Un servidor por tamaño, todos arriba a la vez, y rondas intercaladas (10k, small, full, 10k…):
    así una racha de carga ajena en la máquina afecta a todos los tamaños por igual.
    """
    print("  crecimiento: " + ", ".join(t.conjunto.escala.nombre for t in trabajos), flush=True)
    with ExitStack() as pila:
        activos = []
        for trabajo in trabajos:
            activo = pila.enter_context(servidor(APP_PROYECTO, trabajo.entorno, trabajo.registro))
            token = trabajo.sesion(activo)
            _calentar(activo, token, trabajo.conjunto.documentos)
            activos.append((trabajo, activo, token, random.Random(11)))
        consultas: dict[str, list[float]] = {t.conjunto.escala.nombre: [] for t in trabajos}
        reportes: dict[str, list[float]] = {t.conjunto.escala.nombre: [] for t in trabajos}
        for ronda in range(RONDAS_CRECIMIENTO):
            for trabajo, activo, token, azar in activos:
                nombre = trabajo.conjunto.escala.nombre
                consultas[nombre] += tiempos_secuenciales(
                    activo, token, trabajo.conjunto.documentos, CONSULTAS_POR_RONDA, azar
                )
                if ronda < REPORTES_CRECIMIENTO:
                    reportes[nombre].append(_reporte_api(activo, token))
    filas = []
    for trabajo in trabajos:
        meta, nombre = trabajo.conjunto.meta, trabajo.conjunto.escala.nombre
        latencias = percentiles(consultas[nombre])
        filas.append(
            {
                "escala": nombre,
                "clientes": meta["clientes"],
                "compras": meta["compras"],
                "compras_mes_reporte": meta["compras_mes_reporte"],
                "consultas": len(consultas[nombre]),
                "consulta_p50_ms": latencias["p50_ms"],
                "consulta_p99_ms": latencias["p99_ms"],
                "reporte_s": round(statistics.median(reportes[nombre]), 3),
            }
        )
    return filas


def _reporte_api(activo: Servidor, token: str) -> float:
    with closing(activo.conexion(espera=600)) as conexion:
        estado, _, segundos = pedir(conexion, "GET", "/api/reportes/fidelizacion", token)
    _exigir(estado == 200, f"reporte respondió {estado}")
    return segundos


def _razon(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def _contar(base: Path, sql: str) -> int:
    with closing(sqlite3.connect(base)) as conexion:
        cantidad: int = conexion.execute(sql).fetchone()[0]
        return cantidad


def _exigir(condicion: bool, mensaje: str) -> None:
    if not condicion:
        raise RuntimeError(mensaje)
