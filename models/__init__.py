"""Modelos SQLAlchemy 2 del diccionario de datos."""

# Las tablas de los módulos se registran en los mismos metadatos (migraciones, diagrama ER).
import models.catalogo  # noqa: F401
from models.auditoria_model import Auditoria
from models.base import Base
from models.cliente_model import Cliente
from models.compra_model import ESTADOS_COMPRA, Compra
from models.sesion_model import Sesion
from models.tipo_documento_model import TipoDocumento
from models.usuario_model import ROLES, Usuario

__all__ = [
    "ESTADOS_COMPRA",
    "ROLES",
    "Auditoria",
    "Base",
    "Cliente",
    "Compra",
    "Sesion",
    "TipoDocumento",
    "Usuario",
]
