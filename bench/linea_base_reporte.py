"""Línea base del reporte de fidelización: un agregado SQL con `sqlite3` y xlsxwriter en memoria constante.

Escribe el mismo libro que el proyecto (título, encabezado fijo, filtros, formato COP, resumen).
Uso: `python -m bench.linea_base_reporte BASE SALIDA.xlsx AAAA-MM [UMBRAL]`; imprime los segundos.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta, timezone

import xlsxwriter

BOGOTA = timezone(timedelta(hours=-5))
FORMATO_BASE = "%Y-%m-%d %H:%M:%S.%f"
PREFIJOS_FORMULA = ("=", "+", "-", "@", "\t", "\r")
FILA_ENCABEZADO = 5  # base 0: la fila 6 de Excel
ENCABEZADOS = (
    "Tipo de documento",
    "Número de documento",
    "Nombre",
    "Apellido",
    "Correo",
    "Teléfono",
    "Número de compras del mes",
    "Monto total del mes (COP)",
    "Fecha de la última compra del mes",
)
CONSULTA = """
SELECT t.codigo, c.numero_documento, c.nombre, c.apellido, c.correo, c.telefono,
       p.numero_compras, p.monto_total, p.fecha_ultima_compra
FROM (SELECT cliente_id, count(*) AS numero_compras, round(sum(total), 2) AS monto_total,
             max(fecha) AS fecha_ultima_compra
      FROM compras WHERE estado = 'pagada' AND fecha >= ? AND fecha < ?
      GROUP BY cliente_id HAVING round(sum(total), 2) > ?) AS p
JOIN clientes c ON c.id = p.cliente_id
JOIN tipos_documento t ON t.id = c.tipo_documento_id
ORDER BY p.monto_total DESC, c.id
"""


def _texto(valor: str | None) -> str:
    valor = valor or ""
    return "'" + valor if valor.startswith(PREFIJOS_FORMULA) else valor


def _limites(anio: int, mes: int) -> tuple[str, str]:
    inicio = datetime(anio, mes, 1, tzinfo=BOGOTA)
    fin = datetime(anio + mes // 12, mes % 12 + 1, 1, tzinfo=BOGOTA)
    return tuple(i.astimezone(UTC).strftime(FORMATO_BASE) for i in (inicio, fin))  # type: ignore[return-value]


def generar(base: str, salida: str, mes: str, umbral: float) -> int:
    """Escribe el libro y devuelve cuántos clientes califican."""
    anio, numero_mes = (int(parte) for parte in mes.split("-"))
    inicio, fin = _limites(anio, numero_mes)
    conexion = sqlite3.connect(base)
    libro = xlsxwriter.Workbook(salida, {"constant_memory": True})
    hoja = libro.add_worksheet("Fidelización")
    negrita = libro.add_format({"bold": True})
    encabezado = libro.add_format(
        {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78", "text_wrap": True}
    )
    pesos = libro.add_format({"num_format": '"$" #,##0.00'})
    fecha = libro.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ahora = datetime.now(BOGOTA).strftime("%Y-%m-%d %H:%M")
    titulo = libro.add_format({"bold": True, "font_size": 14})
    hoja.write_string(0, 0, f"Reporte de fidelización — {mes}", titulo)
    hoja.write_string(1, 0, f"Periodo: {mes} (calendario de Bogotá). Compras pagadas del mes.")
    hoja.write_string(2, 0, f"Umbral: monto total estrictamente mayor que {umbral:,.2f}")
    hoja.write_string(3, 0, f"Generado el {ahora} (hora de Bogotá) por línea base")
    for columna, (titulo, ancho) in enumerate(
        zip(ENCABEZADOS, (12, 20, 24, 24, 32, 18, 14, 22, 22), strict=True)
    ):
        hoja.set_column(columna, columna, ancho)
        hoja.write_string(FILA_ENCABEZADO, columna, titulo, encabezado)
    fila = FILA_ENCABEZADO
    total = 0.0
    for registro in conexion.execute(CONSULTA, (inicio, fin, umbral)):
        fila += 1
        for columna in range(6):
            hoja.write_string(fila, columna, _texto(registro[columna]))
        hoja.write_number(fila, 6, registro[6])
        hoja.write_number(fila, 7, registro[7], pesos)
        ultima = datetime.fromisoformat(registro[8]).replace(tzinfo=UTC).astimezone(BOGOTA)
        hoja.write_datetime(fila, 8, ultima.replace(tzinfo=None), fecha)
        total += registro[7]
    cantidad = fila - FILA_ENCABEZADO
    hoja.freeze_panes(FILA_ENCABEZADO + 1, 0)
    hoja.autofilter(FILA_ENCABEZADO, 0, max(fila, FILA_ENCABEZADO + 1), len(ENCABEZADOS) - 1)
    resumen = libro.add_worksheet("Resumen")
    resumen.set_column(0, 0, 48)
    resumen.set_column(1, 1, 30)
    filas_resumen = (
        ("Periodo", mes),
        ("Umbral (COP)", umbral),
        ("Clientes que califican", cantidad),
        ("Monto total de los clientes que califican (COP)", total),
        ("Generado", ahora),
        ("Generado por", "línea base"),
    )
    resumen.write_row(0, 0, ("Concepto", "Valor"), negrita)
    for indice, (concepto, valor) in enumerate(filas_resumen, start=1):
        resumen.write(indice, 0, concepto)
        resumen.write(indice, 1, valor, pesos if isinstance(valor, float) else None)
    libro.close()
    conexion.close()
    return cantidad


if __name__ == "__main__":
    inicio_reloj = time.perf_counter()
    cantidad = generar(
        sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 5e6
    )
    print(f"{time.perf_counter() - inicio_reloj:.4f} segundos, {cantidad} clientes")
