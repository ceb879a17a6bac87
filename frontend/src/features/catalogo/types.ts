/**
 * Formas de M7 Catálogo según /work/shared/docs/M7-catalogo.md. Donde el contrato calla, se asume
 * (y el backend lo sigue):
 * - Producto: `precio` llega como número (COP); la llave es `codigo` (`id` y `creado_por` pueden
 *   no venir).
 * - Establecimiento: `vendedor` es `{usuario, nombre, zona}` o `null`; `latitud`/`longitud` números.
 * - Portafolio en la lista (`GET /api/portafolios`): `lineas` como conteo (y `obligatorias`) o como
 *   arreglo; la lista puede venir como arreglo o con el sobre paginado (se aceptan ambos).
 * - Portafolio con líneas: `lineas: [{producto, …}]` o la forma plana `productos: [{codigo, …}]`
 *   (`lib/normalizar.ts` deja siempre la primera).
 * - Ruta: `portafolio` trae `lineas` y `obligatorias` como conteos, o `null` si el tipo no tiene.
 * - Los 422 traen `details.campos` con el nombre del campo del cuerpo (`codigo`, `precio`,
 *   `productos`…); lo que no corresponde a un campo del formulario se muestra arriba del formulario.
 */

/** Sobre paginado de las listas (como `/api/clientes/{id}/compras`). */
export type { PaginaDe } from '@/lib/pagina';

export type Iva = 0 | 5 | 19;
export const TASAS_IVA: Iva[] = [0, 5, 19];

export interface Producto {
  id?: number;
  codigo: string;
  nombre: string;
  categoria: string;
  marca: string | null;
  presentacion: string | null;
  precio: number;
  iva: Iva;
  activo: boolean;
  creado_por?: string | null;
  creado_en?: string;
}

export interface NuevoProducto {
  codigo: string;
  nombre: string;
  categoria: string;
  marca?: string;
  presentacion?: string;
  precio: number;
  iva: Iva;
}

/** PATCH parcial: solo lo que cambió (el código no cambia: es la llave de la URL). */
export type CambioProducto = Partial<Omit<NuevoProducto, 'codigo' | 'marca' | 'presentacion'>> & {
  marca?: string | null;
  presentacion?: string | null;
  activo?: boolean;
};

export interface FiltrosProductos {
  q?: string;
  categoria?: string;
  /** `true` / `false`; sin valor = todos. */
  activo?: 'true' | 'false';
  pagina: number;
}

/** Tipos de establecimiento que carga la migración (`tipos_establecimiento`). */
export const TIPOS_ESTABLECIMIENTO = [
  { codigo: 'TIENDA', nombre: 'Tienda de barrio' },
  { codigo: 'MINIMERCADO', nombre: 'Minimercado' },
  { codigo: 'SUPERMERCADO', nombre: 'Supermercado' },
  { codigo: 'PANADERIA', nombre: 'Panadería' },
  { codigo: 'DROGUERIA', nombre: 'Droguería' },
] as const;
export type TipoEstablecimiento = (typeof TIPOS_ESTABLECIMIENTO)[number]['codigo'];

export function nombreTipo(codigo: string): string {
  return TIPOS_ESTABLECIMIENTO.find((t) => t.codigo === codigo)?.nombre ?? codigo;
}

export interface VendedorAsignado {
  usuario: string;
  nombre: string;
  zona: string | null;
}

export interface Establecimiento {
  id: number;
  nombre: string;
  tipo: string;
  nit: string | null;
  ciudad: string;
  departamento: string;
  direccion: string;
  telefono: string | null;
  latitud: number | null;
  longitud: number | null;
  vendedor: VendedorAsignado | null;
  activo: boolean;
}

export interface NuevoEstablecimiento {
  nombre: string;
  tipo: string;
  nit?: string | null;
  ciudad: string;
  departamento: string;
  direccion: string;
  telefono?: string | null;
  latitud?: number | null;
  longitud?: number | null;
  /** Login del vendedor; `null` lo quita. */
  vendedor?: string | null;
}

export type CambioEstablecimiento = Partial<NuevoEstablecimiento> & { activo?: boolean };

export interface FiltrosEstablecimientos {
  tipo?: string;
  ciudad?: string;
  vendedor?: string;
  q?: string;
  pagina: number;
}

export interface LineaPortafolio {
  producto: Producto;
  cantidad_minima: number;
  obligatorio: boolean;
  precio_sugerido: number | null;
}

export interface Portafolio {
  id: number;
  nombre: string;
  tipo_establecimiento: string;
  /** Fecha `AAAA-MM-DD` (Bogotá). */
  vigente_desde: string;
  activo: boolean;
  /** El que rige hoy para su tipo (exactamente uno por tipo). */
  vigente: boolean;
  lineas: LineaPortafolio[];
}

/** Un portafolio en la lista: puede no traer las líneas. */
export type PortafolioResumen = Omit<Portafolio, 'lineas'> & { lineas?: LineaPortafolio[] | number; obligatorias?: number };

export interface LineaNueva {
  codigo: string;
  cantidad_minima: number;
  obligatorio?: boolean;
  precio_sugerido?: number;
}

export interface NuevoPortafolio {
  nombre: string;
  tipo_establecimiento: string;
  vigente_desde: string;
  productos: LineaNueva[];
}

export interface ParadaRuta {
  id: number;
  nombre: string;
  tipo: string;
  ciudad: string;
  direccion: string;
  portafolio: { id: number; nombre: string; lineas: number; obligatorias: number } | null;
}

export interface RutaVendedor {
  establecimientos: ParadaRuta[];
}
