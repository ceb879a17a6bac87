"""Siembra de datos de demostración: usuarios, clientes fijos y generados, y sus compras."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.importacion_controller import Importador, ResumenArchivo
from errores import ErrorSac, Prohibido
from models import Cliente, Usuario
from services import contrasena_service, demo_service
from services import importacion_service as validacion
from services.demo_service import UsuarioDemo
from services.lectura_archivos_service import Tabla
from services.tiempo_service import ahora_utc

ORIGEN = "datos de demostración"


@dataclass
class ResultadoSemilla:
    """Conteos de la siembra; `usuarios` lista (usuario, rol, creado ahora)."""

    omitida: bool = False
    clientes: ResumenArchivo | None = None
    compras: ResumenArchivo | None = None
    usuarios: list[tuple[str, str, bool]] = field(default_factory=list)
    clientes_fijos: int = len(demo_service.CLIENTES_DEMO)


def crear_usuarios_demo(
    sesion: Session, usuarios: Sequence[UsuarioDemo], ahora: datetime
) -> list[tuple[str, str, bool]]:
    """Crea los usuarios de demostración que falten (de cualquier módulo); nunca cambia los que
    ya existen. Devuelve (usuario, rol, creado ahora) por cada uno."""
    nombres = [usuario.usuario for usuario in usuarios]
    existentes = set(sesion.scalars(select(Usuario.usuario).where(Usuario.usuario.in_(nombres))))
    nuevos = [
        {
            "usuario": usuario.usuario,
            "nombre": usuario.nombre,
            "rol": usuario.rol,
            "zona": usuario.zona,
            "contrasena_hash": contrasena_service.generar_hash(usuario.contrasena),
            "activo": True,
            "creado_en": ahora,
        }
        for usuario in usuarios
        if usuario.usuario not in existentes
    ]
    if nuevos:
        sesion.execute(insert(Usuario), nuevos)
    return [(u.usuario, u.rol, u.usuario not in existentes) for u in usuarios]


def sembrar(
    gateway: BaseDatosClient,
    cantidad_clientes: int = 200,
    si_vacia: bool = False,
    entorno: str = "development",
    forzar: bool = False,
    ahora: datetime | None = None,
) -> ResultadoSemilla:
    """Siembra (o actualiza) los datos de demostración en una transacción; repetirla no duplica.

    `si_vacia`: no hace nada si ya hay clientes. En producción exige `forzar`.
    """
    instante = ahora or ahora_utc()
    with gateway.session_scope() as sesion:
        if si_vacia and sesion.scalar(select(Cliente.id).limit(1)) is not None:
            return ResultadoSemilla(omitida=True)
        if entorno == "production" and not forzar:
            raise Prohibido(
                "En producción no se siembran datos de demostración: crearía usuarios con "
                "contraseñas públicas. Si de verdad lo necesita, use --forzar."
            )
        resultado = ResultadoSemilla(
            usuarios=crear_usuarios_demo(sesion, demo_service.USUARIOS_DEMO, instante)
        )
        importador = Importador(sesion, instante)
        columnas_clientes = (*validacion.COLUMNAS_CLIENTES, *validacion.OPCIONALES_CLIENTES)
        resultado.clientes = importador.cargar_clientes(
            ORIGEN, Tabla(columnas_clientes, demo_service.filas_clientes(cantidad_clientes))
        )
        columnas_compras = (*validacion.COLUMNAS_COMPRAS, *validacion.OPCIONALES_COMPRAS)
        resultado.compras = importador.cargar_compras(
            ORIGEN,
            Tabla(columnas_compras, demo_service.filas_compras(cantidad_clientes, instante)),
        )
        if importador.errores:
            # Los datos de demostración siempre deben ser válidos: esto es un defecto del código.
            raise ErrorSac("Datos de demostración inválidos: " + str(importador.errores[0]))
        return resultado
