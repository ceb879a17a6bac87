"""Datos de demostración deterministas y colombianos, relativos al día de Bogotá en que se siembran.

Los clientes fijos (`CLIENTES_DEMO`) muestran las reglas del reporte de fidelización del mes
anterior y las advertencias de calidad de datos (un duplicado para fusionar, un teléfono extranjero,
un correo mal formado); los demás se generan con `random.Random(SEMILLA)`: el mismo día da los mismos datos.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from services.documento_service import digito_verificacion_nit
from services.lectura_archivos_service import Fila
from services.tiempo_service import ZONA_BOGOTA, Mes

SEMILLA = 20261123
NIT_DEMO = "900123456"


@dataclass(frozen=True)
class UsuarioDemo:
    usuario: str
    nombre: str
    rol: str
    contrasena: str
    zona: str | None = None


USUARIOS_DEMO = (
    UsuarioDemo("agente", "Ana Agente (demostración)", "agente", "Agente-Demo-2026"),
    UsuarioDemo(
        "supervisor", "Saúl Supervisor (demostración)", "supervisor", "Supervisor-Demo-2026"
    ),
    UsuarioDemo("admin", "Adela Administradora (demostración)", "admin", "Admin-Demo-2026"),
)


@dataclass(frozen=True)
class ClienteDemo:
    """Cliente fijo: documento como se guarda, nombre y lo que demuestra."""

    tipo: str
    numero: str
    nombre: str
    apellido: str
    ciudad: str
    demuestra: str
    # Si no se dan, un celular y un correo de demostración válidos y distintos por cliente.
    telefono: str | None = None
    correo: str | None = None


CLIENTES_DEMO = (
    ClienteDemo("CC", "1020304050", "María José", "Peña Muñoz", "Bogotá",
                "Califica: 6.250.000,00 pagados el mes anterior; nombre con tildes y ñ."),
    ClienteDemo("TI", "1020304050", "Santiago", "Peña Muñoz", "Bogotá",
                "Mismo número que la CC anterior con otro tipo; tarjeta de identidad."),
    ClienteDemo("CE", "4567890", "Marielena", "Rodríguez Pérez", "Medellín",
                "Califica: 7.480.500,50; cédula de extranjería."),
    ClienteDemo("NIT", NIT_DEMO, "Comercializadora Andina del Caribe S.A.S.", "", "Barranquilla",
                "Califica: 12.345.678,90; empresa (NIT 900123456-8, se guarda sin DV)."),
    ClienteDemo("PA", "AX1234567", "Lucía", "Fernández García", "Cartagena",
                "Pasaporte alfanumérico; compras modestas."),
    ClienteDemo("CC", "79845123", "Andrés Felipe", "Gómez Ruiz", "Cali",
                "No califica: 4.999.999,99, justo debajo del umbral."),
    ClienteDemo("CC", "52987456", "Luz Ángela", "Martínez Ospina", "Bucaramanga",
                "No califica: exactamente 5.000.000,00 (debe superarlo)."),
    ClienteDemo("CC", "1098765432", "Camilo", "Rincón Zúñiga", "Bucaramanga",
                "No califica: 4.200.000,00 pagados; con anulada y devuelta sumaría 5.700.000,00."),
    ClienteDemo("CC", "1143567890", "Daniela", "Castaño Arango", "Cali",
                "Califica: 5.250.000,00 solo si cuenta su compra del último día a las 23:30."),
    ClienteDemo("CC", "71234567", "Jorge Eliécer", "Quintero Mejía", "Medellín",
                "No califica: 4.700.000,00; la de 800.000,00 del día 1 a las 00:10 es de este mes."),
    ClienteDemo("CC", "1012345678", '=HYPERLINK("https://example.com","Ver")', "Prueba Fórmula",
                "Bogotá", "Nombre que empieza por '=': las exportaciones lo neutralizan."),
    # Calidad de datos y fusión (M10): los dos siguientes son la misma persona.
    ClienteDemo("CC", "1032456789", "Paola Andrea", "Restrepo Gil", "Medellín",
                "Duplicado de la CE 7654321 (mismo nombre y teléfono): fusiónelos.",
                telefono="+57 315 555 0123"),
    ClienteDemo("CE", "7654321", "PAOLA ANDREA", "RESTREPO GIL", "Medellín",
                "Duplicado de la CC 1032456789, escrito en mayúsculas y con otro formato de teléfono.",
                telefono="315-555-0123"),
    ClienteDemo("PA", "US7654321", "Sebastián", "Uribe Toro", "Cartagena",
                "Teléfono de Estados Unidos: advertencia de teléfono no colombiano.",
                telefono="+1 305 555 0142"),
    ClienteDemo("CC", "80123456", "Hernán Darío", "Suárez Villa", "Pereira",
                "Correo con dos arrobas: advertencia de correo mal formado.",
                correo="hernan.suarez@@example.com"),
)  # fmt: skip
# Los que muestran advertencias de calidad (M10): el duplicado y los datos de contacto sucios.
DUPLICADO_DEMO = (("CC", "1032456789"), ("CE", "7654321"))
TELEFONO_INVALIDO_DEMO = ("PA", "US7654321")
CORREO_INVALIDO_DEMO = ("CC", "80123456")
CALIFICAN_DEMO = (("CC", "1020304050"), ("CE", "4567890"), ("NIT", NIT_DEMO), ("CC", "1143567890"))
NO_CALIFICAN_DEMO = (
    ("CC", "79845123"),
    ("CC", "52987456"),
    ("CC", "1098765432"),
    ("CC", "71234567"),
)

# (cliente, mes relativo al actual, día (-1 = último), hora, minuto, total, estado, canal)
_COMPRAS_FIJAS = (
    (0, -1, 3, 10, 15, "2150000.00", "pagada", "tienda"),
    (0, -1, 12, 16, 40, "1899900.00", "pagada", "web"),
    (0, -1, 21, 12, 5, "2200100.00", "pagada", "tienda"),
    (0, -3, 8, 11, 0, "189900.00", "pagada", "tienda"),
    (0, -5, 15, 17, 30, "420000.00", "pagada", "web"),
    (1, -1, 6, 15, 0, "150000.00", "pagada", "tienda"),
    (1, -1, 19, 18, 20, "89900.00", "pagada", "web"),
    (2, -1, 4, 9, 45, "3740250.25", "pagada", "tienda"),
    (2, -1, 18, 19, 10, "3740250.25", "pagada", "tienda"),
    (3, -1, 2, 8, 30, "8000000.00", "pagada", "telefono"),
    (3, -1, 25, 14, 0, "4345678.90", "pagada", "web"),
    (4, -1, 9, 13, 25, "350000.00", "pagada", "tienda"),
    (5, -1, 7, 10, 0, "2500000.00", "pagada", "tienda"),
    (5, -1, 22, 16, 0, "2499999.99", "pagada", "web"),
    (6, -1, 5, 11, 0, "3000000.00", "pagada", "tienda"),
    (6, -1, 20, 15, 30, "2000000.00", "pagada", "tienda"),
    (7, -1, 8, 12, 0, "4200000.00", "pagada", "tienda"),
    (7, -1, 14, 17, 0, "900000.00", "anulada", "tienda"),
    (7, -1, 23, 10, 30, "600000.00", "devuelta", "web"),
    (8, -1, 5, 10, 0, "4600000.00", "pagada", "tienda"),
    (8, -1, -1, 23, 30, "650000.00", "pagada", "web"),
    (9, -1, 10, 11, 0, "4700000.00", "pagada", "tienda"),
    (9, 0, 1, 0, 10, "800000.00", "pagada", "web"),
    (10, -1, 11, 9, 0, "120000.00", "pagada", "tienda"),
    # El duplicado: compras en los dos documentos, para ver qué mueve la fusión.
    (11, -2, 14, 11, 30, "320000.00", "pagada", "tienda"),
    (11, -3, 2, 17, 0, "150000.00", "pagada", "web"),
    (12, -2, 20, 10, 15, "480000.00", "pagada", "tienda"),
)

TIENDAS = {
    "Bogotá": ("Tienda Andino", "Tienda Unicentro", "Tienda Titán Plaza"),
    "Medellín": ("Tienda El Tesoro", "Tienda Santafé Medellín"),
    "Cali": ("Tienda Chipichape", "Tienda Jardín Plaza"),
    "Barranquilla": ("Tienda Buenavista", "Tienda Viva Barranquilla"),
    "Cartagena": ("Tienda Bocagrande", "Tienda Caribe Plaza"),
    "Bucaramanga": ("Tienda Cabecera", "Tienda Cacique"),
    "Pereira": ("Tienda Pereira Plaza",),
    "Manizales": ("Tienda Fundadores",),
    "Santa Marta": ("Tienda Ocean Mall",),
    "Cúcuta": ("Tienda Ventura Plaza",),
}
NOMBRES = (
    "Sofía", "Valentina", "Isabella", "Mariana", "Luciana", "Camila", "Daniela", "Ángela",
    "María Fernanda", "Ximena", "Paula Andrea", "Natalia", "Juan Pablo", "Santiago",
    "Sebastián", "Matías", "Nicolás", "Andrés", "Julián", "Óscar", "Jesús", "Héctor",
    "José Manuel", "Iván", "Ramón", "Germán", "Efraín", "Simón",
)  # fmt: skip
APELLIDOS = (
    "Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández", "Sánchez",
    "Ramírez", "Pérez", "Díaz", "Muñoz", "Rojas", "Moreno", "Jiménez", "Vargas", "Castaño",
    "Ospina", "Londoño", "Zuluaga", "Peña", "Ibáñez", "Núñez", "Montaño", "Patiño", "Echeverri",
    "Cárdenas", "Quiñones", "Acuña", "Mejía",
)  # fmt: skip
EMPRESAS = ("Distribuciones", "Inversiones", "Comercializadora", "Ferretería", "Droguería")
PREFIJOS_CELULAR = ("300", "301", "304", "310", "311", "313", "315", "316", "318", "320", "350")
DOMINIOS = ("example.com", "example.net", "example.org")  # reservados: nunca llegan a nadie


def _instante(mes: Mes, dia: int, hora: int, minuto: int) -> datetime:
    ultimo = (date(mes.siguiente().anio, mes.siguiente().mes, 1) - timedelta(days=1)).day
    return datetime(
        mes.anio, mes.mes, ultimo if dia == -1 else dia, hora, minuto, tzinfo=ZONA_BOGOTA
    )


def _documento_importable(tipo: str, numero: str) -> str:
    """Los NIT van con su DV, como los traería la empresa; se guardan sin él."""
    return f"{numero}-{digito_verificacion_nit(numero)}" if tipo == "NIT" else numero


def _sin_tildes(texto: str) -> str:
    descompuesto = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in descompuesto if c.isascii() and c.isalnum()).lower()


def _usuario_correo(nombre: str) -> str:
    return "formula" if nombre.startswith("=") else _sin_tildes(nombre.split()[0])


def _generado(i: int, azar: random.Random) -> tuple[str, dict[str, str]]:
    ciudad = azar.choice(tuple(TIENDAS))
    nombre = azar.choice(NOMBRES)
    apellido = f"{azar.choice(APELLIDOS)} {azar.choice(APELLIDOS)}"
    suerte = azar.random()
    if suerte < 0.05:
        tipo, numero = "NIT", str(800_000_000 + i * 101)
        nombre, apellido = f"{azar.choice(EMPRESAS)} {apellido} S.A.S.", ""
    elif suerte < 0.12:
        tipo, numero = "CE", str(300_000 + i * 13)
    elif suerte < 0.15:
        tipo, numero = "PA", f"{azar.choice(('AV', 'PE', 'US', 'ES'))}{i:07d}"
    elif suerte < 0.5:
        tipo, numero = "CC", str(30_000_000 + i * 97)
    else:
        tipo, numero = "CC", str(1_000_000_000 + i * 7919)
    if any(c.tipo == tipo and c.numero == numero for c in CLIENTES_DEMO):
        numero = str(int(numero) + 1)
    usuario = (
        _sin_tildes(nombre.split()[0])
        + "."
        + _sin_tildes(apellido.split()[0] if apellido else "empresa")
    )
    celular = (
        f"+57 {azar.choice(PREFIJOS_CELULAR)} {azar.randint(100, 999)} {azar.randint(1000, 9999)}"
    )
    via = azar.choice(("Calle", "Carrera", "Avenida", "Transversal", "Diagonal"))
    return ciudad, {
        "tipo_documento": tipo,
        "numero_documento": _documento_importable(tipo, numero),
        "nombre": nombre,
        "apellido": apellido,
        "correo": f"{usuario}{i}@{azar.choice(DOMINIOS)}",
        "telefono": celular,
        "ciudad": ciudad,
        "direccion": f"{via} {azar.randint(1, 150)} # {azar.randint(1, 99)}-{azar.randint(1, 99)}",
    }


def _generados(cantidad: int) -> Iterator[tuple[str, dict[str, str]]]:
    azar = random.Random(SEMILLA)
    for i in range(cantidad):
        yield _generado(i, azar)


def filas_clientes(cantidad: int) -> Iterator[Fila]:
    """Filas de clientes como las de un archivo: los fijos y luego `cantidad` generados."""
    for numero, cliente in enumerate(CLIENTES_DEMO, start=2):
        yield (
            numero,
            {
                "tipo_documento": cliente.tipo,
                "numero_documento": _documento_importable(cliente.tipo, cliente.numero),
                "nombre": cliente.nombre,
                "apellido": cliente.apellido,
                "correo": cliente.correo
                or f"{_usuario_correo(cliente.nombre)}.demo{numero}@example.com",
                "telefono": cliente.telefono or f"+57 3{numero:02d} 555 {1000 + numero}",
                "ciudad": cliente.ciudad,
                "direccion": f"Calle {10 + numero} # {numero}-{20 + numero}",
            },
        )
    for indice, (_, fila) in enumerate(_generados(cantidad), start=len(CLIENTES_DEMO) + 2):
        yield indice, fila


def filas_compras(cantidad: int, ahora: datetime) -> Iterator[Fila]:
    """Compras de los fijos (alrededor del mes anterior) y de los generados (últimos ~14 meses)."""
    hoy = ahora.astimezone(ZONA_BOGOTA).date()
    actual = Mes.de_fecha(hoy)
    meses = {0: actual, -1: actual.anterior()}
    for relativo in range(-2, -6, -1):
        meses[relativo] = meses[relativo + 1].anterior()
    fila = 1
    for indice, (cliente, relativo, dia, hora, minuto, total, estado, canal) in enumerate(
        _COMPRAS_FIJAS, start=1
    ):
        instante = _instante(meses[relativo], dia, hora, minuto)
        if instante > ahora:
            continue  # el 1.º del mes antes de las 00:10 esa compra aún no ha ocurrido
        demo = CLIENTES_DEMO[cliente]
        tienda = TIENDAS[demo.ciudad][0] if canal == "tienda" else ""
        fila += 1
        yield (
            fila,
            _compra(
                demo.tipo, demo.numero, f"FV-D{indice:05d}", instante, total, estado, canal, tienda
            ),
        )
    azar = random.Random(SEMILLA + 1)
    factura = 0
    for ciudad, cliente_generado in _generados(cantidad):
        for _ in range(azar.randint(0, 10)):
            factura += 1
            cuando = hoy - timedelta(days=azar.randint(1, 425))
            instante = datetime.combine(
                cuando, time(azar.randint(8, 20), azar.randint(0, 59)), ZONA_BOGOTA
            )
            grande = azar.random() < 0.04
            pesos = (
                azar.randint(1_000, 6_000) * 1000 if grande else azar.randint(20, 800) * 1000 - 100
            )
            estado = azar.choices(("pagada", "anulada", "devuelta"), weights=(92, 5, 3))[0]
            canal = azar.choices(("tienda", "web", "telefono"), weights=(60, 30, 10))[0]
            tienda = azar.choice(TIENDAS[ciudad]) if canal == "tienda" else ""
            fila += 1
            yield fila, _compra(
                cliente_generado["tipo_documento"], cliente_generado["numero_documento"],
                f"FV-{factura:06d}", instante, f"{pesos}.00", estado, canal, tienda,
            )  # fmt: skip


def _compra(
    tipo: str, numero: str, factura: str, instante: datetime, total: str, estado: str,
    canal: str, tienda: str,
) -> dict[str, str]:  # fmt: skip
    return {
        "tipo_documento": tipo,
        "numero_documento": numero,
        "numero_factura": factura,
        "fecha": instante.isoformat(),
        "total": total,
        "estado": estado,
        "canal": canal,
        "tienda": tienda,
    }
