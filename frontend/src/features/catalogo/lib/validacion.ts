/**
 * Validación en el navegador con las reglas del contrato de M7 (el servidor valida igual y su 422
 * manda): así el error se ve en el campo antes de enviar.
 */
import { normalizarNumero, validarNit } from '@/lib/nit';
import { TASAS_IVA, TIPOS_ESTABLECIMIENTO } from '../types';

export type Errores<C extends string> = Partial<Record<C, string>>;

/** SKU: lo que se escribe pasa a mayúsculas; la Ñ y las tildes se rechazan, no se transliteran. */
export function normalizarCodigo(valor: string): string {
  return valor.trim().toUpperCase();
}

export function validarCodigo(valor: string): string | undefined {
  const codigo = normalizarCodigo(valor);
  if (!codigo) return 'Escriba el código (SKU) del producto.';
  if (/[^\x20-\x7e]/.test(codigo)) return 'El código no admite Ñ ni letras con tilde: use A–Z, 0–9 y guion.';
  if (!/^[A-Z0-9-]+$/.test(codigo)) return 'El código solo admite letras A–Z, dígitos 0–9 y guion (-), sin espacios.';
  if (codigo.length < 3 || codigo.length > 30) return 'El código debe tener entre 3 y 30 caracteres.';
  return undefined;
}

export function validarNombre(valor: string, que = 'el nombre del producto'): string | undefined {
  const nombre = valor.trim();
  if (!nombre) return `Escriba ${que}.`;
  if (nombre.length < 2 || nombre.length > 120) return 'El nombre debe tener entre 2 y 120 caracteres.';
  return undefined;
}

/** Pesos colombianos: mayor que cero y, como mucho, con centavos. */
export function validarPrecio(valor: number | string, obligatorio = true): string | undefined {
  if (valor === '' || valor === null || valor === undefined) return obligatorio ? 'Escriba el precio en pesos.' : undefined;
  const numero = Number(valor);
  if (!Number.isFinite(numero) || numero <= 0) return 'El precio debe ser mayor que cero.';
  if (Math.round(numero * 100) !== numero * 100) return 'El precio admite como mucho dos decimales (centavos).';
  return undefined;
}

export function validarIva(valor: number): string | undefined {
  return (TASAS_IVA as number[]).includes(valor) ? undefined : 'El IVA debe ser 0, 5 o 19 %.';
}

export function validarTipo(valor: string): string | undefined {
  return TIPOS_ESTABLECIMIENTO.some((t) => t.codigo === valor) ? undefined : 'Seleccione el tipo de establecimiento.';
}

export function requerido(valor: string, mensaje: string): string | undefined {
  return valor.trim() ? undefined : mensaje;
}

/** NIT opcional: vacío vale; si se escribe, 9 dígitos o 10 con el dígito de verificación DIAN. */
export function validarNitOpcional(valor: string): { error?: string; nit: string | null } {
  const limpio = normalizarNumero(valor);
  if (!limpio) return { nit: null };
  const resultado = validarNit(limpio);
  return resultado.valido ? { nit: resultado.numero } : { error: resultado.motivo, nit: null };
}

/** Recuadro de Colombia del contrato. */
export const LIMITES_COLOMBIA = { latitud: [-4.3, 13.5], longitud: [-82.0, -66.8] } as const;

/** Latitud y longitud: ambas o ninguna, números dentro de Colombia. */
export function validarCoordenadas(latitud: string, longitud: string): Errores<'latitud' | 'longitud'> {
  const errores: Errores<'latitud' | 'longitud'> = {};
  const lat = latitud.trim();
  const lon = longitud.trim();
  if (!lat && !lon) return errores;
  if (!lat) errores.latitud = 'Escriba también la latitud (o borre la longitud).';
  if (!lon) errores.longitud = 'Escriba también la longitud (o borre la latitud).';
  const [latMin, latMax] = LIMITES_COLOMBIA.latitud;
  const [lonMin, lonMax] = LIMITES_COLOMBIA.longitud;
  const nLat = Number(lat.replace(',', '.'));
  const nLon = Number(lon.replace(',', '.'));
  if (lat && (!Number.isFinite(nLat) || nLat < latMin || nLat > latMax)) {
    errores.latitud = 'La latitud debe estar dentro de Colombia (entre −4,3 y 13,5).';
  }
  if (lon && (!Number.isFinite(nLon) || nLon < lonMin || nLon > lonMax)) {
    errores.longitud = 'La longitud debe estar dentro de Colombia (entre −82,0 y −66,8).';
  }
  return errores;
}

/** `"4,6097"` → 4.6097; vacío → null. */
export function aNumero(valor: string): number | null {
  const limpio = valor.trim().replace(',', '.');
  return limpio ? Number(limpio) : null;
}

/** Cantidad mínima de una línea de portafolio: entero ≥ 1. */
export function validarCantidad(valor: number | string): string | undefined {
  const n = Number(valor);
  if (valor === '' || !Number.isInteger(n) || n < 1) return 'La cantidad mínima debe ser un entero mayor o igual a 1.';
  return undefined;
}
