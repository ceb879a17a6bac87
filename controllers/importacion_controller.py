"""Importación de clientes y compras (CSV/XLSX) por lotes, con upsert y en una sola transacción."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clients.base_datos_client import BaseDatosClient
from errores import Conflicto, DatosInvalidos
from models import Cliente, Compra, TipoDocumento
from services import importacion_service as validacion
from services.importacion_service import ErrorFila, FilaInvalida
from services.lectura_archivos_service import ArchivoInvalido, Fila, Tabla, leer_tabla
from services.tiempo_service import ahora_utc

TAMANO_LOTE = 2000
TAMANO_IN = 2000  # SQL Server admite 2100 parámetros por sentencia
INTERVALO_PROGRESO = 100_000
MAXIMO_ERRORES = 1000  # los demás solo se cuentan
CAMPOS_CLIENTE = ("nombre", "apellido", "correo", "telefono", "ciudad", "direccion")
CAMPOS_COMPRA = ("cliente_id", "fecha", "total", "estado", "canal", "tienda")
_NI_EN_ARCHIVO = "(ni en la base ni entre los clientes válidos del archivo de clientes)."

Progreso = Callable[[str, int], None]
Entrada = str | os.PathLike[str] | tuple[str, IO[bytes]]


@dataclass
class ResumenArchivo:
    archivo: str
    entidad: str
    insertadas: int = 0
    actualizadas: int = 0
    sin_cambios: int = 0
    rechazadas: int = 0


@dataclass
class ResultadoImportacion:
    """Conteos por archivo, errores (los primeros `MAXIMO_ERRORES`) y si se confirmó algo."""

    archivos: list[ResumenArchivo]
    errores: list[ErrorFila] = field(default_factory=list)
    total_errores: int = 0
    confirmada: bool = False

    @property
    def rechazadas(self) -> int:
        return sum(resumen.rechazadas for resumen in self.archivos)


class _Revertir(Exception):
    def __init__(self, resultado: ResultadoImportacion) -> None:
        super().__init__("importación revertida")
        self.resultado = resultado


class Importador:
    """Valida y guarda filas por lotes dentro de una sesión abierta; no confirma la transacción."""

    def __init__(self, sesion: Session, ahora: datetime, progreso: Progreso | None = None) -> None:
        self.sesion = sesion
        # Core sobre la conexión de la sesión: misma transacción, sin el costo del ORM por fila.
        self.conexion = sesion.connection()
        self.ahora = ahora
        self.progreso = progreso
        consulta = select(TipoDocumento.codigo, TipoDocumento.id)
        self.tipos: dict[str, int] = dict(sesion.execute(consulta).tuples().all())
        self.errores: list[ErrorFila] = []
        self.total_errores = 0

    def cargar_clientes(self, archivo: str, tabla: Tabla) -> ResumenArchivo:
        """Upsert por (tipo, número); si una clave se repite, la fila posterior gana."""
        campos = [campo for campo in CAMPOS_CLIENTE if campo in tabla.columnas]
        resumen = ResumenArchivo(archivo, "clientes")

        def escribir(lote: dict[Any, tuple[int, dict[str, Any]]]) -> None:
            existentes = self._clientes(lote, campos)
            nuevos = []
            cambios = []
            for clave, (_, datos) in lote.items():
                valores = {campo: datos[campo] for campo in campos}
                actual = existentes.get(clave)
                if actual is None:
                    nuevos.append(
                        {"tipo_documento_id": clave[0], "numero_documento": clave[1], **valores}
                        | {"fecha_registro": self.ahora, "activo": True}
                    )
                elif actual[2:] != tuple(valores.values()):
                    cambios.append({"id_": actual.id, **valores})
            self._guardar(Cliente, resumen, len(lote), nuevos, cambios)

        def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
            datos = validacion.validar_cliente(valores)
            return (self._tipo_id(datos["tipo"]), datos["numero_documento"]), datos

        self._cargar(resumen, tabla.filas, validar, escribir)
        return resumen

    def cargar_compras(self, archivo: str, tabla: Tabla) -> ResumenArchivo:
        """Upsert por número de factura; el cliente (tipo + número) debe existir."""
        campos = [campo for campo in CAMPOS_COMPRA if campo in (*tabla.columnas, "cliente_id")]
        resumen = ResumenArchivo(archivo, "compras")

        def escribir(lote: dict[Any, tuple[int, dict[str, Any]]]) -> None:
            clientes = self._clientes({datos["cliente"] for _, datos in lote.values()}, [])
            existentes = self._compras(list(lote), campos)
            nuevos, cambios, validas = [], [], 0
            for factura, (fila, datos) in lote.items():
                cliente = clientes.get(datos["cliente"])
                if cliente is None:
                    motivo = f"No existe un cliente {datos['tipo']} {datos['numero_documento']} "
                    self._rechazar(resumen, fila, [("numero_documento", motivo + _NI_EN_ARCHIVO)])
                    continue
                validas += 1
                valores = {"cliente_id": cliente.id} | {c: datos[c] for c in campos[1:]}
                actual = existentes.get(factura)
                if actual is None:
                    nuevos.append({"numero_factura": factura, **valores})
                elif actual[2:] != tuple(valores.values()):
                    cambios.append({"id_": actual.id, **valores})
            self._guardar(Compra, resumen, validas, nuevos, cambios)

        def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
            datos = validacion.validar_compra(valores, self.ahora)
            datos["cliente"] = (self._tipo_id(datos["tipo"]), datos["numero_documento"])
            return datos["numero_factura"], datos

        self._cargar(resumen, tabla.filas, validar, escribir)
        return resumen

    def _cargar(
        self,
        resumen: ResumenArchivo,
        filas: Iterator[Fila],
        validar: Callable[[dict[str, str]], tuple[Any, dict[str, Any]]],
        escribir: Callable[[dict[Any, tuple[int, dict[str, Any]]]], None],
    ) -> None:
        lote: dict[Any, tuple[int, dict[str, Any]]] = {}
        for leidas, (numero, valores) in enumerate(filas, start=1):
            if self.progreso is not None and leidas % INTERVALO_PROGRESO == 0:
                self.progreso(resumen.archivo, leidas)
            try:
                clave, datos = validar(valores)
            except FilaInvalida as error:
                self._rechazar(resumen, numero, error.errores)
                continue
            # Una clave repetida cierra el lote: la fila posterior se compara con la ya guardada.
            if clave in lote or len(lote) >= TAMANO_LOTE:
                escribir(lote)
                lote = {}
            lote[clave] = (numero, datos)
        if lote:
            escribir(lote)

    def _guardar(
        self,
        modelo: type[Cliente] | type[Compra],
        resumen: ResumenArchivo,
        validas: int,
        nuevos: list[dict[str, Any]],
        cambios: list[dict[str, Any]],
    ) -> None:
        if nuevos:
            self.conexion.execute(insert(modelo), nuevos)
        if cambios:
            # Las claves que coinciden con columnas forman el SET; `id_` identifica la fila.
            self.conexion.execute(update(modelo).where(modelo.id == bindparam("id_")), cambios)
        resumen.insertadas += len(nuevos)
        resumen.actualizadas += len(cambios)
        resumen.sin_cambios += validas - len(nuevos) - len(cambios)

    def _clientes(
        self, claves: Iterable[tuple[int, str]], campos: list[str]
    ) -> dict[Any, Row[Any]]:
        """Clientes existentes por (tipo_id, número): una consulta por tipo y tramo de números."""
        por_tipo: dict[int, list[str]] = defaultdict(list)
        for tipo_id, numero in claves:
            por_tipo[tipo_id].append(numero)
        columnas = [getattr(Cliente, campo) for campo in campos]
        encontrados: dict[Any, Row[Any]] = {}
        for tipo_id, numeros in por_tipo.items():
            for inicio in range(0, len(numeros), TAMANO_IN):
                consulta = select(Cliente.id, Cliente.numero_documento, *columnas).where(
                    Cliente.tipo_documento_id == tipo_id,
                    Cliente.numero_documento.in_(numeros[inicio : inicio + TAMANO_IN]),
                )
                for fila in self.conexion.execute(consulta).all():
                    encontrados[(tipo_id, fila.numero_documento)] = fila
        return encontrados

    def _compras(self, facturas: list[str], campos: list[str]) -> dict[str, Row[Any]]:
        columnas = [getattr(Compra, campo) for campo in campos]
        encontradas: dict[str, Row[Any]] = {}
        for inicio in range(0, len(facturas), TAMANO_IN):
            consulta = select(Compra.id, Compra.numero_factura, *columnas).where(
                Compra.numero_factura.in_(facturas[inicio : inicio + TAMANO_IN])
            )
            for fila in self.conexion.execute(consulta).all():
                encontradas[fila.numero_factura] = fila
        return encontradas

    def _tipo_id(self, codigo: str) -> int:
        if codigo not in self.tipos:
            raise FilaInvalida([("tipo_documento", "Tipo de documento no registrado en la base.")])
        return self.tipos[codigo]

    def _rechazar(self, resumen: ResumenArchivo, fila: int, errores: list[tuple[str, str]]) -> None:
        resumen.rechazadas += 1
        for campo, mensaje in errores:
            self.total_errores += 1
            if len(self.errores) < MAXIMO_ERRORES:
                self.errores.append(ErrorFila(resumen.archivo, fila, campo, mensaje))


def _abrir(
    pila: ExitStack, entrada: Entrada, requeridas: tuple[str, ...], opcionales: tuple[str, ...]
) -> tuple[str, Tabla]:
    if isinstance(entrada, tuple):
        nombre, flujo = entrada
    else:
        nombre = Path(entrada).name
        try:
            flujo = pila.enter_context(open(entrada, "rb"))  # noqa: SIM115
        except OSError as error:
            motivo = "no existe" if isinstance(error, FileNotFoundError) else "no se puede leer"
            raise DatosInvalidos(f"No se pudo abrir el archivo {nombre}: {motivo}.") from error
    try:
        return nombre, leer_tabla(nombre, flujo, requeridas, opcionales)
    except ArchivoInvalido as error:
        raise DatosInvalidos(str(error), {"archivo": nombre}) from error


def importar(
    gateway: BaseDatosClient,
    clientes: Entrada | None = None,
    compras: Entrada | None = None,
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    """Importa clientes y luego compras en UNA transacción.

    Sin `parcial`, cualquier fila mala revierte todo; con `parcial`, se guardan las filas válidas.
    Archivos ilegibles lanzan `DatosInvalidos` y no se escribe nada.
    """
    if clientes is None and compras is None:
        raise DatosInvalidos("Indique al menos un archivo: el de clientes o el de compras.")
    with ExitStack() as pila:
        tabla_clientes = compras_tabla = None
        if clientes is not None:
            tabla_clientes = _abrir(
                pila, clientes, validacion.COLUMNAS_CLIENTES, validacion.OPCIONALES_CLIENTES
            )
        if compras is not None:
            compras_tabla = _abrir(
                pila, compras, validacion.COLUMNAS_COMPRAS, validacion.OPCIONALES_COMPRAS
            )
        try:
            with gateway.session_scope() as sesion:
                importador = Importador(sesion, ahora_utc(), progreso)
                resumenes = []
                if tabla_clientes is not None:
                    resumenes.append(importador.cargar_clientes(*tabla_clientes))
                if compras_tabla is not None:
                    resumenes.append(importador.cargar_compras(*compras_tabla))
                resultado = ResultadoImportacion(
                    resumenes, importador.errores, importador.total_errores, confirmada=True
                )
                if resultado.total_errores and not parcial:
                    resultado.confirmada = False
                    raise _Revertir(resultado)
        except _Revertir as revertida:
            return revertida.resultado
        except ArchivoInvalido as error:
            raise DatosInvalidos(str(error)) from error
        except IntegrityError as error:
            raise Conflicto(
                "Otro proceso escribió los mismos clientes o facturas durante la importación; "
                "no se guardó nada. Vuelva a intentarlo."
            ) from error
        return resultado
