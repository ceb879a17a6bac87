import type { LineaPortafolio } from '../types';

/** Las líneas de un portafolio: obligatorias primero, luego por nombre. */
export function ordenarLineas(lineas: LineaPortafolio[]): LineaPortafolio[] {
  return [...lineas].sort(
    (a, b) => Number(b.obligatorio) - Number(a.obligatorio) || a.producto.nombre.localeCompare(b.producto.nombre, 'es'),
  );
}
