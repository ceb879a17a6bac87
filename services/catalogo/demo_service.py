"""Datos de demostración del catálogo: productos colombianos, establecimientos y un portafolio por tipo.

Son fijos (deterministas); solo las fechas de vigencia dependen del día de Bogotá en que se siembra.
Van como filas de texto con las columnas de la importación: la siembra pasa por la misma validación.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from services.demo_service import UsuarioDemo
from services.documento_service import digito_verificacion_nit

CATEGORIAS = (
    "Bebidas", "Lácteos", "Despensa", "Snacks y confitería", "Aseo del hogar", "Cuidado personal",
)  # fmt: skip

# código, nombre, categoría, marca, presentación, precio COP, IVA %
PRODUCTOS_DEMO: tuple[tuple[str, str, str, str, str, str, int], ...] = (
    ("BEB-POS-MAN-400", "Gaseosa Manzana Postobón", "Bebidas", "Postobón", "400 ml", "2200", 19),
    ("BEB-POS-COL-15", "Gaseosa Colombiana", "Bebidas", "Postobón", "1,5 L", "4900", 19),
    ("BEB-CCL-ORI-15", "Coca-Cola Original", "Bebidas", "Coca-Cola", "1,5 L", "5800", 19),
    ("BEB-HIT-MOR-500", "Jugo Hit Mora", "Bebidas", "Postobón", "500 ml", "2900", 19),
    ("BEB-AGU-CRI-600", "Agua Cristal sin gas", "Bebidas", "Cristal", "600 ml", "1800", 19),
    ("BEB-PON-MAL-330", "Pony Malta", "Bebidas", "Bavaria", "330 ml", "2300", 19),
    ("BEB-SRJ-CAF-500", "Café Sello Rojo tradicional", "Bebidas", "Sello Rojo", "500 g", "18900", 5),
    ("BEB-COL-TIN-170", "Café instantáneo Colcafé clásico", "Bebidas", "Colcafé", "170 g",
     "21500", 5),
    ("BEB-HAT-TE-20", "Aromática Hatsu frutos rojos", "Bebidas", "Hatsu", "20 sobres", "6900", 19),
    ("BEB-GAT-NAR-500", "Bebida hidratante Gatorade naranja", "Bebidas", "Gatorade", "500 ml",
     "4200", 19),
    ("LAC-ALQ-ENT-1L", "Leche entera Alquería", "Lácteos", "Alquería", "1 L", "4300", 0),
    ("LAC-COL-DES-1L", "Leche deslactosada Colanta", "Lácteos", "Colanta", "1 L", "4700", 0),
    ("LAC-ALP-YOG-1L", "Yogur Alpina melocotón", "Lácteos", "Alpina", "1 L", "9800", 19),
    ("LAC-ALP-AVE-250", "Avena Alpina original", "Lácteos", "Alpina", "250 ml", "3200", 19),
    ("LAC-COL-QUE-250", "Queso campesino Colanta", "Lácteos", "Colanta", "250 g", "8900", 5),
    ("LAC-ALQ-KUM-1L", "Kumis Alquería", "Lácteos", "Alquería", "1 L", "7200", 19),
    ("LAC-ALP-ARE-250", "Arequipe Alpina", "Lácteos", "Alpina", "250 g", "7400", 19),
    ("LAC-COL-MAN-250", "Mantequilla Colanta con sal", "Lácteos", "Colanta", "250 g", "9200", 5),
    ("LAC-ALP-BON-4U", "Bon Yurt Alpina", "Lácteos", "Alpina", "4 unidades", "11900", 19),
    ("LAC-ALQ-CRE-200", "Crema de leche Alquería", "Lácteos", "Alquería", "200 ml", "4100", 19),
    ("DES-DIA-ARR-1K", "Arroz Diana", "Despensa", "Diana", "1 kg", "4900", 0),
    ("DES-ROA-ARR-5K", "Arroz Roa", "Despensa", "Roa", "5 kg", "22900", 0),
    ("DES-DOR-PAS-250", "Pasta spaghetti Doria", "Despensa", "Doria", "250 g", "2600", 5),
    ("DES-PRE-ACE-1L", "Aceite Premier girasol", "Despensa", "Premier", "1 L", "12900", 5),
    ("DES-RIO-AZU-1K", "Azúcar Riopaila", "Despensa", "Riopaila", "1 kg", "4600", 5),
    ("DES-PAN-RED-500", "Panela redonda", "Despensa", "La Cabaña", "500 g", "3100", 0),
    ("DES-COR-CHO-250", "Chocolate Corona tradicional", "Despensa", "Corona", "250 g", "7900", 5),
    ("DES-VAN-ATU-160", "Atún Van Camp's en aceite", "Despensa", "Van Camp's", "160 g", "6900", 19),
    ("DES-HAR-PAN-1K", "Harina de maíz P.A.N. blanca", "Despensa", "P.A.N.", "1 kg", "4400", 5),
    ("DES-FRI-FRI-500", "Fríjol bola roja", "Despensa", "La Cabaña", "500 g", "6100", 0),
    ("SNA-MAR-LIM-39", "Papas Margarita limón", "Snacks y confitería", "Margarita", "39 g",
     "2400", 19),
    ("SNA-TOD-NAT-160", "De Todito natural", "Snacks y confitería", "Frito Lay", "160 g", "7600",
     19),
    ("SNA-JET-LEC-12", "Chocolatina Jet leche", "Snacks y confitería", "Jet", "12 g", "900", 19),
    ("SNA-JUM-MAN-40", "Chocolatina Jumbo maní", "Snacks y confitería", "Jumbo", "40 g", "2900",
     19),
    ("SNA-FES-CHO-12", "Galletas Festival chocolate", "Snacks y confitería", "Festival",
     "12 paquetes", "9600", 19),
    ("SNA-DUC-ORI-294", "Galletas Ducales", "Snacks y confitería", "Noel", "294 g", "7200", 19),
    ("SNA-SAL-ORI-5T", "Galletas Saltín Noel", "Snacks y confitería", "Noel", "5 tacos", "6300",
     19),
    ("SNA-BBB-FRE-24", "Bon Bon Bum fresa", "Snacks y confitería", "Colombina", "24 unidades",
     "8700", 19),
    ("SNA-CHO-RAM-65", "Chocoramo", "Snacks y confitería", "Ramo", "65 g", "2800", 19),
    ("SNA-SUP-PAP-105", "Papas Super Ricas pollo", "Snacks y confitería", "Super Ricas", "105 g",
     "5200", 19),
    ("ASE-FAB-DET-1K", "Detergente en polvo Fab", "Aseo del hogar", "Fab", "1 kg", "11900", 19),
    ("ASE-ARI-LIQ-1L", "Detergente líquido Ariel", "Aseo del hogar", "Ariel", "1,2 L", "19900", 19),
    ("ASE-BLA-BLA-1L", "Blanqueador Blancox", "Aseo del hogar", "Blancox", "1 L", "5400", 19),
    ("ASE-AXI-LAV-450", "Lavaloza en crema Axión limón", "Aseo del hogar", "Axión", "450 g",
     "6900", 19),
    ("ASE-REY-JAB-3U", "Jabón de barra Rey", "Aseo del hogar", "Rey", "3 unidades", "7800", 19),
    ("ASE-FAM-PAP-12", "Papel higiénico Familia Acolchamax", "Aseo del hogar", "Familia",
     "12 rollos", "24900", 19),
    ("ASE-SCO-ESP-3U", "Esponja Scotch-Brite doble uso", "Aseo del hogar", "Scotch-Brite",
     "3 unidades", "6500", 19),
    ("ASE-SUA-PRI-1L", "Suavizante Suavitel primavera", "Aseo del hogar", "Suavitel", "1 L",
     "9700", 19),
    ("ASE-LIM-FAB-2L", "Limpiapisos Fabuloso lavanda", "Aseo del hogar", "Fabuloso", "2 L",
     "12400", 19),
    ("ASE-BOL-BAS-10", "Bolsas de basura medianas", "Aseo del hogar", "Familia", "10 unidades",
     "4800", 19),
    ("CUI-COL-CRE-75", "Crema dental Colgate triple acción", "Cuidado personal", "Colgate",
     "75 ml", "6200", 19),
    ("CUI-PRO-JAB-3U", "Jabón Protex avena", "Cuidado personal", "Protex", "3 unidades", "10900",
     19),
    ("CUI-SAV-SHA-400", "Champú Savital sábila", "Cuidado personal", "Savital", "400 ml", "14500",
     19),
    ("CUI-NOS-TOA-10", "Toallas higiénicas Nosotras invisible", "Cuidado personal", "Nosotras",
     "10 unidades", "5900", 0),
    ("CUI-WIN-PAN-30", "Pañales Winny etapa 3", "Cuidado personal", "Winny", "30 unidades",
     "32900", 0),
    ("CUI-GIL-MAQ-2U", "Máquina de afeitar Gillette Prestobarba", "Cuidado personal", "Gillette",
     "2 unidades", "8400", 19),
    ("CUI-REX-DES-150", "Desodorante Rexona aerosol", "Cuidado personal", "Rexona", "150 ml",
     "13900", 19),
    ("CUI-DOL-ACE-10", "Acetaminofén Dolex 500 mg", "Cuidado personal", "Dolex", "10 tabletas",
     "7900", 0),
    ("CUI-ALK-EFE-12", "Alka-Seltzer efervescente", "Cuidado personal", "Alka-Seltzer",
     "12 tabletas", "11200", 0),
    ("CUI-GEL-ANT-250", "Gel antibacterial Familia", "Cuidado personal", "Familia", "250 ml",
     "7300", 19),
)  # fmt: skip


CATALOGO_DEMO = UsuarioDemo(
    "catalogo", "Carolina Catálogo (demostración)", "catalogo", "Catalogo-Demo-2026"
)
VENDEDOR_DEMO = UsuarioDemo(
    "vendedor", "Víctor Vendedor (demostración)", "vendedor", "Vendedor-Demo-2026", "Bogotá Norte"
)
USUARIOS_DEMO = (CATALOGO_DEMO, VENDEDOR_DEMO)


def _nit(base: str) -> str:
    return f"{base}-{digito_verificacion_nit(base)}"


# nombre, tipo, NIT, ciudad, departamento, dirección, teléfono, latitud, longitud, del vendedor demo
ESTABLECIMIENTOS_DEMO: tuple[tuple[str, str, str, str, str, str, str, str, str, bool], ...] = (
    ("Tienda Doña Rosa", "TIENDA", "", "Bogotá", "Cundinamarca", "Calle 145 # 12-30",
     "3104567890", "4.728512", "-74.036870", True),
    ("Minimercado El Cedro", "MINIMERCADO", _nit("901234561"), "Bogotá", "Cundinamarca",
     "Carrera 9 # 150-21", "6016789012", "4.735830", "-74.029940", True),
    ("Panadería La Espiga Dorada", "PANADERIA", _nit("830045672"), "Bogotá", "Cundinamarca",
     "Calle 127 # 15-48", "6012345678", "4.704210", "-74.046820", True),
    ("Droguería Santa Bárbara", "DROGUERIA", _nit("900876543"), "Bogotá", "Cundinamarca",
     "Avenida 19 # 118-09", "6016543210", "4.697560", "-74.045190", True),
    ("Supermercado Colina Express", "SUPERMERCADO", _nit("860512347"), "Bogotá", "Cundinamarca",
     "Avenida Boyacá # 138-20", "6017654321", "4.733010", "-74.066950", True),
    ("Tienda Los Almendros", "TIENDA", "", "Bogotá", "Cundinamarca", "Calle 160 # 20-15",
     "3156789012", "4.744980", "-74.043110", True),
    ("Tienda Don Pacho", "TIENDA", "", "Medellín", "Antioquia", "Carrera 70 # 44-12",
     "3001122334", "6.250460", "-75.589830", False),
    ("Minimercado Laureles", "MINIMERCADO", _nit("900345678"), "Medellín", "Antioquia",
     "Circular 4 # 73-30", "6044445566", "6.245770", "-75.592410", False),
    ("Droguería Alemana", "DROGUERIA", _nit("811023456"), "Medellín", "Antioquia",
     "Calle 10 # 43A-25", "6043332211", "6.208950", "-75.567120", False),
    ("Panadería San Fernando", "PANADERIA", "", "Cali", "Valle del Cauca", "Calle 5 # 38-50",
     "6025558899", "3.422840", "-76.543210", False),
    ("Supermercado La Sexta", "SUPERMERCADO", _nit("805011223"), "Cali", "Valle del Cauca",
     "Avenida 6N # 25-40", "6026667788", "3.463120", "-76.528900", False),
    ("Tienda El Progreso", "TIENDA", "", "Barranquilla", "Atlántico", "Carrera 43 # 72-15",
     "3017778899", "10.995620", "-74.805430", False),
    ("Minimercado Villa Country", "MINIMERCADO", _nit("802009876"), "Barranquilla", "Atlántico",
     "Calle 77 # 59-35", "6053334455", "11.005890", "-74.811230", False),
    ("Droguería Cabecera", "DROGUERIA", "", "Bucaramanga", "Santander", "Carrera 33 # 48-10",
     "6076352211", "7.118560", "-73.108450", False),
    ("Panadería El Trigal", "PANADERIA", "", "Cartagena", "Bolívar", "Avenida Pedro de Heredia # 31-20",
     "6056601122", "10.412340", "-75.529870", False),
    ("Supermercado Pinares", "SUPERMERCADO", _nit("816004567"), "Pereira", "Risaralda",
     "Avenida 30 de Agosto # 40-55", "6063214455", "4.808750", "-75.710340", False),
)  # fmt: skip


@dataclass(frozen=True)
class PortafolioDemo:
    nombre: str
    tipo: str
    dias_antes: int  # vigente desde hoy menos estos días
    activo: bool
    # (código, cantidad mínima, obligatorio, precio sugerido o "")
    lineas: tuple[tuple[str, int, bool, str], ...]


_TIENDA = (
    ("DES-DIA-ARR-1K", 12, True, "5500"), ("DES-RIO-AZU-1K", 12, True, "5200"),
    ("DES-PRE-ACE-1L", 6, True, ""), ("DES-PAN-RED-500", 10, True, "3500"),
    ("LAC-ALQ-ENT-1L", 12, True, "4800"), ("BEB-POS-COL-15", 6, False, "5500"),
    ("BEB-SRJ-CAF-500", 4, False, ""), ("SNA-MAR-LIM-39", 24, False, "2800"),
    ("SNA-JET-LEC-12", 50, False, "1000"), ("ASE-REY-JAB-3U", 4, False, ""),
    ("CUI-COL-CRE-75", 4, False, ""), ("DES-COR-CHO-250", 6, False, ""),
)  # fmt: skip

PORTAFOLIOS_DEMO = (
    PortafolioDemo("Tienda de barrio — básico 2026", "TIENDA", 30, True, _TIENDA),
    PortafolioDemo("Tienda de barrio — anterior", "TIENDA", 210, True, _TIENDA[:6]),
    PortafolioDemo("Minimercado — surtido 2026", "MINIMERCADO", 30, True, (
        *_TIENDA, ("LAC-COL-DES-1L", 6, True, ""), ("LAC-ALP-YOG-1L", 4, False, ""),
        ("DES-DOR-PAS-250", 12, True, "2900"), ("ASE-FAB-DET-1K", 4, False, ""),
        ("ASE-FAM-PAP-12", 3, False, ""), ("SNA-DUC-ORI-294", 6, False, ""),
    )),
    PortafolioDemo("Supermercado — góndola completa 2026", "SUPERMERCADO", 30, True, tuple(
        (codigo, 12 if categoria in ("Despensa", "Lácteos") else 6, categoria == "Despensa", "")
        for codigo, _, categoria, *_ in PRODUCTOS_DEMO
    )),
    PortafolioDemo("Panadería — acompañantes 2026", "PANADERIA", 30, True, (
        ("LAC-ALQ-ENT-1L", 12, True, ""), ("LAC-COL-QUE-250", 6, True, ""),
        ("LAC-COL-MAN-250", 4, True, ""), ("LAC-ALP-AVE-250", 12, False, "3600"),
        ("BEB-SRJ-CAF-500", 4, True, ""), ("BEB-POS-MAN-400", 24, False, "2600"),
        ("BEB-HIT-MOR-500", 12, False, ""), ("DES-COR-CHO-250", 6, False, ""),
        ("LAC-ALP-ARE-250", 4, False, ""),
    )),
    PortafolioDemo("Droguería — conveniencia 2026", "DROGUERIA", 30, True, (
        ("CUI-DOL-ACE-10", 10, True, ""), ("CUI-ALK-EFE-12", 6, True, ""),
        ("CUI-GEL-ANT-250", 6, True, ""), ("CUI-NOS-TOA-10", 6, False, ""),
        ("CUI-WIN-PAN-30", 3, False, ""), ("CUI-COL-CRE-75", 6, False, ""),
        ("CUI-REX-DES-150", 4, False, ""), ("BEB-AGU-CRI-600", 24, False, "2000"),
        ("BEB-GAT-NAR-500", 12, False, ""),
    )),
)  # fmt: skip


COLUMNAS_PRODUCTOS = ("codigo", "nombre", "categoria", "marca", "presentacion", "precio", "iva")
COLUMNAS_ESTABLECIMIENTOS = (
    "nombre", "tipo", "nit", "ciudad", "departamento", "direccion", "telefono", "latitud",
    "longitud", "vendedor",
)  # fmt: skip


def filas_productos() -> Iterator[tuple[int, dict[str, str]]]:
    """Productos como filas de importación (la fila 1 sería el encabezado)."""
    for numero, (codigo, nombre, categoria, marca, presentacion, precio, iva) in enumerate(
        PRODUCTOS_DEMO, start=2
    ):
        yield (
            numero,
            {
                "codigo": codigo,
                "nombre": nombre,
                "categoria": categoria,
                "marca": marca,
                "presentacion": presentacion,
                "precio": precio,
                "iva": str(iva),
            },
        )


def filas_establecimientos() -> Iterator[tuple[int, dict[str, str]]]:
    """Establecimientos como filas de importación; los de la ruta llevan el vendedor demo."""
    for numero, fila in enumerate(ESTABLECIMIENTOS_DEMO, start=2):
        nombre, tipo, nit, ciudad, departamento, direccion, telefono, lat, lon, de_ruta = fila
        yield (
            numero,
            {
                "nombre": nombre,
                "tipo": tipo,
                "nit": nit,
                "ciudad": ciudad,
                "departamento": departamento,
                "direccion": direccion,
                "telefono": telefono,
                "latitud": lat,
                "longitud": lon,
                "vendedor": VENDEDOR_DEMO.usuario if de_ruta else "",
            },
        )


def vigencia(portafolio: PortafolioDemo, hoy: date) -> date:
    return hoy - timedelta(days=portafolio.dias_antes)
