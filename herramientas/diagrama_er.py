"""Genera el diagrama entidad-relación (Mermaid) desde los metadatos de SQLAlchemy.

Uso: `python -m herramientas.diagrama_er` reescribe la sección marcada de
docs/documentacion-tecnica.md; `--verificar` solo comprueba que esté al día.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Column, Table

from models import Base

DOCUMENTO = Path(__file__).resolve().parent.parent / "docs" / "documentacion-tecnica.md"
INICIO = "<!-- diagrama-er:inicio (generado por python -m herramientas.diagrama_er) -->"
FIN = "<!-- diagrama-er:fin -->"


def _tipo(columna: Column[object]) -> str:
    return type(columna.type).__name__.lower()


def _marcas(tabla: Table, columna: Column[object]) -> str:
    marcas = []
    if columna.primary_key:
        marcas.append("PK")
    if columna.foreign_keys:
        marcas.append("FK")
    unicas = {
        c.name
        for restriccion in tabla.constraints
        if type(restriccion).__name__ == "UniqueConstraint"
        for c in restriccion.columns  # type: ignore[attr-defined]
    }
    if columna.name in unicas and not columna.primary_key:
        marcas.append("UK")
    return ", ".join(marcas)


def diagrama() -> str:
    """El bloque Mermaid `erDiagram` de todas las tablas y sus llaves foráneas."""
    lineas = ["```mermaid", "erDiagram"]
    tablas = sorted(Base.metadata.tables.values(), key=lambda t: t.name)
    for tabla in tablas:
        lineas.append(f"    {tabla.name} {{")
        for columna in tabla.columns:
            marcas = _marcas(tabla, columna)
            nulo = "" if columna.nullable is False else ' "opcional"'
            sufijo = f" {marcas}" if marcas else ""
            lineas.append(f"        {_tipo(columna)} {columna.name}{sufijo}{nulo}")
        lineas.append("    }")
    for tabla in tablas:
        for llave in sorted(tabla.foreign_keys, key=lambda f: f.parent.name):
            destino = llave.column.table.name
            opcional = "o|" if llave.parent.nullable else "||"
            lineas.append(f'    {destino} {opcional}--o{{ {tabla.name} : "{llave.parent.name}"')
    lineas.append("```")
    return "\n".join(lineas)


def seccion_actual(texto: str) -> str:
    return texto.split(INICIO, 1)[1].split(FIN, 1)[0].strip()


def main(argumentos: list[str]) -> int:
    texto = DOCUMENTO.read_text(encoding="utf-8")
    nuevo = diagrama()
    if "--verificar" in argumentos:
        if seccion_actual(texto) != nuevo:
            print("El diagrama ER de docs/documentacion-tecnica.md está desactualizado.")
            return 1
        return 0
    antes, resto = texto.split(INICIO, 1)
    despues = resto.split(FIN, 1)[1]
    DOCUMENTO.write_text(f"{antes}{INICIO}\n{nuevo}\n{FIN}{despues}", encoding="utf-8")
    print(f"Diagrama ER actualizado en {DOCUMENTO}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
