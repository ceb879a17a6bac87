"""M6 Cuponeras: comandos de la CLI (los agrega `registrar`)."""

from __future__ import annotations

from flask import Flask


def registrar(app: Flask) -> None:
    """Sin comandos propios todavía en esta rama."""
