import type { OrigenReporte } from '../types';

const ETIQUETA_ORIGEN: Record<OrigenReporte, string> = {
  pantalla: 'Pantalla',
  api: 'API',
  cli: 'Línea de comandos',
  programado: 'Programado',
};

/** `pantalla` → `Pantalla`; un origen que la pantalla aún no conoce se muestra tal cual. */
export function etiquetaOrigen(origen: string): string {
  return ETIQUETA_ORIGEN[origen as OrigenReporte] ?? origen;
}

/** Los primeros 12 caracteres del SHA-256: bastan para distinguirlos a la vista. */
export function shaAbreviado(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}
