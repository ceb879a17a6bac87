import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './estilos.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { CLAVE_SESION } from '@/features/auth/api/sesion';
import type { EstadoSesion } from '@/features/auth/types';
import { configurarApiClient } from '@/lib/api-client';
import { crearQueryClient } from '@/lib/query-client';
import { resolverVariables, tema } from './tema';

interface AppProviderProps {
  children: ReactNode;
  queryClient?: QueryClient;
}

/** Tema, notificaciones y caché del servidor; conecta la sesión expirada con la pantalla de inicio. */
export function AppProvider({ children, queryClient: externo }: AppProviderProps) {
  const [queryClient] = useState(() => externo ?? crearQueryClient());

  useEffect(() => {
    configurarApiClient({
      // La guarda de sesión ve `usuario: null` y lleva a /login con el aviso y la ruta de regreso.
      alExpirarSesion: () => {
        const expirada: EstadoSesion = { usuario: null, motivo: 'expirada' };
        queryClient.setQueryData(CLAVE_SESION, expirada);
      },
    });
  }, [queryClient]);

  return (
    <MantineProvider theme={tema} cssVariablesResolver={resolverVariables} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
