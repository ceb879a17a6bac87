import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTituloPagina } from '@/hooks/use-titulo-pagina';

interface PaginaProps {
  titulo: string;
  descripcion?: ReactNode;
  acciones?: ReactNode;
  children: ReactNode;
}

/** Encabezado común de cada pantalla: título visible (h1) y título de la pestaña. */
export function Pagina({ titulo, descripcion, acciones, children }: PaginaProps) {
  useTituloPagina(titulo);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {titulo}
          </Title>
          {descripcion ? (
            <Text c="dimmed" size="sm" mt={4}>
              {descripcion}
            </Text>
          ) : null}
        </div>
        {acciones}
      </Group>
      {children}
    </Stack>
  );
}
