"""Historial de reportes de fidelización generados como archivo (pantalla, API, CLI, programado).

El archivo exacto se guarda en la base (LargeBinary, como `correo_adjuntos`): funciona igual en los
motores, entra en los respaldos de la base y se escribe en la misma transacción que su fila, así
que no hay fila sin archivo ni archivo huérfano en disco."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Dinero, InstanteUTC, ahora_utc

ORIGENES_REPORTE = ("pantalla", "api", "cli", "programado")


class ReporteHistorial(Base):
    __tablename__ = "reportes_historial"
    __table_args__ = (
        CheckConstraint(
            "origen IN (" + ", ".join(f"'{origen}'" for origen in ORIGENES_REPORTE) + ")",
            name="origen_valido",
        ),
        CheckConstraint("filas >= 0", name="filas_no_negativas"),
        # La lista del historial: los más recientes primero.
        Index("ix_reportes_historial_generado_en", "generado_en"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mes: Mapped[str] = mapped_column(String(7))
    umbral: Mapped[Decimal] = mapped_column(Dinero())
    filas: Mapped[int] = mapped_column()
    total: Mapped[Decimal] = mapped_column(Dinero())
    sha256: Mapped[str] = mapped_column(String(64))
    generado_por: Mapped[str] = mapped_column(String(120))
    generado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    origen: Mapped[str] = mapped_column(String(12))
    nombre: Mapped[str] = mapped_column(String(120))
    tipo_mime: Mapped[str] = mapped_column(String(80))
    # El archivo solo se lee al volver a descargarlo, no al listar.
    contenido: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
