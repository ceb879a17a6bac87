"""Genera el diagrama entidad-relación (Mermaid) desde los metadatos de SQLAlchemy.

Uso: `python -m herramientas.diagrama_er` reescribe la sección marcada de
docs/documentacion-tecnica.md (todas las tablas) y la de docs/cuponeras.md (las de M6 y las del
núcleo a las que apuntan); `--verificar` solo comprueba que estén al día.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Column, Table

from models import Base

DOCS = Path(__file__).resolve().parent.parent / "docs"
DOCUMENTO = DOCS / "documentacion-tecnica.md"
# Documento de un módulo -> paquete de sus modelos: su diagrama muestra solo esas tablas.
DOCUMENTOS_MODULOS = {DOCS / "cuponeras.md": "models.cuponeras"}
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


def tablas_de(paquete: str) -> set[str]:
    """Las tablas de los modelos de `paquete` más las que ellas referencian (una llave foránea)."""
    propias = {
        str(mapeador.class_.__tablename__)
        for mapeador in Base.registry.mappers
        if mapeador.class_.__module__.startswith(paquete + ".")
    }
    referidas = {
        llave.column.table.name
        for nombre in propias
        for llave in Base.metadata.tables[nombre].foreign_keys
    }
    return propias | referidas


def diagrama(solo: set[str] | None = None) -> str:
    """El bloque Mermaid `erDiagram` de las tablas (todas, o las de `solo`) y sus llaves foráneas."""
    lineas = ["```mermaid", "erDiagram"]
    tablas = sorted(
        (t for t in Base.metadata.tables.values() if solo is None or t.name in solo),
        key=lambda t: t.name,
    )
    nombres = {tabla.name for tabla in tablas}
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
            if destino not in nombres:
                continue
            opcional = "o|" if llave.parent.nullable else "||"
            lineas.append(f'    {destino} {opcional}--o{{ {tabla.name} : "{llave.parent.name}"')
    lineas.append("```")
    return "\n".join(lineas)


def seccion_actual(texto: str) -> str:
    return texto.split(INICIO, 1)[1].split(FIN, 1)[0].strip()


def main(argumentos: list[str]) -> int:
    documentos = {DOCUMENTO: diagrama()}
    for documento, paquete in DOCUMENTOS_MODULOS.items():
        documentos[documento] = diagrama(tablas_de(paquete))
    resultado = 0
    for documento, nuevo in documentos.items():
        texto = documento.read_text(encoding="utf-8")
        if "--verificar" in argumentos:
            if seccion_actual(texto) != nuevo:
                print(f"El diagrama ER de docs/{documento.name} está desactualizado.")
                resultado = 1
            continue
        antes, resto = texto.split(INICIO, 1)
        despues = resto.split(FIN, 1)[1]
        documento.write_text(f"{antes}{INICIO}\n{nuevo}\n{FIN}{despues}", encoding="utf-8")
        print(f"Diagrama ER actualizado en {documento}")
    return resultado


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
