"""Tabla de resultados en la terminal y verificación de las metas (mediana de rondas emparejadas)."""

from __future__ import annotations

from typing import Any

LINEAS_BASE = {
    "consulta": "bench/linea_base_wsgi.py (WSGI crudo con sqlite3 y PyJWT, mismo gunicorn)",
    "reporte": "bench/linea_base_reporte.py (sqlite3 + xlsxwriter en memoria constante)",
    "importacion": "bench/linea_base_importacion.py (executemany de sqlite3)",
}


def rango(razon: dict[str, Any], formato: str = "{:.2f}") -> str:
    """«mediana (mín–máx)» de las razones de las rondas emparejadas."""
    mediana, minimo, maximo = (formato.format(razon[k]) for k in ("mediana", "minimo", "maximo"))
    return f"{mediana} ({minimo}–{maximo})"


def metas(r: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(meta, valor medido, cumple) para las metas del módulo M4; razones = mediana de los pares."""
    consulta, reporte, importacion = r["consulta"], r["reporte"], r["importacion"]
    crecimiento = r["crecimiento"]
    proyecto = consulta["proyecto"]["concurrente"]
    primero, ultimo = crecimiento[0], crecimiento[-1]
    razon_p50 = ultimo["consulta_p50_ms"] / primero["consulta_p50_ms"]
    rendimiento, p99 = consulta["razon_rendimiento"], consulta["razon_p99"]
    api, cli = reporte["razon_api"], reporte["razon_cli"]
    memoria_reporte = max(reporte["api"]["memoria_worker_mb"], reporte["cli"]["memoria_mb"])
    return [
        (
            "Consulta: peticiones/s ≥ 50 % de la línea base",
            f"{rango(rendimiento, '{:.0%}')} en {consulta['rondas_emparejadas']} rondas",
            rendimiento["mediana"] >= 0.5,
        ),
        ("Consulta: p99 ≤ 4 × línea base", f"{rango(p99)} ×", p99["mediana"] <= 4),
        ("Consulta: cero errores", str(proyecto["errores"]), proyecto["errores"] == 0),
        (
            "Reporte por la API ≤ 1,5 × línea base (sin arranque)",
            f"{rango(api)} ×",
            api["mediana"] <= 1.5,
        ),
        (
            "Reporte por la CLI ≤ 1,5 × línea base (ambos con arranque)",
            f"{rango(cli)} ×",
            cli["mediana"] <= 1.5,
        ),
        (
            "Reporte: memoria máxima ≤ 300 MB",
            f"{memoria_reporte:.0f} MB",
            memoria_reporte <= 300,
        ),
        (
            "Importación ≥ 25 % de filas/s de executemany",
            f"{importacion['razon_filas_por_segundo']:.0%} (una ronda)",
            importacion["razon_filas_por_segundo"] >= 0.25,
        ),
        (
            "Importación: memoria máxima ≤ 500 MB",
            f"{importacion['proyecto']['memoria_mb']:.0f} MB",
            importacion["proyecto"]["memoria_mb"] <= 500,
        ),
        (
            f"Consulta p50 a {ultimo['escala']} ≤ 1,5 × p50 a {primero['escala']}",
            f"{razon_p50:.2f} ×",
            razon_p50 <= 1.5,
        ),
    ]


def imprimir(r: dict[str, Any]) -> None:
    m = r["maquina"]
    print(f"\n== Benchmark SAC M4 — escala {r['escala']} — {r['fecha']}")
    limpio = "árbol limpio" if r["arbol_limpio"] else "ÁRBOL CON CAMBIOS SIN COMMIT: no citable"
    print(f"   commit {r['commit']} ({limpio})")
    print(
        f"   {m['nproc']} núcleos, {m['memoria_gib']} GiB, {m['cpu']}; Python {m['python']}, "
        f"SQLite {m['sqlite']}; gunicorn {r['gunicorn']}"
    )
    for medicion, linea_base in LINEAS_BASE.items():
        print(f"   línea base de {medicion}: {linea_base}")
    print("   razón = proyecto / línea base por par medido junto: mediana (mín–máx)")
    c = r["consulta"]
    filas = [
        (f"Consulta (16 conexiones, 15 s; mediana de {c['rondas_emparejadas']} rondas)",
         "proyecto", "línea base", "razón"),
    ]  # fmt: skip
    p, b = c["proyecto"]["concurrente"], c["linea_base"]["concurrente"]
    ps, bs = c["proyecto"]["secuencial"], c["linea_base"]["secuencial"]
    filas += [
        ("  peticiones/s", f"{p['peticiones_por_segundo']:.0f}", f"{b['peticiones_por_segundo']:.0f}",
         rango(c["razon_rendimiento"])),
        ("  p50 (ms)", f"{p['p50_ms']:.2f}", f"{b['p50_ms']:.2f}", ""),
        ("  p99 (ms)", f"{p['p99_ms']:.2f}", f"{b['p99_ms']:.2f}", rango(c["razon_p99"])),
        ("  errores (incl. no 2xx, suma)", str(p["errores"]), str(b["errores"]), ""),
        ("  CPU de los workers por petición (ms)", f"{p['cpu_ms_por_peticion']:.2f}",
         f"{b['cpu_ms_por_peticion']:.2f}", ""),
        ("  secuencial p50 (ms, 500 pet.)", f"{ps['p50_ms']:.2f}", f"{bs['p50_ms']:.2f}",
         rango(c["razon_secuencial_p50"])),
    ]  # fmt: skip
    rep = r["reporte"]
    filas += [
        (f"Reporte {rep['mes']} ({rep['clientes_califican']:,} clientes; mediana de "
         f"{rep['rondas_emparejadas']} pares)", "", "", ""),
        ("  CLI / línea base (s, con arranque)", f"{rep['cli']['segundos']:.2f}",
         f"{rep['linea_base']['segundos']:.2f}", rango(rep["razon_cli"])),
        ("  API / línea base sin arranque (s)", f"{rep['api']['segundos']:.2f}",
         f"{rep['linea_base']['segundos_sin_arranque']:.2f}", rango(rep["razon_api"])),
        ("  memoria máx. CLI / línea base (MB)", f"{rep['cli']['memoria_mb']:.0f}",
         f"{rep['linea_base']['memoria_mb']:.0f}",
         f"{rep['cli']['memoria_mb'] / rep['linea_base']['memoria_mb']:.2f}"),
        ("  memoria máx. worker API (MB; antes)", f"{rep['api']['memoria_worker_mb']:.0f}",
         f"({rep['api']['memoria_worker_antes_mb']:.0f})", ""),
    ]  # fmt: skip
    e = r["exportacion"]
    filas.append((f"Exportación de {e['compras']:,} compras (ms, mediana de 5)", "", "", ""))
    filas += [(f"  {f}", f"{e[f]['ms']:.0f}", "", "") for f in ("csv", "xlsx", "txt")]
    i = r["importacion"]
    filas += [
        (f"Importación CSV ({i['filas']:,} filas; una ronda)", "", "", ""),
        ("  filas/s", f"{i['proyecto']['filas_por_segundo']:,}", f"{i['linea_base']['filas_por_segundo']:,}",
         f"{i['razon_filas_por_segundo']:.2f}"),
        ("  segundos", f"{i['proyecto']['segundos']:.1f}", f"{i['linea_base']['segundos']:.1f}", ""),
        ("  memoria máx. propia (MB)", f"{i['proyecto']['memoria_mb']:.0f}",
         f"{i['linea_base']['memoria_mb']:.0f}", ""),
    ]  # fmt: skip
    filas.append(("Crecimiento", "consulta p50", "reporte (s)", "compras del mes"))
    filas += [
        (f"  {g['clientes']:,} clientes / {g['compras']:,} compras", f"{g['consulta_p50_ms']:.2f} ms",
         f"{g['reporte_s']:.2f}", f"{g['compras_mes_reporte']:,}")
        for g in r["crecimiento"]
    ]  # fmt: skip
    anchos = [max(len(f[i]) for f in filas) for i in range(4)]
    for fila in filas:
        celdas = zip(fila, anchos, strict=True)
        print("  ".join(c.ljust(a) if i == 0 else c.rjust(a) for i, (c, a) in enumerate(celdas)))
    print("\nMetas (sobre la mediana de los pares):")
    for meta, valor, cumple in metas(r):
        print(f"  [{'ok' if cumple else 'NO'}] {meta}: {valor}")


if __name__ == "__main__":
    # `python -m bench.tabla bench/resultados/<fecha>_<escala>.json`: vuelve a mostrar una corrida.
    import json
    import sys
    from pathlib import Path

    imprimir(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
