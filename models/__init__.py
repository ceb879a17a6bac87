"""Modelos SQLAlchemy 2 del diccionario de datos: el núcleo aquí y cada módulo en su subpaquete
(importado abajo para que `Base.metadata` tenga todas las tablas: migraciones, ER, pruebas)."""

from models.auditoria_model import Auditoria
from models.base import Base
from models.cliente_model import Cliente, ClienteAlias, ClientePalabra, ClientePar
from models.compra_model import ESTADOS_COMPRA, Compra
from models.correo_model import ESTADOS_CORREO, AdjuntoCorreo, Correo
from models.reporte_historial_model import ORIGENES_REPORTE, ReporteHistorial
from models.sesion_model import Sesion
from models.tipo_documento_model import TipoDocumento
from models.usuario_model import ROLES, Usuario

# isort: split
# Al final: los modelos de un módulo pueden importar los del núcleo desde `models`.
import models.catalogo
import models.cuponeras  # (M6)
import models.entregas  # (M8)
import models.sac360  # noqa: F401  (M10)

__all__ = [
    "ESTADOS_COMPRA",
    "ESTADOS_CORREO",
    "ORIGENES_REPORTE",
    "ROLES",
    "AdjuntoCorreo",
    "Auditoria",
    "Base",
    "Cliente",
    "ClienteAlias",
    "ClientePalabra",
    "ClientePar",
    "Compra",
    "Correo",
    "ReporteHistorial",
    "Sesion",
    "TipoDocumento",
    "Usuario",
]
