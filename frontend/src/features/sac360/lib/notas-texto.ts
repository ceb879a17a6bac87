/** Límites de una nota de llamada (`nota_controller.LARGO_TEXTO`, `LARGO_MOTIVO`). */
export const LARGO_NOTA = 2000;
export const LARGO_MOTIVO_NOTA = 300;

/** El texto se cuenta sin los espacios de los extremos, como en el servidor. */
export function errorTextoNota(texto: string): string | null {
  const largo = texto.trim().length;
  if (largo < 1) return 'Escriba la nota.';
  if (largo > LARGO_NOTA) return `La nota admite como máximo ${LARGO_NOTA} caracteres (lleva ${largo}).`;
  return null;
}
