"""Un servidor SMTP real (aiosmtpd) para las pruebas del correo: guarda lo que recibe y puede
rechazar destinatarios (550) o caerse (puerto cerrado)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class Buzon:
    mensajes: list[EmailMessage] = field(default_factory=list)
    rechazar: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.rechazar:
            return "550 5.1.1 Buzón inexistente"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mensaje = message_from_bytes(envelope.content, policy=policy.default)
        self.mensajes.append(mensaje)
        return "250 Mensaje recibido"


def puerto_libre() -> int:
    with socket.socket() as prueba:
        prueba.bind(("127.0.0.1", 0))
        return int(prueba.getsockname()[1])


@contextmanager
def servidor_smtp(puerto: int | None = None) -> Iterator[tuple[Buzon, int]]:
    buzon = Buzon()
    controlador = Controller(buzon, hostname="127.0.0.1", port=puerto or puerto_libre())
    controlador.start()
    try:
        yield buzon, controlador.port
    finally:
        controlador.stop()
