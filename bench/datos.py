"""Conjunto de datos del benchmark: se genera una vez por escala, versión y día de Bogotá.

La base se crea con las migraciones reales (`flask db upgrade`) y se llena con `insert()` de Core
sobre las tablas de los modelos, por lotes grandes en transacciones grandes. Junto a la base quedan
los mismos datos en CSV (para medir la importación) y una muestra de documentos para las consultas.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, insert

from bench.entorno import RAIZ_BENCH, ejecutar, entorno_app
from models import Cliente, Compra
from services.demo_service import (
    APELLIDOS,
    DOMINIOS,
    EMPRESAS,
    NOMBRES,
    PREFIJOS_CELULAR,
    TIENDAS,
)
from services.documento_service import digito_verificacion_nit
from services.tiempo_service import ZONA_BOGOTA, Mes

VERSION_GENERADOR = 1
SEMILLA = 20261123
CARPETA_DATOS = RAIZ_BENCH / ".datos"
COMPRAS_CLIENTE_EXPORTACION = 5000
DOCUMENTOS_MUESTRA = 20_000
LOTE = 100_000
FILAS_POR_TRANSACCION = 1_000_000
MESES = 24

# Reparto de tipos de documento entre los clientes generados.
TIPOS = ("CC", "CE", "TI", "PA", "NIT")
PESOS_TIPOS = (0.83, 0.05, 0.04, 0.03, 0.05)
# Un 5 % de clientes mayoristas compra ~5 veces más seguido y montos ~10 veces mayores: así
# entre el 1 % y el 2 % de los clientes supera 5.000.000 COP pagados en un mes.
FRACCION_MAYORISTAS = 0.05
ACTIVIDAD_MAYORISTAS = 5.0
MEDIANA_COMPRA = 150_000
MEDIANA_COMPRA_MAYORISTA = 1_600_000
DISPERSION_COMPRA = 0.9
ESTADOS = ("pagada", "anulada", "devuelta")
PESOS_ESTADOS = (0.93, 0.04, 0.03)
CANALES = ("tienda", "web", "telefono")
PESOS_CANALES = (0.6, 0.3, 0.1)
# Hora local de Bogotá de las compras: de 7:00 a 21:59, más entre las 11 y las 19.
HORAS = np.arange(7, 22)
PESOS_HORAS = np.array([2, 4, 6, 7, 9, 9, 8, 8, 9, 9, 8, 7, 5, 3, 2], dtype=float)


@dataclass(frozen=True)
class Escala:
    nombre: str
    clientes: int
    compras: int


ESCALAS = {
    "10k": Escala("10k", 10_000, 100_000),
    "small": Escala("small", 100_000, 1_000_000),
    "full": Escala("full", 1_000_000, 10_000_000),
}


@dataclass(frozen=True)
class ConjuntoDatos:
    """Archivos de una escala ya generada y lo que se sabe de ellos (`meta.json`)."""

    escala: Escala
    carpeta: Path
    meta: dict[str, Any]

    @property
    def base(self) -> Path:
        return self.carpeta / "sac.db"

    @property
    def clientes_csv(self) -> Path:
        return self.carpeta / "clientes.csv"

    @property
    def compras_csv(self) -> Path:
        return self.carpeta / "compras.csv"

    @property
    def documentos(self) -> Path:
        return self.carpeta / "documentos.txt"


def preparar(escala: Escala, hoy: date, avisar: Any = print) -> ConjuntoDatos:
    """El conjunto de la escala para hoy: del caché si existe, si no se genera (y se guarda)."""
    carpeta = CARPETA_DATOS / f"{escala.nombre}-v{VERSION_GENERADOR}-{hoy.isoformat()}"
    listo = carpeta / "meta.json"
    if listo.exists():
        return ConjuntoDatos(escala, carpeta, json.loads(listo.read_text()))
    for vieja in CARPETA_DATOS.glob(f"{escala.nombre}-v*"):
        shutil.rmtree(vieja)  # otra versión u otro día: ya no sirve y ocupa disco
    parcial = carpeta.with_name(carpeta.name + ".parcial")
    shutil.rmtree(parcial, ignore_errors=True)  # restos de una generación interrumpida
    parcial.mkdir(parents=True)
    avisar(
        f"Generando datos {escala.nombre}: {escala.clientes:,} clientes y "
        f"{escala.compras:,} compras (una vez por día; caché en {CARPETA_DATOS})..."
    )
    inicio = time.perf_counter()
    meta = _generar(escala, hoy, parcial)
    meta["segundos_generacion"] = round(time.perf_counter() - inicio, 1)
    (parcial / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    parcial.rename(carpeta)
    avisar(f"Datos {escala.nombre} listos en {meta['segundos_generacion']} s.")
    return ConjuntoDatos(escala, carpeta, meta)


def _generar(escala: Escala, hoy: date, carpeta: Path) -> dict[str, Any]:
    base = carpeta / "sac.db"
    ejecutar(["flask", "--app", "app", "db", "upgrade"], entorno_app(base), silencioso=True)
    azar = np.random.default_rng(SEMILLA + escala.clientes)
    clientes = _Clientes(escala.clientes, hoy, azar)
    compras = _Compras(escala, hoy, clientes, azar)

    from app import create_app

    app = create_app({"SQLITE_PATH": str(base), "DATABASE_URL": "", "DB_CLIENT": "sqlite"})
    motor = app.extensions["sac_db"].engine
    with motor.connect() as conexion:
        # Sólo para la carga: caché de 1 GB para que los índices aleatorios no vayan a disco.
        conexion.exec_driver_sql("PRAGMA cache_size=-1000000")
        conexion.commit()
        _insertar(conexion, Cliente, clientes.filas())
        _insertar(conexion, Compra, compras.filas())
    motor.dispose()
    clientes.escribir_csv(carpeta / "clientes.csv")
    compras.escribir_csv(carpeta / "compras.csv")
    _muestra_documentos(clientes, azar, carpeta / "documentos.txt")
    return {
        "escala": escala.nombre,
        "version_generador": VERSION_GENERADOR,
        "fecha": hoy.isoformat(),
        "clientes": escala.clientes,
        "compras": escala.compras,
        "cliente_exportacion": {"tipo_documento": "NIT", "numero_documento": clientes.numeros[0]},
        **_resumen_sql(base, Mes.de_fecha(hoy).anterior()),
    }


def _insertar(
    conexion: Connection, modelo: type[Cliente] | type[Compra], filas: Iterator[dict[str, Any]]
) -> None:
    """`executemany` de Core por lotes de `LOTE` filas, confirmando cada millón de filas."""
    lote: list[dict[str, Any]] = []
    en_transaccion = 0
    for fila in filas:
        lote.append(fila)
        if len(lote) == LOTE:
            conexion.execute(insert(modelo), lote)
            en_transaccion += len(lote)
            lote = []
            if en_transaccion >= FILAS_POR_TRANSACCION:
                conexion.commit()
                en_transaccion = 0
    if lote:
        conexion.execute(insert(modelo), lote)
    conexion.commit()


class _Clientes:
    """Clientes con documentos únicos por tipo, nombres, contactos y ciudad colombianos."""

    def __init__(self, cantidad: int, hoy: date, azar: np.random.Generator) -> None:
        self.cantidad = cantidad
        self.tipos: list[str] = list(azar.choice(TIPOS, size=cantidad, p=PESOS_TIPOS))
        self.tipos[0] = "NIT"  # el cliente de la exportación grande es una empresa
        self.numeros = _numeros_documento(self.tipos)
        self.mayorista = azar.random(cantidad) < FRACCION_MAYORISTAS
        self.nombres = azar.integers(0, len(NOMBRES), cantidad).tolist()
        self.apellidos = azar.integers(0, len(APELLIDOS), (cantidad, 2)).tolist()
        self.empresas = azar.integers(0, len(EMPRESAS), cantidad).tolist()
        self.ciudades = azar.integers(0, len(TIENDAS), cantidad).tolist()
        self.celulares = azar.integers(0, 10_000_000, cantidad).tolist()
        self.prefijos = azar.integers(0, len(PREFIJOS_CELULAR), cantidad).tolist()
        self.calles = azar.integers(1, 150, (cantidad, 3)).tolist()
        dias_antes = azar.integers(0, 1500, cantidad).tolist()
        inicio = datetime(hoy.year, hoy.month, hoy.day, 12, tzinfo=UTC) - timedelta(days=760)
        self.registro = [inicio - timedelta(days=d) for d in dias_antes]
        self.lista_ciudades = list(TIENDAS)

    def persona(self, i: int) -> tuple[str, str, str]:
        """Nombre, apellido y usuario de correo del cliente `i`."""
        primero, segundo = self.apellidos[i]
        apellido = f"{APELLIDOS[primero]} {APELLIDOS[segundo]}"
        if self.tipos[i] == "NIT":
            return f"{EMPRESAS[self.empresas[i]]} {apellido} S.A.S.", "", f"contacto{i}"
        nombre = NOMBRES[self.nombres[i]]
        return nombre, apellido, f"cliente{i}"

    def filas(self) -> Iterator[dict[str, Any]]:
        for i in range(self.cantidad):
            nombre, apellido, usuario = self.persona(i)
            yield {
                "id": i + 1,
                "tipo_documento_id": TIPOS_ID[self.tipos[i]],
                "numero_documento": self.numeros[i],
                "nombre": nombre,
                "apellido": apellido,
                "correo": f"{usuario}@{DOMINIOS[i % len(DOMINIOS)]}",
                "telefono": f"+57{PREFIJOS_CELULAR[self.prefijos[i]]}{self.celulares[i]:07d}",
                "ciudad": self.lista_ciudades[self.ciudades[i]],
                "direccion": self.direccion(i),
                "fecha_registro": self.registro[i],
                "activo": True,
            }

    def direccion(self, i: int) -> str:
        calle, numero, placa = self.calles[i]
        return f"Calle {calle} # {numero % 99 + 1}-{placa % 99 + 1}"

    def documento_archivo(self, i: int) -> str:
        """Como lo traería la empresa: el NIT con su dígito de verificación."""
        numero = self.numeros[i]
        return f"{numero}-{digito_verificacion_nit(numero)}" if self.tipos[i] == "NIT" else numero

    def escribir_csv(self, ruta: Path) -> None:
        with ruta.open("w", encoding="utf-8", newline="") as archivo:
            escritor = csv.writer(archivo)
            escritor.writerow(
                [
                    "tipo_documento", "numero_documento", "nombre", "apellido", "correo",
                    "telefono", "ciudad", "direccion",
                ]
            )  # fmt: skip
            for fila in self.filas():
                i = fila["id"] - 1
                escritor.writerow(
                    [
                        self.tipos[i], self.documento_archivo(i), fila["nombre"], fila["apellido"],
                        fila["correo"], fila["telefono"], fila["ciudad"], fila["direccion"],
                    ]
                )  # fmt: skip


# Los ids que carga la migración inicial, en su orden.
TIPOS_ID = {"CC": 1, "CE": 2, "NIT": 3, "PA": 4, "TI": 5}


def _numeros_documento(tipos: list[str]) -> list[str]:
    """Números únicos por tipo y válidos para su tipo: una permutación lineal de un rango."""
    # (mínimo, tamaño del rango, multiplicador coprimo con el tamaño)
    rangos = {
        "CC": (10_000_000, 3_000_000_000, 2_654_435_761),
        "CE": (100_000, 9_000_000, 7_919),
        "TI": (1_000_000_000, 8_000_000_000, 2_654_435_761),
        "NIT": (800_000_000, 199_999_999, 7_919),
        "PA": (0, 10_000_000, 7_919),
    }
    for minimo, tamano, multiplicador in rangos.values():
        assert math.gcd(tamano, multiplicador) == 1, (minimo, tamano)
    contadores = dict.fromkeys(rangos, 0)
    numeros = []
    for tipo in tipos:
        k = contadores[tipo]
        contadores[tipo] = k + 1
        minimo, tamano, multiplicador = rangos[tipo]
        valor = minimo + (k * multiplicador + 12_345) % tamano
        if tipo == "PA":
            numeros.append(f"{('AV', 'PE', 'US', 'ES', 'AX')[k % 5]}{valor:07d}")
        else:
            numeros.append(str(valor))
    return numeros


class _Compras:
    """Compras de 24 meses hasta hoy, en orden de fecha (la factura crece con el tiempo)."""

    def __init__(
        self, escala: Escala, hoy: date, clientes: _Clientes, azar: np.random.Generator
    ) -> None:
        self.clientes = clientes
        total = escala.compras
        resto = total - COMPRAS_CLIENTE_EXPORTACION
        peso = azar.lognormal(0.0, 0.8, escala.clientes)
        peso[clientes.mayorista] *= ACTIVIDAD_MAYORISTAS
        peso[0] = 0.0  # el cliente de la exportación recibe sus compras aparte
        acumulado = np.cumsum(peso)
        elegidos = np.searchsorted(acumulado, azar.random(resto) * acumulado[-1], side="right")
        cliente = np.concatenate([np.zeros(COMPRAS_CLIENTE_EXPORTACION, dtype=np.int64), elegidos])
        self.instantes = _instantes(total, hoy, azar)
        mayorista = clientes.mayorista[cliente]
        mayorista[:COMPRAS_CLIENTE_EXPORTACION] = False
        pesos = np.where(
            mayorista,
            azar.lognormal(math.log(MEDIANA_COMPRA_MAYORISTA), DISPERSION_COMPRA, total),
            azar.lognormal(math.log(MEDIANA_COMPRA), DISPERSION_COMPRA, total),
        )
        # Precios en centenas de pesos (189.900), nunca por debajo de 1.000.
        self.pesos = np.maximum(np.round(pesos / 100) * 100, 1000).astype(np.int64)
        self.estados = azar.choice(len(ESTADOS), size=total, p=PESOS_ESTADOS)
        self.canales = azar.choice(len(CANALES), size=total, p=PESOS_CANALES)
        self.tiendas = azar.integers(0, 3, total)
        orden = np.argsort(self.instantes, kind="stable")
        self.instantes = self.instantes[orden]
        self.cliente = cliente[orden]
        for nombre in ("pesos", "estados", "canales", "tiendas"):
            setattr(self, nombre, getattr(self, nombre)[orden])

    def _columnas(
        self, desde: int, hasta: int
    ) -> Iterator[tuple[int, int, int, str, str, str, str]]:
        ciudades = self.clientes.lista_ciudades
        for indice, cliente, instante, pesos, estado, canal, tienda in zip(
            range(desde, hasta),
            self.cliente[desde:hasta].tolist(),
            self.instantes[desde:hasta].tolist(),
            self.pesos[desde:hasta].tolist(),
            self.estados[desde:hasta].tolist(),
            self.canales[desde:hasta].tolist(),
            self.tiendas[desde:hasta].tolist(),
            strict=True,
        ):
            if canal == 0:
                locales = TIENDAS[ciudades[self.clientes.ciudades[cliente]]]
                nombre_tienda = locales[tienda % len(locales)]
            else:
                nombre_tienda = ""
            yield (
                indice, cliente, instante, f"{pesos}.00", ESTADOS[estado], CANALES[canal],
                nombre_tienda,
            )  # fmt: skip

    def filas(self) -> Iterator[dict[str, Any]]:
        for desde in range(0, len(self.cliente), LOTE):
            hasta = min(desde + LOTE, len(self.cliente))
            for indice, cliente, instante, total, estado, canal, tienda in self._columnas(
                desde, hasta
            ):
                yield {
                    "id": indice + 1,
                    "cliente_id": cliente + 1,
                    "numero_factura": f"FV-{indice + 1:09d}",
                    "fecha": datetime.fromtimestamp(instante, UTC),
                    "total": total,
                    "estado": estado,
                    "canal": canal,
                    "tienda": tienda or None,
                }

    def escribir_csv(self, ruta: Path) -> None:
        """Fecha en hora local de Bogotá sin desfase, como la exportaría un sistema local."""
        clientes = self.clientes
        with ruta.open("w", encoding="utf-8", newline="") as archivo:
            escritor = csv.writer(archivo)
            escritor.writerow(
                [
                    "tipo_documento", "numero_documento", "numero_factura", "fecha", "total",
                    "estado", "canal", "tienda",
                ]
            )  # fmt: skip
            for desde in range(0, len(self.cliente), LOTE):
                hasta = min(desde + LOTE, len(self.cliente))
                locales = _a_texto_bogota(self.instantes[desde:hasta])
                for (indice, cliente, _, total, estado, canal, tienda), fecha in zip(
                    self._columnas(desde, hasta), locales, strict=True
                ):
                    escritor.writerow(
                        [
                            clientes.tipos[cliente], clientes.documento_archivo(cliente),
                            f"FV-{indice + 1:09d}", fecha, total, estado, canal, tienda,
                        ]
                    )  # fmt: skip


def _instantes(total: int, hoy: date, azar: np.random.Generator) -> npt.NDArray[np.int64]:
    """Segundos UTC: días parejos de los últimos 24 meses, horas de comercio en Bogotá."""
    inicio = Mes.de_fecha(hoy)
    for _ in range(MESES):
        inicio = inicio.anterior()
    primer_dia = date(inicio.anio, inicio.mes, min(hoy.day, 28))
    dias = (hoy - primer_dia).days + 1
    medianoche = datetime(primer_dia.year, primer_dia.month, primer_dia.day, tzinfo=ZONA_BOGOTA)
    base = int(medianoche.timestamp())
    dia = azar.integers(0, dias, total)
    hora = azar.choice(HORAS, size=total, p=PESOS_HORAS / PESOS_HORAS.sum())
    segundos = base + dia * 86_400 + hora * 3_600 + azar.integers(0, 3_600, total)
    # Lo que caería más tarde que ahora (el día de hoy) pasa al día anterior.
    limite = int(time.time()) - 300
    ajustados: npt.NDArray[np.int64] = np.where(
        segundos > limite, segundos - 86_400, segundos
    ).astype(np.int64)
    return ajustados


def _a_texto_bogota(segundos: npt.NDArray[np.int64]) -> list[str]:
    locales = (segundos - 5 * 3_600).astype("datetime64[s]")  # Bogotá: UTC−5 sin horario de verano
    return [str(texto) for texto in np.datetime_as_string(locales, unit="s")]


def _muestra_documentos(clientes: _Clientes, azar: np.random.Generator, ruta: Path) -> None:
    """Documentos existentes al azar para las consultas (tipo y número, uno por línea)."""
    cantidad = min(DOCUMENTOS_MUESTRA, clientes.cantidad)
    indices = azar.choice(clientes.cantidad, size=cantidad, replace=False).tolist()
    ruta.write_text("".join(f"{clientes.tipos[i]} {clientes.numeros[i]}\n" for i in indices))


def _resumen_sql(base: Path, mes: Mes) -> dict[str, Any]:
    """Compras del mes anterior y clientes que califican (para saber qué mide el reporte)."""
    inicio, fin = (instante.strftime("%Y-%m-%d %H:%M:%S.000000") for instante in mes.rango_utc())
    with sqlite3.connect(base) as conexion:
        compras_mes = conexion.execute(
            "SELECT count(*) FROM compras WHERE fecha >= ? AND fecha < ?", (inicio, fin)
        ).fetchone()[0]
        califican = conexion.execute(
            "SELECT count(*) FROM (SELECT cliente_id FROM compras WHERE estado = 'pagada' "
            "AND fecha >= ? AND fecha < ? GROUP BY cliente_id HAVING sum(total) > 5000000)",
            (inicio, fin),
        ).fetchone()[0]
        tamano = conexion.execute(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"
        ).fetchone()[0]
    conexion.close()
    return {
        "mes_reporte": str(mes),
        "compras_mes_reporte": compras_mes,
        "clientes_califican_mes_reporte": califican,
        "bytes_base": tamano,
    }
