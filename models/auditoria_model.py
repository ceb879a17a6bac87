"""Auditoría de consultas, exportaciones y reportes, sin copiar datos personales del cliente."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc


class Auditoria(Base):
    __tablename__ = "auditoria"
    __table_args__ = (
        Index("ix_auditoria_fecha", "fecha"),
        Index("ix_auditoria_usuario_id_fecha", "usuario_id", "fecha"),
        Index("ix_auditoria_cliente_id", "cliente_id"),
        Index("ix_auditoria_documento_huella", "documento_huella"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fecha: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    usuario_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    ip: Mapped[str | None] = mapped_column(String(45))
    accion: Mapped[str] = mapped_column(String(30))
    cliente_id: Mapped[int | None] = mapped_column(ForeignKey("clientes.id"))
    tipo_documento: Mapped[str | None] = mapped_column(String(5))
    # HMAC del documento consultado: permite buscar "quién consultó este documento"
    # sin guardar el número en claro.
    documento_huella: Mapped[str | None] = mapped_column(String(64))
    parametros: Mapped[str] = mapped_column(String(500), default="{}")
    resultado: Mapped[str] = mapped_column(String(30))
    estado_http: Mapped[int] = mapped_column()
