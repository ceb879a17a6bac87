/** El motivo para revelar un dato: de 10 a 300 caracteres sin contar los espacios de los extremos (como el servidor). */
export const MOTIVO_MINIMO = 10;
export const MOTIVO_MAXIMO = 300;

export function errorMotivo(motivo: string): string | null {
  const largo = motivo.trim().length;
  if (largo < MOTIVO_MINIMO) return `Explique el motivo en al menos ${MOTIVO_MINIMO} caracteres (lleva ${largo}).`;
  if (largo > MOTIVO_MAXIMO) return `El motivo admite como máximo ${MOTIVO_MAXIMO} caracteres (lleva ${largo}).`;
  return null;
}
