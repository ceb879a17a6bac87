import { Badge } from '@mantine/core';
import { hoyEnBogota } from '@/lib/formato';
import type { PortafolioResumen } from '../types';

/** Vigente hoy / Programado (activo, fecha por llegar) / Anterior (activo, ya reemplazado) / Inactivo. */
export function EstadoPortafolio({ portafolio }: { portafolio: Pick<PortafolioResumen, 'vigente' | 'activo' | 'vigente_desde'> }) {
  const [etiqueta, color] = portafolio.vigente
    ? ['Vigente hoy', '#1b5e20']
    : !portafolio.activo
      ? ['Inactivo', '#495057']
      : portafolio.vigente_desde > hoyEnBogota()
        ? ['Programado', '#1c4f8a']
        : ['Anterior', '#5c3d99'];
  return (
    <Badge color={color} variant="filled" tt="none" style={{ minWidth: 'max-content' }}>
      {etiqueta}
    </Badge>
  );
}
