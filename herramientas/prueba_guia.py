"""Extrae los bloques de comandos de docs/guia-implementacion.md que corre make prueba-despliegue.

Cada bloque ```bash de la guía va precedido de `<!-- prueba: NOMBRE -->` (se corre) o de
`<!-- prueba: fuera (razón) -->` (no se corre, y dice por qué). Uso:
`python3 herramientas/prueba_guia.py GUIA CARPETA` escribe CARPETA/NOMBRE.sh y falla si algún
bloque no está marcado.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MARCA = re.compile(r"<!-- prueba: (.+?) -->")
FUERA = re.compile(r"fuera \(.+\)")
NOMBRE = re.compile(r"[a-z][a-z0-9-]*")


def extraer_bloques(texto: str) -> tuple[dict[str, str], list[str]]:
    """Los bloques marcados para la prueba (nombre → comandos, en orden) y los errores de marcas."""
    lineas = texto.splitlines()
    bloques: dict[str, str] = {}
    errores: list[str] = []
    marca: str | None = None
    i = 0
    while i < len(lineas):
        linea = lineas[i].strip()
        encontrada = MARCA.fullmatch(linea)
        if encontrada:
            marca = encontrada.group(1)
        elif linea.startswith("```bash"):
            sangria = len(lineas[i]) - len(lineas[i].lstrip())
            fin = i + 1
            while fin < len(lineas) and not lineas[fin].strip().startswith("```"):
                fin += 1
            cuerpo = "\n".join(linea[sangria:] for linea in lineas[i + 1 : fin]) + "\n"
            if marca is None:
                errores.append(
                    f"línea {i + 1}: bloque bash sin <!-- prueba: NOMBRE --> "
                    "ni <!-- prueba: fuera (razón) -->"
                )
            elif marca.startswith("fuera"):
                if not FUERA.fullmatch(marca):
                    errores.append(
                        f"línea {i + 1}: un bloque fuera de la prueba debe decir por qué"
                    )
            elif not NOMBRE.fullmatch(marca) or marca in bloques:
                errores.append(f"línea {i + 1}: nombre de bloque inválido o repetido: {marca!r}")
            else:
                bloques[marca] = cuerpo
            marca, i = None, fin
        elif linea:
            marca = None
        i += 1
    return bloques, errores


def principal(argumentos: list[str]) -> int:
    if len(argumentos) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    guia, carpeta = Path(argumentos[0]), Path(argumentos[1])
    bloques, errores = extraer_bloques(guia.read_text(encoding="utf-8"))
    for error in errores:
        print(f"{guia}: {error}", file=sys.stderr)
    if errores:
        return 1
    for nombre, cuerpo in bloques.items():
        (carpeta / f"{nombre}.sh").write_text(cuerpo, encoding="utf-8")
    print(" ".join(bloques))
    return 0


if __name__ == "__main__":
    sys.exit(principal(sys.argv[1:]))
