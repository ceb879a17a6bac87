"""Importación de contratos y facturas (CSV/XLSX) con el importador del núcleo: validación por
fila, una transacción (todo o nada salvo `parcial`), idempotente y con progreso.

Contratos: upsert por número (el titular no cambia). Facturas: una factura emitida no se modifica
(reimportarla igual no cambia nada; con otros datos, error de fila); cada factura nueva queda
`pendiente` (aunque ya haya vencido: solo `cupones vencer` la marca `vencida`) con su evento
`factura_emitida`, la notificación al portal del titular y su correo en la bandeja."""

from __future__ import annotations

from typing import Any

from clients.base_datos_client import BaseDatosClient
from controllers.cuponeras import aviso_controller
from controllers.cuponeras.correo_factura_controller import correo_de_factura
from controllers.importacion_controller import (
    Entidad,
    Entrada,
    Importador,
    Lote,
    Progreso,
    ResultadoImportacion,
    ResumenArchivo,
    importar_archivos,
)
from models import Cliente
from models.cuponeras import Contrato, Factura
from services.cuponeras import cupon_service, validacion_service
from services.lectura_archivos_service import Tabla
from services.tiempo_service import hoy_bogota

CAMPOS_CONTRATO = ("cliente_id", "servicio", "direccion", "ciudad", "fecha_inicio", "estado")
CAMPOS_FACTURA = ("contrato_id", "periodo", "fecha_emision", "fecha_vencimiento", "valor")


def cargar_contratos(importador: Importador, archivo: str, tabla: Tabla) -> ResumenArchivo:
    resumen = ResumenArchivo(archivo, "contratos")
    hoy = hoy_bogota(importador.ahora)
    con_estado = "estado" in tabla.columnas
    campos = [c for c in CAMPOS_CONTRATO if con_estado or c != "estado"]

    def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
        datos = validacion_service.validar_contrato(valores, hoy)
        datos["titular"] = (importador.tipo_id(datos["tipo"]), datos["numero_documento"])
        return datos["numero_contrato"], datos

    def escribir(lote: Lote) -> None:
        clientes = importador.existentes(
            Cliente,
            ("tipo_documento_id", "numero_documento"),
            {d["titular"] for _, d in lote.values()},
        )
        actuales = importador.existentes(Contrato, ("numero_contrato",), lote, ["cliente_id"])
        validos: dict[Any, dict[str, Any]] = {}
        for numero, (fila, datos) in lote.items():
            cliente = clientes.get(datos["titular"])
            if cliente is None:
                motivo = (
                    f"No existe un cliente {datos['tipo']} {datos['numero_documento']} en el SAC; "
                    "impórtelo primero."
                )
                importador.rechazar(resumen, fila, [("numero_documento", motivo)])
                continue
            actual = actuales.get(numero)
            if actual is not None and actual.cliente_id != cliente.id:
                motivo = "El contrato ya existe con otro titular; el titular no se cambia."
                importador.rechazar(resumen, fila, [("numero_documento", motivo)])
                continue
            validos[numero] = {"cliente_id": cliente.id} | {c: datos[c] for c in campos[1:]}
        if validos:
            extra = {"creado_en": importador.ahora, "actualizado_en": importador.ahora}
            importador.upsert(Contrato, ("numero_contrato",), validos, resumen, extra)

    importador.cargar(resumen, tabla.filas, validar, escribir)
    return resumen


def cargar_facturas(importador: Importador, archivo: str, tabla: Tabla) -> ResumenArchivo:
    resumen = ResumenArchivo(archivo, "facturas")
    sesion = importador.sesion

    def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
        datos = validacion_service.validar_factura(valores)
        return datos["numero_factura"], datos

    def escribir(lote: Lote) -> None:
        contratos = importador.existentes(
            Contrato, ("numero_contrato",), {d["numero_contrato"] for _, d in lote.values()}
        )
        actuales = importador.existentes(Factura, ("numero_factura",), lote, CAMPOS_FACTURA)
        nuevas: list[tuple[int, dict[str, Any]]] = []
        for numero, (fila, datos) in lote.items():
            contrato = contratos.get(datos["numero_contrato"])
            if contrato is None:
                motivo = f"No existe el contrato {datos['numero_contrato']}; impórtelo primero."
                importador.rechazar(resumen, fila, [("numero_contrato", motivo)])
                continue
            datos["contrato_id"] = contrato.id
            actual = actuales.get(numero)
            if actual is None:
                nuevas.append((fila, datos))
            elif tuple(actual)[2:] == tuple(datos[c] for c in CAMPOS_FACTURA):
                resumen.sin_cambios += 1
            else:
                motivo = f"La factura {numero} ya existe con otros datos; una factura emitida no se modifica."
                importador.rechazar(resumen, fila, [("numero_factura", motivo)])
        ocupados = {
            clave: existente.numero_factura
            for clave, existente in importador.existentes(
                Factura,
                ("contrato_id", "periodo"),
                {(d["contrato_id"], d["periodo"]) for _, d in nuevas},
                ["numero_factura"],
            ).items()
        }
        for fila, datos in nuevas:
            clave = (datos["contrato_id"], datos["periodo"])
            if clave in ocupados:
                motivo = (
                    f"El contrato {datos['numero_contrato']} ya tiene la factura "
                    f"{ocupados[clave]} del periodo {datos['periodo']}."
                )
                importador.rechazar(resumen, fila, [("periodo", motivo)])
                continue
            _emitir(importador, datos)
            ocupados[clave] = datos["numero_factura"]
            resumen.insertadas += 1

    importador.cargar(resumen, tabla.filas, validar, escribir)
    sesion.flush()
    return resumen


def _emitir(importador: Importador, datos: dict[str, Any]) -> None:
    """La factura nueva, su evento, la notificación y el correo (misma transacción)."""
    sesion, ahora = importador.sesion, importador.ahora
    factura = Factura(
        numero_factura=datos["numero_factura"],
        contrato_id=datos["contrato_id"],
        periodo=datos["periodo"],
        fecha_emision=datos["fecha_emision"],
        fecha_vencimiento=datos["fecha_vencimiento"],
        valor=datos["valor"],
        saldo=datos["valor"],
        estado="pendiente",
        creado_en=ahora,
        actualizado_en=ahora,
    )
    sesion.add(factura)
    sesion.flush()
    contrato = sesion.get_one(Contrato, datos["contrato_id"])
    pesos = cupon_service.pesos_enteros(factura.valor)
    texto = (
        f"Factura {factura.numero_factura} del periodo {factura.periodo} por {pesos}, vence el "
        f"{factura.fecha_vencimiento:%Y-%m-%d}."
    )
    referencia = f"factura:{factura.numero_factura}"
    aviso_controller.evento(
        sesion, contrato.id, "factura_emitida", texto, ahora, referencia, factura.valor
    )
    aviso_controller.notificar(
        sesion, contrato.cliente_id, "factura_emitida",
        f"Contrato {contrato.numero_contrato}: {texto}", referencia, ahora,
    )  # fmt: skip
    correo_de_factura(sesion, factura, contrato)


CONTRATOS = Entidad(
    "contratos",
    validacion_service.COLUMNAS_CONTRATOS,
    validacion_service.OPCIONALES_CONTRATOS,
    cargar_contratos,
)
FACTURAS = Entidad("facturas", validacion_service.COLUMNAS_FACTURAS, (), cargar_facturas)


def importar_contratos(
    gateway: BaseDatosClient,
    archivo: Entrada,
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    return importar_archivos(gateway, [(archivo, CONTRATOS)], parcial, progreso)


def importar_facturas(
    gateway: BaseDatosClient,
    archivo: Entrada,
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    return importar_archivos(gateway, [(archivo, FACTURAS)], parcial, progreso)
