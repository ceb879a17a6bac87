"""Tabla de resultados en la terminal y verificación de las metas (razones medidas en una corrida)."""

from __future__ import annotations

from typing import Any


def metas(r: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(meta, valor medido, cumple) para las metas del módulo M4."""
    consulta, reporte, importacion = r["consulta"], r["reporte"], r["importacion"]
    crecimiento = r["crecimiento"]
    proyecto = consulta["proyecto"]["concurrente"]
    primero, ultimo = crecimiento[0], crecimiento[-1]
    razon_p50 = ultimo["consulta_p50_ms"] / primero["consulta_p50_ms"]
    return [
        (
            "Consulta: peticiones/s ≥ 50 % de la línea base",
            f"{consulta['razon_rendimiento']:.0%}",
            consulta["razon_rendimiento"] >= 0.5,
        ),
        (
            "Consulta: p99 ≤ 4 × línea base",
            f"{consulta['razon_p99']:.2f} ×",
            consulta["razon_p99"] <= 4,
        ),
        ("Consulta: cero errores", str(proyecto["errores"]), proyecto["errores"] == 0),
        (
            "Reporte por la API ≤ 1,5 × línea base (sin arranque)",
            f"{reporte['razon_api']:.2f} ×",
            reporte["razon_api"] <= 1.5,
        ),
        (
            "Reporte por la CLI ≤ 1,5 × línea base (ambos con arranque)",
            f"{reporte['razon_cli']:.2f} ×",
            reporte["razon_cli"] <= 1.5,
        ),
        (
            "Reporte: memoria máxima ≤ 300 MB",
            f"{max(reporte['api']['memoria_worker_mb'], reporte['cli']['memoria_mb']):.0f} MB",
            max(reporte["api"]["memoria_worker_mb"], reporte["cli"]["memoria_mb"]) <= 300,
        ),
        (
            "Importación ≥ 25 % de filas/s de executemany",
            f"{importacion['razon_filas_por_segundo']:.0%}",
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
    print(
        f"   {m['nproc']} núcleos, {m['memoria_gib']} GiB, {m['cpu']}; Python {m['python']}, "
        f"SQLite {m['sqlite']}; gunicorn {r['gunicorn']}"
    )
    c = r["consulta"]
    filas = [("Consulta (16 conexiones, 15 s)", "proyecto", "línea base", "razón")]
    p, b = c["proyecto"]["concurrente"], c["linea_base"]["concurrente"]
    filas += [
        ("  peticiones/s", f"{p['peticiones_por_segundo']:.0f}", f"{b['peticiones_por_segundo']:.0f}",
         f"{c['razon_rendimiento']:.2f}"),
        ("  p50 (ms)", f"{p['p50_ms']:.2f}", f"{b['p50_ms']:.2f}", f"{p['p50_ms'] / b['p50_ms']:.2f}"),
        ("  p99 (ms)", f"{p['p99_ms']:.2f}", f"{b['p99_ms']:.2f}", f"{c['razon_p99']:.2f}"),
        ("  errores (incl. no 2xx)", str(p["errores"]), str(b["errores"]), ""),
        ("  secuencial p50 (ms, 500 pet.)", f"{c['proyecto']['secuencial']['p50_ms']:.2f}",
         f"{c['linea_base']['secuencial']['p50_ms']:.2f}",
         f"{c['proyecto']['secuencial']['p50_ms'] / c['linea_base']['secuencial']['p50_ms']:.2f}"),
    ]  # fmt: skip
    rep = r["reporte"]
    filas += [
        (f"Reporte {rep['mes']} ({rep['clientes_califican']:,} clientes)", "", "", ""),
        ("  CLI / línea base (s, con arranque)", f"{rep['cli']['segundos']:.2f}",
         f"{rep['linea_base']['segundos']:.2f}", f"{rep['razon_cli']:.2f}"),
        ("  API / línea base sin arranque (s)", f"{rep['api']['segundos']:.2f}",
         f"{rep['linea_base']['segundos_sin_arranque']:.2f}", f"{rep['razon_api']:.2f}"),
        ("  memoria máx. CLI (MB)", f"{rep['cli']['memoria_mb']:.0f}",
         f"{rep['linea_base']['memoria_mb']:.0f}", ""),
        ("  memoria máx. worker API (MB)", f"{rep['api']['memoria_worker_mb']:.0f}", "", ""),
    ]  # fmt: skip
    e = r["exportacion"]
    filas.append((f"Exportación de {e['compras']:,} compras (ms)", "", "", ""))
    filas += [(f"  {f}", f"{e[f]['ms']:.0f}", "", "") for f in ("csv", "xlsx", "txt")]
    i = r["importacion"]
    filas += [
        (f"Importación CSV ({i['filas']:,} filas)", "", "", ""),
        ("  filas/s", f"{i['proyecto']['filas_por_segundo']:,}", f"{i['linea_base']['filas_por_segundo']:,}",
         f"{i['razon_filas_por_segundo']:.2f}"),
        ("  segundos", f"{i['proyecto']['segundos']:.1f}", f"{i['linea_base']['segundos']:.1f}", ""),
        ("  memoria máx. (MB)", f"{i['proyecto']['memoria_mb']:.0f}",
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
    print("\nMetas:")
    for meta, valor, cumple in metas(r):
        print(f"  [{'ok' if cumple else 'NO'}] {meta}: {valor}")


if __name__ == "__main__":
    # `python -m bench.tabla bench/resultados/<fecha>_<escala>.json`: vuelve a mostrar una corrida.
    import json
    import sys
    from pathlib import Path

    imprimir(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
