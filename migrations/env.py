"""Entorno de Alembic: usa la pasarela de datos de la app (la misma URL y opciones)."""

from __future__ import annotations

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from models import Base

configuracion = context.config
if configuracion.config_file_name is not None and not logging.getLogger().handlers:
    fileConfig(configuracion.config_file_name)

pasarela = current_app.extensions["sac_db"]
metadatos = Base.metadata


def migrar_sin_conexion() -> None:
    """Genera el script SQL sin conectarse (`flask db upgrade --sql`)."""
    context.configure(
        url=pasarela.engine.url,
        target_metadata=metadatos,
        literal_binds=True,
        render_as_batch=pasarela.migraciones_por_lotes,
    )
    with context.begin_transaction():
        context.run_migrations()


def migrar_con_conexion() -> None:
    pasarela.preparar_almacenamiento()  # SQLite: solo las migraciones crean el archivo
    with pasarela.conexion_de_migracion() as conexion:
        context.configure(
            connection=conexion,
            target_metadata=metadatos,
            render_as_batch=pasarela.migraciones_por_lotes,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    migrar_sin_conexion()
else:
    migrar_con_conexion()
