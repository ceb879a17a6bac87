import { Badge } from '@mantine/core';
import type { PortafolioResumen } from '../types';

/** Vigente hoy / Programado o anterior (activo) / Inactivo. */
export function EstadoPortafolio({ portafolio }: { portafolio: Pick<PortafolioResumen, 'vigente' | 'activo'> }) {
  if (portafolio.vigente) {
    return (
      <Badge color="#1b5e20" variant="filled" tt="none">
        Vigente hoy
      </Badge>
    );
  }
  return (
    <Badge color={portafolio.activo ? '#1c4f8a' : '#495057'} variant="filled" tt="none">
      {portafolio.activo ? 'Activo (no vigente)' : 'Inactivo'}
    </Badge>
  );
}
