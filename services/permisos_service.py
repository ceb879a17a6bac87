"""La tabla de permisos: qué puede hacer cada rol. Toda ruta de todo módulo la consulta.

Los roles no son una escalera: cada uno tiene su lista. Las pantallas reciben los permisos del
usuario (`/api/auth/me`) y el servidor los vuelve a exigir en cada petición (403 si falta).
"""

from __future__ import annotations

from dataclasses import dataclass

from models import ROLES


@dataclass(frozen=True)
class Permiso:
    nombre: str
    modulo: str
    que_permite: str
    roles: tuple[str, ...]


_SAC = ("agente", "supervisor", "admin")

# La tabla. El README muestra esta misma tabla (una prueba lo verifica).
PERMISOS: tuple[Permiso, ...] = (
    Permiso("clientes.consultar", "SAC", "consultar un cliente y sus compras", _SAC),
    Permiso("clientes.exportar", "SAC", "exportar la ficha de un cliente", _SAC),
    Permiso("reportes.fidelizacion", "SAC", "reporte de fidelización", ("supervisor", "admin")),
    Permiso("usuarios.administrar", "SAC", "crear y cambiar usuarios", ("admin",)),
    Permiso("auditoria.consultar", "SAC", "leer la auditoría", ("admin",)),
    Permiso("importacion.cargar", "SAC", "importar clientes y compras", ("admin",)),
    Permiso(
        "catalogo.consultar",
        "M7",
        "ver productos, establecimientos y portafolios",
        (*_SAC, "catalogo"),
    ),
    Permiso("catalogo.editar", "M7", "crear y cambiar el catálogo", ("catalogo", "admin")),
    Permiso("catalogo.ruta", "M7", "ver su ruta y los portafolios de sus tiendas", ("vendedor",)),
    Permiso("entregas.monitorear", "M8", "monitor de entregas", ("monitor", "supervisor", "admin")),
    Permiso("cuponeras.consultar", "M6", "contratos, facturas y cupones de un cliente", _SAC),
    Permiso("cuponeras.portal", "M6", "portal: sus contratos, cupones y pagos", ("cliente",)),
    Permiso("pagos.registrar", "M6", "registrar pagos de cupones", ("recaudo", "admin")),
    Permiso("correos.consultar", "M6", "bandeja de salida de correos", ("admin",)),
    Permiso(
        "clientes.contacto_completo",
        "M10",
        "ver teléfono, correo y dirección sin enmascarar",
        ("supervisor", "admin"),
    ),
    Permiso("clientes.revelar", "M10", "revelar un dato enmascarado con un motivo", _SAC),
    Permiso("clientes.notas", "M10", "notas de llamadas", _SAC),
    Permiso("reportes.historial", "M10", "historial de reportes enviados", ("supervisor", "admin")),
    Permiso(
        "calidad.consultar", "M10", "advertencias de calidad de datos", ("supervisor", "admin")
    ),
    Permiso("clientes.fusionar", "M10", "fusionar clientes duplicados", ("admin",)),
)
ROLES_POR_PERMISO: dict[str, tuple[str, ...]] = {p.nombre: p.roles for p in PERMISOS}

NOMBRE_ROL: dict[str, str] = {
    "agente": "Agente SAC",
    "supervisor": "Supervisor",
    "admin": "Administrador",
    "vendedor": "Vendedor",
    "catalogo": "Catálogo",
    "monitor": "Monitor de entregas",
    "cliente": "Cliente",
    "recaudo": "Recaudo",
}

# Los clientes del portal se registran solos (ligados a su cliente del SAC); el resto lo crea un
# administrador.
ROLES_ASIGNABLES: tuple[str, ...] = tuple(rol for rol in ROLES if rol != "cliente")

PERMISOS_POR_ROL: dict[str, frozenset[str]] = {
    rol: frozenset(p for p, roles in ROLES_POR_PERMISO.items() if rol in roles) for rol in ROLES
}


def puede(rol: str, permiso: str) -> bool:
    """¿El rol tiene el permiso? Un permiso que no está en la tabla es un error del código."""
    if permiso not in ROLES_POR_PERMISO:
        raise KeyError(f"Permiso desconocido: {permiso}")
    return permiso in PERMISOS_POR_ROL.get(rol, frozenset())


def permisos_de(rol: str) -> list[str]:
    """Los permisos del rol, ordenados (los recibe el frontend)."""
    return sorted(PERMISOS_POR_ROL.get(rol, frozenset()))


def tabla_markdown() -> str:
    """La tabla de permisos como la muestra el README."""
    encabezado = "| módulo | permiso | qué permite | " + " | ".join(ROLES) + " |"
    filas = [encabezado, "|---|---|---|" + "---|" * len(ROLES)]
    for permiso in PERMISOS:
        marcas = " | ".join("✓" if rol in permiso.roles else "" for rol in ROLES)
        filas.append(
            f"| {permiso.modulo} | `{permiso.nombre}` | {permiso.que_permite} | {marcas} |"
        )
    return "\n".join(filas)
