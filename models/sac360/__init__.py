"""M10 SAC 360: notas de llamadas de los clientes (con sus versiones anteriores).

Las columnas de búsqueda de `clientes` y `cliente_palabras` son del núcleo (`models/cliente_model`):
la importación del núcleo las mantiene.
"""

from models.sac360.nota_model import NotaCliente, VersionNota

__all__ = ["NotaCliente", "VersionNota"]
