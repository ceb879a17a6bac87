import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Un par etiqueta/valor dentro de un `<dl>`; sin valor muestra «—». */
export function Dato({ etiqueta, children }: { etiqueta: string; children?: ReactNode }) {
  const vacio = children === null || children === undefined || children === '';
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {etiqueta}
      </Text>
      <Text component="dd" m={0}>
        {vacio ? '—' : children}
      </Text>
    </div>
  );
}
