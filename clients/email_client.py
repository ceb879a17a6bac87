"""Envío de correo: SMTP en producción; en desarrollo, sin servidor SMTP, un archivo `.eml` por
mensaje bajo `instance/correos/`. Nadie envía directo: todo pasa por la bandeja de salida."""

from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol


class ErrorEnvio(Exception):
    """No se pudo entregar el mensaje; `permanente` = reintentar no servirá (destinatario malo)."""

    def __init__(self, motivo: str, permanente: bool = False) -> None:
        super().__init__(motivo)
        self.motivo = motivo
        self.permanente = permanente


class EmailClient(Protocol):
    def enviar(self, mensaje: EmailMessage) -> None: ...


class SmtpEmailClient:
    """SMTP con STARTTLS (587), TLS implícito (465) o sin cifrar (solo redes internas)."""

    def __init__(
        self,
        host: str,
        puerto: int,
        usuario: str = "",
        contrasena: str = "",
        tls: str = "starttls",
        timeout: float = 15,
    ) -> None:
        if tls not in ("starttls", "ssl", "no"):
            raise ValueError("SMTP_TLS debe ser starttls, ssl o no.")
        self.host, self.puerto, self.tls, self.timeout = host, puerto, tls, timeout
        self.usuario, self.contrasena = usuario, contrasena

    def enviar(self, mensaje: EmailMessage) -> None:
        try:
            with self._conectar() as smtp:
                if self.usuario:
                    smtp.login(self.usuario, self.contrasena)
                smtp.send_message(mensaje)
        except smtplib.SMTPRecipientsRefused as error:
            raise ErrorEnvio("El servidor rechazó el destinatario.", permanente=True) from error
        except smtplib.SMTPResponseException as error:
            # 5xx: rechazo definitivo (buzón inexistente, mensaje rechazado); 4xx: reintentar.
            permanente = 500 <= error.smtp_code < 600 and error.smtp_code != 530
            raise ErrorEnvio(f"SMTP respondió {error.smtp_code}.", permanente) from error
        except (smtplib.SMTPException, OSError) as error:
            raise ErrorEnvio(
                f"No se pudo conectar al servidor SMTP ({type(error).__name__})."
            ) from error

    def _conectar(self) -> smtplib.SMTP:
        contexto = ssl.create_default_context()
        if self.tls == "ssl":
            return smtplib.SMTP_SSL(self.host, self.puerto, timeout=self.timeout, context=contexto)
        smtp = smtplib.SMTP(self.host, self.puerto, timeout=self.timeout)
        if self.tls == "starttls":
            smtp.starttls(context=contexto)
        return smtp


class ArchivoEmailClient:
    """Desarrollo: cada mensaje queda como un `.eml` que cualquier programa de correo abre."""

    def __init__(self, carpeta: Path) -> None:
        self.carpeta = carpeta

    def enviar(self, mensaje: EmailMessage) -> None:
        try:
            self.carpeta.mkdir(parents=True, exist_ok=True)
            destino = self.carpeta / f"{uuid.uuid4().hex}.eml"
            destino.write_bytes(bytes(mensaje))
        except OSError as error:
            raise ErrorEnvio(f"No se pudo escribir el correo en {self.carpeta}.") from error


def crear_email_client(config: dict[str, Any]) -> EmailClient:
    """SMTP si hay `SMTP_HOST`; si no, archivos `.eml` en `CARPETA_CORREOS`."""
    if config.get("SMTP_HOST"):
        return SmtpEmailClient(
            config["SMTP_HOST"],
            int(config.get("SMTP_PORT") or 587),
            config.get("SMTP_USUARIO") or "",
            config.get("SMTP_CONTRASENA") or "",
            config.get("SMTP_TLS") or "starttls",
            float(config.get("SMTP_TIMEOUT") or 15),
        )
    return ArchivoEmailClient(Path(config["CARPETA_CORREOS"]))
