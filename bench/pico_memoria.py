"""Corre un comando y anota su tiempo de pared y su memoria residente máxima propia.

Uso: `python -m bench.pico_memoria ARCHIVO_MEDIDA COMANDO [ARGUMENTOS...]`; escribe
«segundos kilobytes» en ARCHIVO_MEDIDA y sale con el código del comando.

Por qué un intermediario: Linux guarda en el proceso el pico de memoria del espacio de direcciones
que tenía ANTES de `exec` (`setmax_mm_hiwater_rss` al reemplazarlo), y `wait4` lo informa. Un hijo
lanzado directamente por el arnés del benchmark (que tiene cientos de MB: datos generados, SQLAlchemy)
hereda así el pico del arnés y la memoria del comando no se ve (la importación y su línea base daban
la misma cifra al decimal). Este proceso es un Python mínimo (~10 MB, sin importar nada del
proyecto): su hijo arranca con ese pico como piso y lo que `wait4` informa es el del comando.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main(argumentos: list[str]) -> int:
    destino, comando = argumentos[0], argumentos[1:]
    inicio = time.perf_counter()
    proceso = subprocess.Popen(comando)  # noqa: S603 - el comando que pasa el arnés, sin shell
    _, estado, uso = os.wait4(proceso.pid, 0)
    segundos = time.perf_counter() - inicio
    with open(destino, "w", encoding="utf-8") as archivo:
        archivo.write(f"{segundos:.6f} {uso.ru_maxrss}\n")
    return os.waitstatus_to_exitcode(estado)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
