"""Usuarios con contraseña en hash argon2 y un rol (sus permisos: `services/permisos_service`).

Un usuario del portal (rol `cliente`, M6) queda ligado a su cliente del SAC con `cliente_id` (una
columna y no una tabla aparte: es uno solo y nunca cambia) y solo puede usar su cuenta cuando
`correo_verificado_en` tiene valor (antes, el inicio de sesión responde 403). Para el personal
ambas columnas quedan vacías.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc

ROLES = ("agente", "supervisor", "admin", "vendedor", "catalogo", "monitor", "cliente", "recaudo")


class Usuario(Base):
    __tablename__ = "usuarios"
    __table_args__ = (
        CheckConstraint(
            "rol IN (" + ", ".join(f"'{rol}'" for rol in ROLES) + ")", name="rol_valido"
        ),
        # Solo un usuario del portal se liga a un cliente del SAC.
        CheckConstraint("cliente_id IS NULL OR rol = 'cliente'", name="cliente_solo_portal"),
        # Los usuarios del portal de un cliente (notificaciones, alcance de sus contratos).
        Index("ix_usuarios_cliente_id", "cliente_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # El login: un nombre de usuario del personal (3 a 60 caracteres) o el correo de un usuario del
    # portal (hasta 254, M6).
    usuario: Mapped[str] = mapped_column(String(254), unique=True)
    nombre: Mapped[str] = mapped_column(String(120))
    contrasena_hash: Mapped[str] = mapped_column(String(255))
    rol: Mapped[str] = mapped_column(String(20))
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    # Zona de trabajo de un vendedor (obligatoria para ese rol; la exige el controlador).
    zona: Mapped[str | None] = mapped_column(String(80))
    # Correo del usuario (opcional): reportes programados y avisos.
    correo: Mapped[str | None] = mapped_column(String(254))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    # M6: el cliente del SAC de un usuario del portal (rol `cliente`); vacío para el personal.
    cliente_id: Mapped[int | None] = mapped_column(ForeignKey("clientes.id"))
    # M6: cuándo verificó su correo un usuario del portal (vacío = aún no puede iniciar sesión).
    correo_verificado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
