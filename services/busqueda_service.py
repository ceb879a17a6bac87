"""La caja de búsqueda única (M10): qué se escribió (documento, teléfono, correo o nombre), cómo se
normaliza, y las columnas normalizadas de `clientes` y `cliente_palabras` que la hacen rápida.

Todo lo que escribe un cliente (importación, datos de demostración, fábricas de pruebas, benchmark,
la migración 0008) pasa por `columnas_normalizadas` (a través de `calidad_service.columnas_derivadas`,
que le suma las marcas de calidad) y `reindexar_palabras`: una sola regla.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from errores import DatosInvalidos
from models import Cliente, ClientePalabra, ClientePar
from services.documento_service import (
    TIPOS_DOCUMENTO,
    DocumentoInvalido,
    normalizar_documento,
    validar_documento,
)

LARGO_MAXIMO_CONSULTA = 200
MINIMO_NOMBRE = 3
MAXIMO_PALABRAS = 8
MODOS = ("documento", "telefono", "correo", "nombre")
TAMANO_IN = 1000  # SQL Server admite 2100 parámetros por sentencia
LARGO_PREFIJO_PAR = 3

_NO_DIGITOS = re.compile(r"\D")
_SEPARADORES_DOCUMENTO = re.compile(r"[\s.\-]")
_PALABRA = re.compile(r"[a-z0-9]+")
_TELEFONO_COLOMBIANO = re.compile(r"^(3\d{2}|60\d)\d{7}$")
_CON_TIPO = re.compile(
    r"^(CC|CE|TI|PA|NIT)(?:\s+|[:.\-#]\s*|(?=\d))(?P<numero>.*\d.*)$", re.IGNORECASE
)
_ALFANUMERICO_CON_DIGITO = re.compile(r"^(?=.*\d)[A-Za-z0-9]+$")


# --- Normalización (también la usan las columnas guardadas) ------------------------------------


def sin_acentos(texto: str) -> str:
    """Minúsculas sin tildes ni diéresis; la ñ queda como n."""
    descompuesto = unicodedata.normalize("NFKD", texto.casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def palabras(texto: str | None) -> list[str]:
    """Las palabras normalizadas (letras y dígitos sin tildes, en minúsculas) en su orden."""
    return _PALABRA.findall(sin_acentos(texto or ""))


def texto_normalizado(texto: str | None) -> str:
    """El texto con sus palabras normalizadas separadas por un espacio (para ordenar)."""
    return " ".join(palabras(texto))


def clave_nombre(lista: Iterable[str]) -> str:
    """Las palabras distintas ordenadas, entre espacios: ` jose maria munoz pena `.

    Dos nombres con la misma clave tienen las mismas palabras en cualquier orden (coincidencia
    exacta), y `clave LIKE '% pe%'` dice si alguna palabra empieza por `pe`.
    """
    return " " + " ".join(sorted(set(lista))) + " "


def telefono_nacional(telefono: str | None) -> str | None:
    """Solo los dígitos, sin el indicativo 57 de Colombia (`+57 311 234 5678` → `3112345678`)."""
    digitos = _NO_DIGITOS.sub("", telefono or "")
    if len(digitos) == 12 and digitos.startswith("57"):
        digitos = digitos[2:]
    return digitos or None


def es_telefono_colombiano(digitos: str) -> bool:
    """Celular `3xx` + 7 dígitos o fijo `60x` + 7 dígitos (ya sin el 57)."""
    return bool(_TELEFONO_COLOMBIANO.match(digitos))


def correo_normalizado(correo: str | None) -> str | None:
    limpio = (correo or "").strip().lower()
    return limpio or None


def columnas_normalizadas(datos: dict[str, Any]) -> dict[str, Any]:
    """Las columnas de búsqueda de `clientes` que dependen de los campos presentes en `datos`."""
    columnas: dict[str, Any] = {}
    if "telefono" in datos:
        columnas["telefono_nacional"] = telefono_nacional(datos["telefono"])
    if "correo" in datos:
        columnas["correo_normalizado"] = correo_normalizado(datos["correo"])
    return columnas


@dataclass(frozen=True)
class NombreNormalizado:
    """Lo que las filas de búsqueda de un cliente sacan de su nombre, calculado una sola vez."""

    distintas: tuple[str, ...]  # palabras distintas (≤ 60 letras) en orden binario
    prefijos: tuple[str, ...]  # prefijos distintos de 3 letras de las palabras de 3 o más
    apellido: str
    nombre: str
    clave: str


@lru_cache(maxsize=65_536)
def nombre_normalizado(nombre: str | None, apellido: str | None) -> NombreNormalizado:
    """Los nombres se repiten mucho en una importación (98 % de aciertos con 100.000 clientes):
    normalizar cada par (nombre, apellido) una vez ahorra la mitad de la generación de filas."""
    de_nombre, de_apellido = palabras(nombre), palabras(apellido)
    todas = de_nombre + de_apellido
    return NombreNormalizado(
        distintas=tuple(palabra for palabra in sorted(set(todas)) if len(palabra) <= 60),
        prefijos=tuple(sorted({prefijo_par(p) for p in todas if len(p) >= LARGO_PREFIJO_PAR})),
        apellido=" ".join(de_apellido)[:150],
        nombre=" ".join(de_nombre)[:150],
        clave=clave_nombre(todas)[:310],
    )


def filas_palabras(
    cliente_id: int, nombre: str | None, apellido: str | None
) -> list[dict[str, Any]]:
    """Las filas de `cliente_palabras` de un cliente: una por palabra distinta de su nombre."""
    normalizado = nombre_normalizado(nombre, apellido)
    distintas = normalizado.distintas
    return [
        {
            "palabra": palabra,
            "cliente_id": cliente_id,
            # La palabra anterior del mismo cliente en orden binario ("" para la primera): las que
            # empiezan por un prefijo son contiguas, y la primera de ellas es la que tiene
            # `previa < prefijo`. Así cada cliente cuenta una vez, comparando en la misma fila.
            "previa": distintas[indice - 1] if indice else "",
            "apellido": normalizado.apellido,
            "nombre": normalizado.nombre,
            "clave": normalizado.clave,
        }
        for indice, palabra in enumerate(distintas)
    ]


def prefijo_par(palabra: str) -> str:
    return palabra[:LARGO_PREFIJO_PAR]


def par_de(a: str, b: str) -> str:
    """El par de dos prefijos distintos, en orden: `par_de("mar", "gom")` → `gom mar`."""
    return " ".join(sorted((a, b)))


def filas_pares(cliente_id: int, nombre: str | None, apellido: str | None) -> list[dict[str, Any]]:
    """Las filas de `cliente_pares`: cada par de prefijos (3 letras) de dos palabras de 3 o más."""
    normalizado = nombre_normalizado(nombre, apellido)
    prefijos = normalizado.prefijos
    comunes = {
        "cliente_id": cliente_id,
        "apellido": normalizado.apellido,
        "nombre": normalizado.nombre,
        "clave": normalizado.clave,
    }
    return [
        {"par": par_de(a, b), **comunes}
        for indice, a in enumerate(prefijos)
        for b in prefijos[indice + 1 :]
    ]


def reindexar_palabras(conexion: Connection, ids: Iterable[int]) -> int:
    """Rehace las palabras y pares de búsqueda de esos clientes (leídos de la base); devuelve
    cuántas filas escribió.

    Lo llama todo lo que crea o cambia el nombre de un cliente, dentro de su misma transacción. Solo
    los clientes activos quedan en el índice: uno inactivo (fusionado, M10) sale de la búsqueda por
    nombre al reindexarlo.
    """
    lista = sorted(set(ids))
    escritas = 0
    for inicio in range(0, len(lista), TAMANO_IN):
        tramo = lista[inicio : inicio + TAMANO_IN]
        conexion.execute(delete(ClientePalabra).where(ClientePalabra.cliente_id.in_(tramo)))
        conexion.execute(delete(ClientePar).where(ClientePar.cliente_id.in_(tramo)))
        nombres = conexion.execute(
            select(Cliente.id, Cliente.nombre, Cliente.apellido).where(
                Cliente.id.in_(tramo), Cliente.activo.is_(True)
            )
        ).all()
        escritas += indexar_nuevos(conexion, [tuple(datos) for datos in nombres])
    return escritas


def indexar_nuevos(conexion: Connection, nombres: list[tuple[Any, ...]]) -> int:
    """Palabras y pares de clientes recién creados, que aún no tienen: (id, nombre, apellido)."""
    escritas = 0
    for modelo, generar, llave in (
        (ClientePalabra, filas_palabras, "palabra"),
        (ClientePar, filas_pares, "par"),
    ):
        # En el orden del índice principal: las inserciones no saltan por todo el árbol.
        filas = sorted(
            (fila for datos in nombres for fila in generar(*datos)), key=itemgetter(llave)
        )
        if filas:
            conexion.execute(insert(modelo), filas)
        escritas += len(filas)
    return escritas


# --- Qué escribió el agente ---------------------------------------------------------------------


@dataclass(frozen=True)
class Consulta:
    """La consulta interpretada.

    `documentos`: (código, número como se guarda) de cada tipo al que calza; `telefono`: número
    nacional si se busca también como teléfono; `correo`; `palabras` del nombre; `normalizada`:
    el texto del que sale la huella de la auditoría; `tipo_indicado`: el agente escribió el tipo.
    """

    modo: str
    normalizada: str
    documentos: tuple[tuple[str, str], ...] = ()
    telefono: str | None = None
    correo: str | None = None
    palabras: tuple[str, ...] = field(default_factory=tuple)
    tipo_indicado: bool = False


def _tipos_que_calzan(numero: str) -> tuple[tuple[str, str], ...]:
    calzan = []
    for codigo in TIPOS_DOCUMENTO:
        try:
            calzan.append(normalizar_documento(codigo, numero))
        except DocumentoInvalido:
            continue
    return tuple(calzan)


def interpretar(texto: str | None) -> Consulta:
    """Decide el modo según las reglas del contrato M10 («Which mode»); 422 si no se puede."""
    consulta = (texto or "").strip()
    if not consulta:
        raise DatosInvalidos.de_campo("q", "Escriba un documento, teléfono, correo o nombre.")
    if len(consulta) > LARGO_MAXIMO_CONSULTA:
        raise DatosInvalidos.de_campo(
            "q", f"La búsqueda admite como máximo {LARGO_MAXIMO_CONSULTA} caracteres."
        )
    if "@" in consulta:
        correo = correo_normalizado(consulta) or ""
        return Consulta("correo", correo, correo=correo)
    con_tipo = _CON_TIPO.match(consulta)
    if con_tipo:
        codigo, numero = validar_documento(con_tipo.group(1), con_tipo.group("numero"))
        return Consulta("documento", f"{codigo}:{numero}", ((codigo, numero),), tipo_indicado=True)
    digitos = _NO_DIGITOS.sub("", consulta)
    if any(c in consulta for c in "+()") or (
        len(digitos) == 12
        and digitos.startswith("57")
        and re.fullmatch(r"\+?[\d\s.\-]+", consulta)
        and es_telefono_colombiano(digitos[2:])
    ):
        nacional = telefono_nacional(consulta)
        if nacional is None:
            raise DatosInvalidos.de_campo("q", "El teléfono debe tener dígitos.")
        return Consulta("telefono", nacional, telefono=nacional)
    compacto = _SEPARADORES_DOCUMENTO.sub("", consulta)
    if _ALFANUMERICO_CON_DIGITO.match(compacto):
        documentos = _tipos_que_calzan(compacto)
        telefono = compacto if compacto.isdigit() and es_telefono_colombiano(compacto) else None
        if not documentos and telefono is None:
            raise DatosInvalidos.de_campo(
                "q", "Ese número no es un documento de ningún tipo ni un teléfono colombiano."
            )
        modo = "documento" if documentos else "telefono"
        return Consulta(modo, compacto.upper(), documentos, telefono=telefono)
    lista = palabras(consulta)
    if len("".join(lista)) < MINIMO_NOMBRE:  # letras y dígitos: los espacios no cuentan
        raise DatosInvalidos.de_campo(
            "q", f"Para buscar por nombre escriba al menos {MINIMO_NOMBRE} caracteres."
        )
    if len(lista) > MAXIMO_PALABRAS:
        raise DatosInvalidos.de_campo(
            "q", f"Para buscar por nombre use como máximo {MAXIMO_PALABRAS} palabras."
        )
    return Consulta("nombre", " ".join(lista), palabras=tuple(lista))


def siguiente_prefijo(prefijo: str) -> str:
    """El menor texto mayor que todo texto que empiece por `prefijo` (en orden binario).

    Las palabras son `[a-z0-9]`: subir el último carácter basta (`mar` → `mas`, `z` → `{`).
    """
    return prefijo[:-1] + chr(ord(prefijo[-1]) + 1)
