"""Benchmark del SAC a escala (módulo M4): `python -m bench` (o `make bench`).

Genera una vez un conjunto de datos realista (en `bench/.datos/`, fuera de git), mide la consulta,
el reporte, las exportaciones, la importación y el crecimiento, y compara con líneas base mínimas.
"""
