"""Siembra de demostración del catálogo (la llama `flask seed` tras la del SAC): usuarios catalogo y
vendedor, ~60 productos, establecimientos de cada tipo y un portafolio por tipo. Repetirla no
duplica nada: productos y establecimientos pasan por el importador (upsert) y los portafolios que
ya existen (mismo nombre y tipo) se dejan como están."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from controllers.catalogo import importacion_controller
from controllers.catalogo.tipo_establecimiento_controller import tipos_por_codigo
from controllers.demo_controller import crear_usuarios_demo
from controllers.importacion_controller import Importador, ResumenArchivo
from errores import ErrorSac
from models.catalogo import LineaPortafolio, Portafolio, Producto
from services.catalogo import demo_service
from services.lectura_archivos_service import Tabla
from services.tiempo_service import hoy_bogota

ORIGEN = "catálogo de demostración"


def _portafolios(sesion: Session, ahora: datetime) -> tuple[int, int]:
    """Crea los portafolios de demostración que falten; devuelve (creados, existentes)."""
    tipos = tipos_por_codigo(sesion)
    productos = dict(sesion.execute(select(Producto.codigo, Producto.id)).tuples().all())
    creados = 0
    for demo in demo_service.PORTAFOLIOS_DEMO:
        existe = sesion.scalar(
            select(Portafolio.id).where(
                Portafolio.nombre == demo.nombre, Portafolio.tipo_id == tipos[demo.tipo]
            )
        )
        if existe is not None:
            continue
        portafolio = Portafolio(
            nombre=demo.nombre,
            tipo_id=tipos[demo.tipo],
            vigente_desde=demo_service.vigencia(demo, hoy_bogota(ahora)),
            activo=demo.activo,
            creado_en=ahora,
        )
        sesion.add(portafolio)
        sesion.flush()
        sesion.add_all(
            LineaPortafolio(
                portafolio_id=portafolio.id,
                producto_id=productos[codigo],
                cantidad_minima=cantidad,
                obligatorio=obligatorio,
                precio_sugerido=precio or None,
                orden=orden,
            )
            for orden, (codigo, cantidad, obligatorio, precio) in enumerate(demo.lineas, start=1)
        )
        creados += 1
    return creados, len(demo_service.PORTAFOLIOS_DEMO) - creados


def _linea(resumen: ResumenArchivo) -> str:
    return (
        f"Catálogo, {resumen.entidad}: {resumen.insertadas} nuevos, "
        f"{resumen.actualizadas} actualizados, {resumen.sin_cambios} sin cambios."
    )


def sembrar(gateway: BaseDatosClient, ahora: datetime) -> list[str]:
    """Siembra (o completa) el catálogo de demostración en una transacción; devuelve el informe."""
    with gateway.session_scope() as sesion:
        usuarios = crear_usuarios_demo(sesion, demo_service.USUARIOS_DEMO, ahora)
        importador = Importador(sesion, ahora)
        productos = importacion_controller.cargar_productos(
            importador,
            ORIGEN,
            Tabla(demo_service.COLUMNAS_PRODUCTOS, demo_service.filas_productos()),
        )
        establecimientos = importacion_controller.cargar_establecimientos(
            importador,
            ORIGEN,
            Tabla(demo_service.COLUMNAS_ESTABLECIMIENTOS, demo_service.filas_establecimientos()),
        )
        if importador.errores:
            # Los datos de demostración siempre deben ser válidos: esto es un defecto del código.
            raise ErrorSac("Catálogo de demostración inválido: " + str(importador.errores[0]))
        creados, existentes = _portafolios(sesion, ahora)
    return [
        *(
            f"Usuario {usuario} ({rol}): {'creado' if creado else 'ya existía'}."
            for usuario, rol, creado in usuarios
        ),
        _linea(productos),
        _linea(establecimientos),
        f"Catálogo, portafolios: {creados} nuevos, {existentes} ya existían.",
    ]
