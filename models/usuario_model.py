"""Usuarios con contraseña en hash argon2 y un rol (sus permisos: `services/permisos_service`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc

ROLES = ("agente", "supervisor", "admin", "vendedor", "catalogo", "monitor", "cliente", "recaudo")


class Usuario(Base):
    __tablename__ = "usuarios"
    __table_args__ = (
        CheckConstraint(
            "rol IN (" + ", ".join(f"'{rol}'" for rol in ROLES) + ")", name="rol_valido"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    usuario: Mapped[str] = mapped_column(String(60), unique=True)
    nombre: Mapped[str] = mapped_column(String(120))
    contrasena_hash: Mapped[str] = mapped_column(String(255))
    rol: Mapped[str] = mapped_column(String(20))
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    # Zona de trabajo de un vendedor (obligatoria para ese rol; la exige el controlador).
    zona: Mapped[str | None] = mapped_column(String(80))
    # Correo del usuario (opcional): reportes programados y avisos.
    correo: Mapped[str | None] = mapped_column(String(254))
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
