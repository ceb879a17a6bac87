import { Badge } from '@mantine/core';

/** Colores oscuros con texto blanco: contraste AA (≥ 4.5:1) en los tres estados. */
const ESTADOS: Record<string, { etiqueta: string; color: string }> = {
  pagada: { etiqueta: 'Pagada', color: '#1b5e20' },
  anulada: { etiqueta: 'Anulada', color: '#b71c1c' },
  devuelta: { etiqueta: 'Devuelta', color: '#7a4100' },
};

export function EstadoCompra({ estado }: { estado: string }) {
  const info = ESTADOS[estado] ?? { etiqueta: estado, color: '#495057' };
  return (
    <Badge color={info.color} variant="filled" radius="sm" tt="none">
      {info.etiqueta}
    </Badge>
  );
}
