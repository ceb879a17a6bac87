import { Badge } from '@mantine/core';
import { colorEstado, nombreEstado } from '../lib/etiquetas';

/** Estado de un contrato, factura, cupón o beneficio: texto (no solo color). */
export function Estado({ estado }: { estado: string }) {
  return (
    <Badge color={colorEstado(estado)} variant="light" tt="none" data-estado={estado}>
      {nombreEstado(estado)}
    </Badge>
  );
}
