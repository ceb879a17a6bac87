"""Errores de dominio que cualquier capa puede lanzar; la app los traduce a la forma única de error."""

from __future__ import annotations

from typing import Any


class ErrorSac(Exception):
    """Error con estado HTTP, código estable y mensaje en español para una persona."""

    estado_http = 500
    codigo = "error_interno"
    mensaje_por_defecto = "Ocurrió un error inesperado. Intente de nuevo más tarde."

    def __init__(self, mensaje: str | None = None, detalles: dict[str, Any] | None = None) -> None:
        self.mensaje = mensaje or self.mensaje_por_defecto
        self.detalles = detalles or {}
        super().__init__(self.mensaje)


class SolicitudInvalida(ErrorSac):
    estado_http = 400
    codigo = "solicitud_invalida"
    mensaje_por_defecto = "La solicitud no se pudo interpretar."


class NoAutenticado(ErrorSac):
    estado_http = 401
    codigo = "no_autenticado"
    mensaje_por_defecto = "Debe iniciar sesión para continuar."


class CredencialesInvalidas(NoAutenticado):
    codigo = "credenciales_invalidas"
    mensaje_por_defecto = "Usuario o contraseña incorrectos."


class Prohibido(ErrorSac):
    estado_http = 403
    codigo = "prohibido"
    mensaje_por_defecto = "Su rol no tiene permiso para esta operación."


class CorreoSinVerificar(Prohibido):
    codigo = "correo_sin_verificar"
    mensaje_por_defecto = (
        "Su cuenta aún no está activa: abra el enlace de verificación que le enviamos por correo."
    )


class NoEncontrado(ErrorSac):
    estado_http = 404
    codigo = "no_encontrado"
    mensaje_por_defecto = "No se encontró el recurso solicitado."


class Conflicto(ErrorSac):
    estado_http = 409
    codigo = "conflicto"
    mensaje_por_defecto = "La operación entra en conflicto con datos existentes."


class DatosInvalidos(ErrorSac):
    estado_http = 422
    codigo = "datos_invalidos"
    mensaje_por_defecto = "Los datos enviados no son válidos."

    @classmethod
    def de_campo(cls, campo: str, motivo: str) -> DatosInvalidos:
        """Error de un solo campo, con el campo y el motivo en los detalles."""
        return cls(motivo, {"campos": {campo: [motivo]}})


class ServicioNoDisponible(ErrorSac):
    estado_http = 503
    codigo = "servicio_no_disponible"
    mensaje_por_defecto = (
        "La base de datos no está disponible en este momento. Intente de nuevo en unos segundos."
    )
