import type { LineaPortafolio, Portafolio, Producto } from '../types';

/**
 * El contrato dice "líneas con el detalle del producto" sin fijar la forma. Se aceptan las dos que
 * circulan: `lineas: [{producto: {...}, cantidad_minima, …}]` y la plana de la rama del backend
 * (`productos: [{codigo, nombre, …, producto_activo, cantidad_minima, …}]`). Las pantallas solo ven
 * la primera.
 */
interface LineaPlana extends Omit<Producto, 'activo' | 'id' | 'creado_por' | 'creado_en'> {
  producto_activo?: boolean;
  cantidad_minima: number;
  obligatorio: boolean;
  precio_sugerido: number | null;
}

type LineaRecibida = LineaPortafolio | LineaPlana;
export type PortafolioRecibido = Omit<Portafolio, 'lineas'> & { lineas?: LineaRecibida[] | number; productos?: LineaRecibida[] };

function normalizarLinea(linea: LineaRecibida): LineaPortafolio {
  if ('producto' in linea && linea.producto) {
    return { ...linea, precio_sugerido: linea.precio_sugerido ?? null };
  }
  const { cantidad_minima, obligatorio, precio_sugerido, producto_activo, ...producto } = linea as LineaPlana;
  return {
    producto: { ...producto, activo: producto_activo ?? true },
    cantidad_minima,
    obligatorio,
    precio_sugerido: precio_sugerido ?? null,
  };
}

export function normalizarPortafolio(crudo: PortafolioRecibido): Portafolio {
  const lineas = Array.isArray(crudo.lineas) ? crudo.lineas : (crudo.productos ?? []);
  const { productos: _productos, ...resto } = crudo;
  return { ...resto, lineas: lineas.map(normalizarLinea) };
}
