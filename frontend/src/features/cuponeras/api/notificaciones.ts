import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { PaginaDe } from '@/lib/pagina';
import type { Notificacion } from '../types';
import { CLAVE_CUPONERAS } from './contratos';

const CLAVE_NOTIFICACIONES = [...CLAVE_CUPONERAS, 'notificaciones'] as const;
/** Cada cuánto se vuelve a contar lo no leído (además de al volver a la pestaña). */
const INTERVALO_CONTADOR_MS = 60_000;
export const POR_PAGINA_NOTIFICACIONES = 20;

/** La página de notificaciones con `no_leidas` (cuántas sin leer en total, no solo en esta página). */
export type PaginaNotificaciones = PaginaDe<Notificacion> & { no_leidas?: number };

export function notificaciones(
  { soloNoLeidas = false, pagina = 1, porPagina = POR_PAGINA_NOTIFICACIONES }: { soloNoLeidas?: boolean; pagina?: number; porPagina?: number },
  signal?: AbortSignal,
): Promise<PaginaNotificaciones> {
  return solicitar<PaginaNotificaciones>('/api/notificaciones', {
    parametros: { no_leidas: soloNoLeidas ? 'true' : undefined, pagina, por_pagina: porPagina },
    signal,
  });
}

export function useNotificaciones(pagina: number) {
  return useQuery({
    queryKey: [...CLAVE_NOTIFICACIONES, 'pagina', pagina],
    queryFn: ({ signal }) => notificaciones({ pagina }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Cuántas sin leer: basta una notificación por página, el total viene en `no_leidas` (o `total`). */
export function useNoLeidas() {
  return useQuery({
    queryKey: [...CLAVE_NOTIFICACIONES, 'no-leidas'],
    queryFn: async ({ signal }) => {
      const pagina = await notificaciones({ soloNoLeidas: true, porPagina: 1 }, signal);
      return pagina.no_leidas ?? pagina.total;
    },
    refetchInterval: INTERVALO_CONTADOR_MS,
  });
}

export function useMarcarLeida() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => solicitar<Notificacion>(`/api/notificaciones/${id}/leida`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_NOTIFICACIONES }),
  });
}

export function useMarcarTodas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => solicitar<{ marcadas: number }>('/api/notificaciones/leidas', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_NOTIFICACIONES }),
  });
}
