import { Badge } from '@mantine/core';

/** Tonos oscuros con texto blanco: contraste AA (≥ 4.5:1), como Estado de compra y Activo. */
const TONOS = {
  exito: '#1b5e20',
  peligro: '#b71c1c',
  aviso: '#7a4100',
  info: '#0b5d7a',
  neutro: '#495057',
} as const;

export type Tono = keyof typeof TONOS;

/** Estado con texto (no solo color). */
export function InsigniaEstado({ etiqueta, tono, valor }: { etiqueta: string; tono: Tono; valor?: string }) {
  return (
    <Badge color={TONOS[tono]} variant="filled" radius="sm" tt="none" data-estado={valor} style={{ minWidth: 'max-content' }}>
      {etiqueta}
    </Badge>
  );
}
