"""El importador de archivos CSV/XLSX de todos los módulos (por lotes, upsert, todo o nada) y sus
entidades del SAC: clientes y compras."""

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
from models import Cliente, ClienteAlias, Compra, TipoDocumento
from services import busqueda_service, calidad_service
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
    # Datos de contacto mal formados guardados tal cual y marcados para la calidad de datos (M10).
    marcados: int = 0


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


Lote = dict[Any, tuple[int, dict[str, Any]]]


class Importador:
    """El motor de toda importación (de cualquier módulo): valida filas, las agrupa en lotes, hace
    upsert por una clave y junta los errores con archivo y fila, dentro de una sesión abierta; no
    confirma la transacción (eso lo decide `importar_archivos`).

    Cada entidad aporta dos funciones: `validar(valores) -> (clave, datos)` (o `FilaInvalida`) y
    `escribir(lote)`, que suele terminar en `upsert`.
    """

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

        def escribir(lote: Lote) -> None:
            columnas_clave = ("tipo_documento_id", "numero_documento")
            filas = {}
            for clave, (_, datos) in lote.items():
                valores = {c: datos[c] for c in campos}
                # Las columnas de búsqueda (M10) se guardan y se comparan como un campo más.
                filas[clave] = valores | calidad_service.columnas_derivadas(valores)
            nuevas, cambiados = self.upsert(
                Cliente,
                columnas_clave,
                filas,
                resumen,
                nuevos_extra={"fecha_registro": self.ahora, "activo": True},
            )
            if nuevas:
                creados = self.existentes(Cliente, columnas_clave, nuevas, ("nombre", "apellido"))
                busqueda_service.indexar_nuevos(
                    self.conexion, [(f.id, f.nombre, f.apellido) for f in creados.values()]
                )
            if cambiados and {"nombre", "apellido"} & set(campos):
                busqueda_service.reindexar_palabras(self.conexion, cambiados)

        def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
            datos = validacion.validar_cliente(valores)
            resumen.marcados += len(datos["marcas"])
            return (self.tipo_id(datos["tipo"]), datos["numero_documento"]), datos

        self.cargar(resumen, tabla.filas, validar, escribir)
        return resumen

    def cargar_compras(self, archivo: str, tabla: Tabla) -> ResumenArchivo:
        """Upsert por número de factura; el cliente (tipo + número) debe existir."""
        campos = [campo for campo in CAMPOS_COMPRA if campo in (*tabla.columnas, "cliente_id")]
        resumen = ResumenArchivo(archivo, "compras")

        def escribir(lote: Lote) -> None:
            documento = ("tipo_documento_id", "numero_documento")
            claves = {datos["cliente"] for _, datos in lote.values()}
            clientes = {c: f.id for c, f in self.existentes(Cliente, documento, claves).items()}
            # El documento de un cliente fusionado (M10) lleva a su sobreviviente: sus compras, y
            # las ya movidas que se vuelvan a importar, quedan con él.
            alias = self.existentes(ClienteAlias, documento, claves, ("cliente_id",))
            clientes |= {clave: fila.cliente_id for clave, fila in alias.items()}
            validos: dict[Any, dict[str, Any]] = {}
            for factura, (fila, datos) in lote.items():
                cliente_id = clientes.get(datos["cliente"])
                if cliente_id is None:
                    motivo = f"No existe un cliente {datos['tipo']} {datos['numero_documento']} "
                    self.rechazar(resumen, fila, [("numero_documento", motivo + _NI_EN_ARCHIVO)])
                    continue
                validos[factura] = {"cliente_id": cliente_id} | {c: datos[c] for c in campos[1:]}
            self.upsert(Compra, ("numero_factura",), validos, resumen)

        def validar(valores: dict[str, str]) -> tuple[Any, dict[str, Any]]:
            datos = validacion.validar_compra(valores, self.ahora)
            datos["cliente"] = (self.tipo_id(datos["tipo"]), datos["numero_documento"])
            return datos["numero_factura"], datos

        self.cargar(resumen, tabla.filas, validar, escribir)
        return resumen

    def cargar(
        self,
        resumen: ResumenArchivo,
        filas: Iterator[Fila],
        validar: Callable[[dict[str, str]], tuple[Any, dict[str, Any]]],
        escribir: Callable[[Lote], None],
    ) -> None:
        """Valida fila por fila (los errores se anotan con su fila) y escribe por lotes."""
        lote: Lote = {}
        for leidas, (numero, valores) in enumerate(filas, start=1):
            if self.progreso is not None and leidas % INTERVALO_PROGRESO == 0:
                self.progreso(resumen.archivo, leidas)
            try:
                clave, datos = validar(valores)
            except FilaInvalida as error:
                self.rechazar(resumen, numero, error.errores)
                continue
            # Una clave repetida cierra el lote: la fila posterior se compara con la ya guardada.
            if clave in lote or len(lote) >= TAMANO_LOTE:
                escribir(lote)
                lote = {}
            lote[clave] = (numero, datos)
        if lote:
            escribir(lote)

    def upsert(
        self,
        modelo: Any,
        columnas_clave: tuple[str, ...],
        filas: dict[Any, dict[str, Any]],
        resumen: ResumenArchivo,
        nuevos_extra: dict[str, Any] | None = None,
    ) -> tuple[list[Any], list[int]]:
        """Inserta las claves nuevas y actualiza las que cambiaron (y cuenta cada caso).

        `filas`: clave (un valor, o una tupla si la clave es compuesta) → columnas a guardar.
        `nuevos_extra`: columnas que solo se ponen al insertar (fecha de alta, creador...).
        Devuelve las claves insertadas y los ids de las filas actualizadas.
        """
        campos = list(next(iter(filas.values()), {}))
        existentes = self.existentes(modelo, columnas_clave, filas, campos)
        nuevos, cambios, claves_nuevas = [], [], []
        for clave, valores in filas.items():
            actual = existentes.get(clave)
            if actual is None:
                claves_nuevas.append(clave)
                claves = clave if isinstance(clave, tuple) else (clave,)
                nuevos.append(dict(zip(columnas_clave, claves, strict=True)) | valores)
                nuevos[-1] |= nuevos_extra or {}
            elif tuple(actual)[1 + len(columnas_clave) :] != tuple(valores.values()):
                cambios.append({"id_": actual.id, **valores})
        if nuevos:
            self.conexion.execute(insert(modelo), nuevos)
        if cambios:
            # Las claves que coinciden con columnas forman el SET; `id_` identifica la fila.
            self.conexion.execute(update(modelo).where(modelo.id == bindparam("id_")), cambios)
        resumen.insertadas += len(nuevos)
        resumen.actualizadas += len(cambios)
        resumen.sin_cambios += len(filas) - len(nuevos) - len(cambios)
        return claves_nuevas, [cambio["id_"] for cambio in cambios]

    def existentes(
        self,
        modelo: Any,
        columnas_clave: tuple[str, ...],
        claves: Iterable[Any],
        campos: Iterable[str] = (),
    ) -> dict[Any, Row[Any]]:
        """Filas existentes por clave: `(id, *columnas_clave, *campos)`; una consulta por tramo.

        Con clave compuesta, las primeras columnas se fijan por igualdad y la última va en IN.
        """
        *fijas, ultima = columnas_clave
        por_grupo: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
        for clave in claves:
            partes = clave if isinstance(clave, tuple) else (clave,)
            por_grupo[tuple(partes[:-1])].append(partes[-1])
        columnas = [getattr(modelo, c) for c in (*columnas_clave, *campos)]
        encontrados: dict[Any, Row[Any]] = {}
        for grupo, valores in por_grupo.items():
            condiciones = [getattr(modelo, c) == v for c, v in zip(fijas, grupo, strict=True)]
            for inicio in range(0, len(valores), TAMANO_IN):
                tramo = valores[inicio : inicio + TAMANO_IN]
                consulta = select(modelo.id, *columnas).where(
                    *condiciones, getattr(modelo, ultima).in_(tramo)
                )
                for fila in self.conexion.execute(consulta).all():
                    llave = tuple(fila[1 : 1 + len(columnas_clave)])
                    encontrados[llave if fijas else llave[0]] = fila
        return encontrados

    def tipo_id(self, codigo: str) -> int:
        if codigo not in self.tipos:
            raise FilaInvalida([("tipo_documento", "Tipo de documento no registrado en la base.")])
        return self.tipos[codigo]

    def rechazar(self, resumen: ResumenArchivo, fila: int, errores: list[tuple[str, str]]) -> None:
        """Anota una fila mala (los primeros `MAXIMO_ERRORES` errores se guardan, el resto se cuenta)."""
        resumen.rechazadas += 1
        for campo, mensaje in errores:
            self.total_errores += 1
            if len(self.errores) < MAXIMO_ERRORES:
                self.errores.append(ErrorFila(resumen.archivo, fila, campo, mensaje))


@dataclass(frozen=True)
class Entidad:
    """Un tipo de archivo importable: sus columnas y cómo se carga con el `Importador`."""

    nombre: str
    requeridas: tuple[str, ...]
    opcionales: tuple[str, ...]
    cargar: Callable[[Importador, str, Tabla], ResumenArchivo]


CLIENTES = Entidad(
    "clientes",
    validacion.COLUMNAS_CLIENTES,
    validacion.OPCIONALES_CLIENTES,
    Importador.cargar_clientes,
)
COMPRAS = Entidad(
    "compras", validacion.COLUMNAS_COMPRAS, validacion.OPCIONALES_COMPRAS, Importador.cargar_compras
)


def _abrir(pila: ExitStack, entrada: Entrada, entidad: Entidad) -> tuple[str, Tabla]:
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
        return nombre, leer_tabla(nombre, flujo, entidad.requeridas, entidad.opcionales)
    except ArchivoInvalido as error:
        raise DatosInvalidos(str(error), {"archivo": nombre}) from error


def importar_archivos(
    gateway: BaseDatosClient,
    archivos: list[tuple[Entrada, Entidad]],
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    """Importa los archivos, en el orden dado, en UNA transacción (la de cualquier módulo).

    Sin `parcial`, cualquier fila mala revierte todo; con `parcial`, se guardan las filas válidas.
    Archivos ilegibles lanzan `DatosInvalidos` y no se escribe nada.
    """
    with ExitStack() as pila:
        tablas = [(_abrir(pila, entrada, entidad), entidad) for entrada, entidad in archivos]
        try:
            with gateway.session_scope() as sesion:
                importador = Importador(sesion, ahora_utc(), progreso)
                with gateway.carga_masiva(importador.conexion):
                    resumenes = [entidad.cargar(importador, *tabla) for tabla, entidad in tablas]
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
                "Otro proceso escribió los mismos datos durante la importación; no se guardó "
                "nada. Vuelva a intentarlo."
            ) from error
        return resultado


def importar(
    gateway: BaseDatosClient,
    clientes: Entrada | None = None,
    compras: Entrada | None = None,
    parcial: bool = False,
    progreso: Progreso | None = None,
) -> ResultadoImportacion:
    """Importa clientes y luego compras del SAC en una transacción (ver `importar_archivos`)."""
    if clientes is None and compras is None:
        raise DatosInvalidos("Indique al menos un archivo: el de clientes o el de compras.")
    archivos = [(e, entidad) for e, entidad in ((clientes, CLIENTES), (compras, COMPRAS)) if e]
    return importar_archivos(gateway, archivos, parcial, progreso)
