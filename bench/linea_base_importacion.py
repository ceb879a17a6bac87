"""Línea base de la importación: `executemany` de `sqlite3` de las mismas filas, sin validar.

Lee los mismos CSV, guarda las mismas filas (NIT sin dígito de verificación, fecha de Bogotá en
UTC) en una sola transacción y nada más: ni validación, ni upsert, ni mensajes por fila.
Uso: `python -m bench.linea_base_importacion BASE CLIENTES.csv COMPRAS.csv`; imprime segundos.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

CINCO_HORAS = timedelta(hours=5)  # Bogotá es UTC−5 sin horario de verano


def _clientes(ruta: str, tipos: dict[str, int], ahora: str) -> Iterator[tuple[object, ...]]:
    with open(ruta, encoding="utf-8", newline="") as archivo:
        lector = csv.reader(archivo)
        next(lector)
        for tipo, numero, nombre, apellido, correo, telefono, ciudad, direccion in lector:
            yield (
                tipos[tipo], numero.split("-")[0], nombre, apellido, correo, telefono, ciudad,
                direccion, ahora, 1,
            )  # fmt: skip


def _compras(
    ruta: str, tipos: dict[str, int], ids: dict[tuple[int, str], int]
) -> Iterator[tuple[object, ...]]:
    with open(ruta, encoding="utf-8", newline="") as archivo:
        lector = csv.reader(archivo)
        next(lector)
        for tipo, numero, factura, fecha, total, estado, canal, tienda in lector:
            utc = datetime.fromisoformat(fecha) + CINCO_HORAS
            yield (
                ids[(tipos[tipo], numero.split("-")[0])], factura, utc.strftime("%Y-%m-%d %H:%M:%S.%f"),
                total, estado, canal, tienda or None,
            )  # fmt: skip


def importar(base: str, clientes: str, compras: str) -> int:
    conexion = sqlite3.connect(base)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        conexion.execute(f"PRAGMA {pragma}")  # las mismas que la pasarela SQLite del proyecto
    tipos = dict(conexion.execute("SELECT codigo, id FROM tipos_documento").fetchall())
    ahora = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    cursor = conexion.executemany(
        "INSERT INTO clientes (tipo_documento_id, numero_documento, nombre, apellido, correo, "
        "telefono, ciudad, direccion, fecha_registro, activo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _clientes(clientes, tipos, ahora),
    )
    filas = cursor.rowcount
    ids = {
        (tipo, numero): id_
        for id_, tipo, numero in conexion.execute(
            "SELECT id, tipo_documento_id, numero_documento FROM clientes"
        )
    }
    cursor = conexion.executemany(
        "INSERT INTO compras (cliente_id, numero_factura, fecha, total, estado, canal, tienda) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        _compras(compras, tipos, ids),
    )
    filas += cursor.rowcount
    conexion.commit()
    conexion.close()
    return filas


if __name__ == "__main__":
    inicio = time.perf_counter()
    filas = importar(sys.argv[1], sys.argv[2], sys.argv[3])
    print(f"{time.perf_counter() - inicio:.4f} segundos, {filas} filas")
