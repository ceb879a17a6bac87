import type { Establecimiento, LineaPortafolio, PaginaDe, Portafolio, PortafolioResumen, Producto, RutaVendedor } from '@/features/catalogo/types';

export function producto(id: number, codigo: string, nombre: string, cambios: Partial<Producto> = {}): Producto {
  return {
    id,
    codigo,
    nombre,
    categoria: 'Bebidas',
    marca: null,
    presentacion: null,
    precio: 1000 * id,
    iva: 19,
    activo: true,
    creado_por: 'catalogo',
    creado_en: '2026-11-01T08:00:00-05:00',
    ...cambios,
  };
}

export const LECHE = producto(1, 'LAC-001', 'Leche entera', { categoria: 'Lácteos', marca: 'Alpina', presentacion: '1 L', precio: 4500, iva: 5 });
export const CAFE = producto(2, 'CAF-250', 'Café molido', { marca: 'Sello Rojo', presentacion: '250 g', precio: 12_900, iva: 5 });
export const ARROZ = producto(3, 'ARR-500', 'Arroz blanco', { categoria: 'Granos', marca: 'Diana', presentacion: '500 g', precio: 3200, iva: 0 });
export const GASEOSA = producto(4, 'GAS-350', 'Gaseosa manzana', { marca: 'Postobón', presentacion: '350 ml', precio: 2500, activo: false });
export const PRODUCTOS = [LECHE, CAFE, ARROZ, GASEOSA];

export function pagina<T>(items: T[], numero = 1, porPagina = 20): PaginaDe<T> {
  const inicio = (numero - 1) * porPagina;
  return {
    items: items.slice(inicio, inicio + porPagina),
    pagina: numero,
    por_pagina: porPagina,
    total: items.length,
    paginas: Math.max(1, Math.ceil(items.length / porPagina)),
  };
}

export const TIENDA_LUCHO: Establecimiento = {
  id: 10,
  nombre: 'Tienda Donde Lucho',
  tipo: 'TIENDA',
  nit: null,
  ciudad: 'Bogotá',
  departamento: 'Cundinamarca',
  direccion: 'Calle 45 # 13-20',
  telefono: '601 555 0101',
  latitud: 4.6325,
  longitud: -74.0656,
  vendedor: { usuario: 'vendedor', nombre: 'Víctor Vendedor', zona: 'Norte' },
  activo: true,
};
export const DROGUERIA_SALUD: Establecimiento = {
  id: 11,
  nombre: 'Droguería La Salud',
  tipo: 'DROGUERIA',
  nit: '900123456',
  ciudad: 'Medellín',
  departamento: 'Antioquia',
  direccion: 'Carrera 70 # 44-10',
  telefono: null,
  latitud: null,
  longitud: null,
  vendedor: null,
  activo: true,
};
export const ESTABLECIMIENTOS = [TIENDA_LUCHO, DROGUERIA_SALUD];

function linea(p: Producto, cantidad_minima: number, obligatorio: boolean, precio_sugerido: number | null): LineaPortafolio {
  return { producto: p, cantidad_minima, obligatorio, precio_sugerido };
}

export const PORTAFOLIO_TIENDA: Portafolio = {
  id: 1,
  nombre: 'Tienda básica 2026',
  tipo_establecimiento: 'TIENDA',
  vigente_desde: '2026-11-01',
  activo: true,
  vigente: true,
  lineas: [linea(CAFE, 6, false, 13_500), linea(LECHE, 12, true, 4800), linea(ARROZ, 24, true, null)],
};
export const PORTAFOLIO_TIENDA_ANTERIOR: PortafolioResumen = {
  id: 2,
  nombre: 'Tienda básica 2025',
  tipo_establecimiento: 'TIENDA',
  vigente_desde: '2025-06-01',
  activo: true,
  vigente: false,
  lineas: 2,
};
export const PORTAFOLIO_DROGUERIA_INACTIVO: PortafolioResumen = {
  id: 3,
  nombre: 'Droguería piloto',
  tipo_establecimiento: 'DROGUERIA',
  vigente_desde: '2026-10-01',
  activo: false,
  vigente: false,
  lineas: 1,
};
export const LISTA_PORTAFOLIOS: PortafolioResumen[] = [
  PORTAFOLIO_TIENDA_ANTERIOR,
  { ...PORTAFOLIO_TIENDA, lineas: PORTAFOLIO_TIENDA.lineas.length },
  PORTAFOLIO_DROGUERIA_INACTIVO,
];

export const RUTA: RutaVendedor = {
  establecimientos: [
    {
      id: TIENDA_LUCHO.id,
      nombre: TIENDA_LUCHO.nombre,
      tipo: 'TIENDA',
      ciudad: 'Bogotá',
      direccion: TIENDA_LUCHO.direccion,
      portafolio: { id: 1, nombre: PORTAFOLIO_TIENDA.nombre, lineas: 3, obligatorias: 2 },
    },
    { id: 12, nombre: 'Panadería El Trigal', tipo: 'PANADERIA', ciudad: 'Bogotá', direccion: 'Av. 68 # 22-15', portafolio: null },
  ],
};
