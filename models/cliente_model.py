"""Clientes: documento único por tipo y datos de contacto."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, InstanteUTC, ahora_utc
from models.tipo_documento_model import TipoDocumento


def texto_binario(largo: int) -> Any:
    """Texto ya normalizado (minúsculas sin tildes) comparado y ordenado byte a byte en todo motor.

    La búsqueda por prefijo es un rango `palabra >= 'mar' AND palabra < 'mas'`: con una intercalación
    binaria el índice lo resuelve igual en SQLite, PostgreSQL (`C`), MariaDB (`utf8mb4_bin`) y SQL
    Server (`Latin1_General_BIN2`), y el orden coincide con el de Python.
    """
    return (
        String(largo)
        .with_variant(String(largo, collation="C"), "postgresql")
        .with_variant(String(largo, collation="utf8mb4_bin"), "mysql", "mariadb")
        .with_variant(String(largo, collation="Latin1_General_BIN2"), "mssql")
    )


class Cliente(Base):
    __tablename__ = "clientes"
    __table_args__ = (
        # Única por tipo: también es el índice de la búsqueda por documento.
        UniqueConstraint("tipo_documento_id", "numero_documento"),
        # Caja de búsqueda (M10): teléfono por número nacional y correo sin mayúsculas, por igualdad.
        Index("ix_clientes_telefono_nacional", "telefono_nacional"),
        Index("ix_clientes_correo_normalizado", "correo_normalizado"),
        # Calidad de datos (M10): los mal formados son un rango de su marca, en orden de id.
        Index("ix_clientes_telefono_invalido", "telefono_invalido", "id"),
        Index("ix_clientes_correo_invalido", "correo_invalido", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tipo_documento_id: Mapped[int] = mapped_column(ForeignKey("tipos_documento.id"))
    numero_documento: Mapped[str] = mapped_column(String(20))
    nombre: Mapped[str] = mapped_column(String(150))
    apellido: Mapped[str] = mapped_column(String(150), default="")
    correo: Mapped[str | None] = mapped_column(String(254))
    telefono: Mapped[str | None] = mapped_column(String(20))
    ciudad: Mapped[str | None] = mapped_column(String(80))
    direccion: Mapped[str | None] = mapped_column(String(200))
    fecha_registro: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
    activo: Mapped[bool] = mapped_column(Boolean, default=True)
    # Columnas de búsqueda, derivadas de `telefono` y `correo` (`services/busqueda_service`).
    telefono_nacional: Mapped[str | None] = mapped_column(texto_binario(20))
    correo_normalizado: Mapped[str | None] = mapped_column(texto_binario(254))
    # Marcas de calidad, derivadas de `telefono` y `correo` (`services/calidad_service`).
    telefono_invalido: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    correo_invalido: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    tipo_documento: Mapped[TipoDocumento] = relationship(lazy="joined")


class ClientePalabra(Base):
    """Una palabra normalizada del nombre o apellido de un cliente, para buscar por prefijo.

    Cada fila lleva además el orden (apellido, nombre normalizados) y la clave del nombre (sus
    palabras ordenadas): la búsqueda por nombre se resuelve recorriendo solo el índice de la
    palabra más selectiva, sin visitar `clientes` por cada candidato.
    """

    __tablename__ = "cliente_palabras"
    __table_args__ = (
        # Búsqueda por prefijo: rango sobre `palabra`; cubre todo lo que la búsqueda lee.
        Index(
            "ix_cliente_palabras_palabra",
            "palabra",
            "apellido",
            "nombre",
            "cliente_id",
            "previa",
            "clave",
        ),
        # Conteo de una sola palabra (decenas de miles de filas): el mismo rango en un índice angosto.
        Index("ix_cliente_palabras_conteo", "palabra", "previa"),
    )

    # La llave primaria empieza por el cliente: rehacer sus palabras es un rango de ella.
    cliente_id: Mapped[int] = mapped_column(
        ForeignKey("clientes.id", ondelete="CASCADE"), primary_key=True
    )
    palabra: Mapped[str] = mapped_column(texto_binario(60), primary_key=True)
    # La palabra anterior del cliente en orden binario: ver `busqueda_service.filas_palabras`.
    previa: Mapped[str] = mapped_column(texto_binario(60))
    apellido: Mapped[str] = mapped_column(texto_binario(150))
    nombre: Mapped[str] = mapped_column(texto_binario(150))
    clave: Mapped[str] = mapped_column(texto_binario(310))


class ClientePar(Base):
    """Un par de prefijos de 3 letras de dos palabras distintas del nombre de un cliente (`gom mar`).

    Una búsqueda de dos o más palabras (`maria gomez`) va directo a los clientes que tienen ambos
    prefijos —por igualdad sobre `par`— en vez de recorrer todos los que tienen uno de ellos; la
    clave del nombre, en la misma fila, confirma los prefijos completos.
    """

    __tablename__ = "cliente_pares"
    __table_args__ = (
        # Búsqueda por nombre de varias palabras: igualdad sobre `par`, cubriendo lo que se lee.
        Index("ix_cliente_pares_par", "par", "apellido", "nombre", "cliente_id", "clave"),
    )

    cliente_id: Mapped[int] = mapped_column(
        ForeignKey("clientes.id", ondelete="CASCADE"), primary_key=True
    )
    par: Mapped[str] = mapped_column(texto_binario(7), primary_key=True)
    apellido: Mapped[str] = mapped_column(texto_binario(150))
    nombre: Mapped[str] = mapped_column(texto_binario(150))
    clave: Mapped[str] = mapped_column(texto_binario(310))


class ClienteAlias(Base):
    """El documento de un cliente fusionado (M10), que sigue llevando a quien lo absorbió.

    La consulta por documento y la caja de búsqueda lo resuelven al sobreviviente; en fusiones
    encadenadas (A en B y luego B en C) todos los alias apuntan al último sobreviviente.
    """

    __tablename__ = "cliente_alias"
    __table_args__ = (
        # Un documento es alias de un solo cliente; también es el índice de la consulta por él.
        UniqueConstraint("tipo_documento_id", "numero_documento"),
        # Los alias de un cliente (su ficha y las fusiones encadenadas).
        Index("ix_cliente_alias_cliente_id", "cliente_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tipo_documento_id: Mapped[int] = mapped_column(ForeignKey("tipos_documento.id"))
    numero_documento: Mapped[str] = mapped_column(String(20))
    # El sobreviviente (activo) al que lleva el documento.
    cliente_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"))
    # El cliente fusionado (inactivo) cuyo documento era.
    absorbido_id: Mapped[int] = mapped_column(ForeignKey("clientes.id"), unique=True)
    creado_en: Mapped[datetime] = mapped_column(InstanteUTC(), default=ahora_utc)
