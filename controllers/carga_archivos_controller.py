"""Importación de archivos subidos por la API (admin), auditada y con respuesta resumida."""

from __future__ import annotations

from dataclasses import asdict
from typing import IO, Any

from clients.base_datos_client import BaseDatosClient
from controllers.auditoria_controller import ContextoAuditoria, auditar
from controllers.importacion_controller import importar
from errores import DatosInvalidos

EXTENSIONES = (".csv", ".xlsx")
MAXIMO_ERRORES_RESPUESTA = 200


def _validar_nombre(campo: str, nombre: str) -> None:
    if not nombre.lower().endswith(EXTENSIONES):
        raise DatosInvalidos.de_campo(campo, "El archivo debe ser .csv o .xlsx.")


def importar_archivos(
    gateway: BaseDatosClient,
    archivos: dict[str, tuple[str, IO[bytes]]],
    parcial: bool,
    contexto: ContextoAuditoria,
) -> dict[str, Any]:
    """Importa `clientes` y/o `compras`; 422 con las filas malas si no se guardó nada."""
    with auditar(gateway, contexto, "importacion", parcial=parcial) as registro:
        if not archivos:
            raise DatosInvalidos("Adjunte al menos un archivo: clientes o compras.")
        for campo, (nombre, _) in archivos.items():
            _validar_nombre(campo, nombre)
        resultado = importar(
            gateway, archivos.get("clientes"), archivos.get("compras"), parcial=parcial
        )
        cuerpo = {
            "confirmada": resultado.confirmada,
            "archivos": [asdict(resumen) for resumen in resultado.archivos],
            "total_errores": resultado.total_errores,
            "errores": [asdict(e) for e in resultado.errores[:MAXIMO_ERRORES_RESPUESTA]],
        }
        registro.parametros = {
            "parcial": parcial,
            "archivos": {r.entidad: r.insertadas + r.actualizadas for r in resultado.archivos},
            "errores": resultado.total_errores,
        }
        if not resultado.confirmada:
            primero = resultado.errores[0] if resultado.errores else None
            raise DatosInvalidos(
                f"No se importó nada: {resultado.total_errores} fila(s) con errores"
                + (f"; la primera: {primero}." if primero else "."),
                cuerpo,
            )
        return cuerpo
