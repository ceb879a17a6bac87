import { Text } from '@mantine/core';
import { formatoEntero } from '@/lib/formato';

interface ConteoFilasProps {
  /** Cuántas filas tiene la lista completa (el `total` del servidor). */
  total: number;
  /** Cuántas se ven ahora (una página o un límite); si es menor que `total`, se dice. */
  mostradas?: number;
  /** Sustantivo en singular y plural: `['cliente', 'clientes']`. */
  unidad: readonly [string, string];
}

/** Toda lista dice cuántas filas tiene; si se ve solo una parte, lo dice también (nada se corta en silencio). */
export function ConteoFilas({ total, mostradas, unidad }: ConteoFilasProps) {
  const nombre = total === 1 ? unidad[0] : unidad[1];
  const parcial = mostradas !== undefined && mostradas < total;
  return (
    <Text size="sm" c="dimmed" data-testid="conteo-filas" aria-live="polite">
      {parcial ? `Se muestran ${formatoEntero(mostradas)} de ${formatoEntero(total)} ${nombre}` : `${formatoEntero(total)} ${nombre}`}
    </Text>
  );
}
