"""Modelos del módulo Catálogo: productos, tipos de establecimiento, establecimientos y portafolios."""

from models.catalogo.establecimiento_model import Establecimiento
from models.catalogo.portafolio_model import LineaPortafolio, Portafolio
from models.catalogo.producto_model import TARIFAS_IVA, Producto
from models.catalogo.tipo_establecimiento_model import TIPOS_ESTABLECIMIENTO, TipoEstablecimiento

__all__ = [
    "TARIFAS_IVA",
    "TIPOS_ESTABLECIMIENTO",
    "Establecimiento",
    "LineaPortafolio",
    "Portafolio",
    "Producto",
    "TipoEstablecimiento",
]
