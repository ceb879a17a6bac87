import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTituloPagina } from '@/hooks/use-titulo-pagina';

interface TarjetaAccesoProps {
  titulo: string;
  subtitulo: string;
  ancho?: number;
  children: ReactNode;
}

/** Pantallas sin sesión (iniciar sesión, registro del portal, verificación): tarjeta centrada con su h1. */
export function TarjetaAcceso({ titulo, subtitulo, ancho = 400, children }: TarjetaAccesoProps) {
  useTituloPagina(titulo);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={ancho}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              {titulo}
            </Title>
            <Text c="dimmed" size="sm">
              {subtitulo}
            </Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
