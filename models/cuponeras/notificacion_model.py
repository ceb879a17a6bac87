"""Notificaciones de un usuario (M6): cambios de sus facturas, cupones, pagos y beneficios."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, InstanteUTC, ahora_utc


class Notificacion(Base):
    __tablename__ = "notificaciones"
    __table_args__ = (
        # Las del usuario, más nuevas primero (y las no leídas: `leida_en` vacía).
        Index("ix_notificaciones_usuario_id_creada_en", "usuario_id", "creada_en"),
        # «Por vencer» una sola vez por límite: ¿ya existe esta (tipo, referencia)?
        Index("ix_notificaciones_tipo_referencia", "tipo", "referencia"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    usuario_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"))
    # p. ej. factura_emitida, cupon_generado, pago, cupon_por_vencer, beneficio_otorgado...
    tipo: Mapped[str] = mapped_column(String(30))
    mensaje: Mapped[str] = mapped_column(String(300))
    # Qué la originó (`factura:FE-1`, `cupon:7700…`, `beneficio:…`), para enlazar y no repetir.
    referencia: Mapped[str | None] = mapped_column(String(80))
    creada_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    leida_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
