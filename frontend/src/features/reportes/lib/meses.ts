/** Meses en hora de Bogotá (UTC−5 fijo, sin horario de verano), como los cuenta el servidor. */
const DESFASE_BOGOTA_MS = -5 * 60 * 60 * 1000;

export const UMBRAL_POR_DEFECTO = 5_000_000;

function partesBogota(ahora: Date): { anio: number; mes: number } {
  const local = new Date(ahora.getTime() + DESFASE_BOGOTA_MS);
  return { anio: local.getUTCFullYear(), mes: local.getUTCMonth() + 1 };
}

function formatoMes(anio: number, mes: number): string {
  return `${anio}-${String(mes).padStart(2, '0')}`;
}

export function mesActualBogota(ahora: Date = new Date()): string {
  const { anio, mes } = partesBogota(ahora);
  return formatoMes(anio, mes);
}

/** El mes calendario anterior al de hoy en Bogotá (23 nov 2026 → `2026-10`). */
export function mesAnteriorBogota(ahora: Date = new Date()): string {
  const { anio, mes } = partesBogota(ahora);
  return mes === 1 ? formatoMes(anio - 1, 12) : formatoMes(anio, mes - 1);
}

export function esMesValido(mes: string | null | undefined): mes is string {
  return typeof mes === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(mes);
}

/** Un mes posterior al actual (Bogotá) no tiene datos: no se ofrece. */
export function esMesFuturo(mes: string, ahora: Date = new Date()): boolean {
  return mes > mesActualBogota(ahora);
}

/** `2026-10` ⇄ `2026-10-01`, el formato de fecha de los selectores de Mantine. */
export const mesAFecha = (mes: string) => `${mes}-01`;
export const fechaAMes = (fecha: string) => fecha.slice(0, 7);
