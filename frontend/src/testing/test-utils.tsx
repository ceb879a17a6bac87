import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { resolverVariables, tema } from '@/app/tema';
import { crearQueryClient } from '@/lib/query-client';

interface Opciones {
  /** Ruta inicial, con su cadena de consulta. */
  ruta?: string;
  queryClient?: QueryClient;
}

function Proveedores({ queryClient, children }: { queryClient: QueryClient; children: ReactElement }) {
  return (
    <MantineProvider theme={tema} cssVariablesResolver={resolverVariables}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

export function crearQueryClientPruebas(): QueryClient {
  const cliente = crearQueryClient();
  cliente.setDefaultOptions({ queries: { retry: false, staleTime: 0, gcTime: Infinity }, mutations: { retry: false } });
  return cliente;
}

/** Renderiza `ui` dentro de un enrutador en memoria con el tema y la caché de la app. */
export function renderizar(ui: ReactElement, { ruta = '/', queryClient = crearQueryClientPruebas() }: Opciones = {}) {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [ruta] });
  const persona = userEvent.setup();
  const resultado = render(
    <Proveedores queryClient={queryClient}>
      <RouterProvider router={router} />
    </Proveedores>,
  );
  return { ...resultado, persona, router, queryClient };
}

/** Quita los espacios de no separación que pone Intl (para comparar textos). */
export const sinNbsp = (texto: string | null | undefined) => (texto ?? '').replace(/\u00a0/g, ' ');

/** Escribe de una vez (pegar): mucho más rápido que tecla por tecla en formularios largos. */
export async function escribir(persona: UserEvent, campo: HTMLElement, texto: string): Promise<void> {
  await persona.click(campo);
  await persona.paste(texto);
}
