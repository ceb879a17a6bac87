import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { comoLista, type PaginaDe } from '@/lib/pagina';
import type { Notificacion } from '../types';
import { CLAVE_CUPONERAS } from './contratos';

const CLAVE_NOTIFICACIONES = [...CLAVE_CUPONERAS, 'notificaciones'] as const;
/** Cada cuánto se vuelve a contar lo no leído (además de al volver a la pestaña). */
const INTERVALO_CONTADOR_MS = 60_000;

export async function notificaciones(soloNoLeidas: boolean, signal?: AbortSignal): Promise<Notificacion[]> {
  const respuesta = await solicitar<Notificacion[] | PaginaDe<Notificacion>>('/api/notificaciones', {
    parametros: { no_leidas: soloNoLeidas ? 'true' : undefined },
    signal,
  });
  return comoLista(respuesta);
}

export function useNotificaciones() {
  return useQuery({ queryKey: [...CLAVE_NOTIFICACIONES, 'todas'], queryFn: ({ signal }) => notificaciones(false, signal) });
}

export function useNoLeidas() {
  return useQuery({
    queryKey: [...CLAVE_NOTIFICACIONES, 'no-leidas'],
    queryFn: ({ signal }) => notificaciones(true, signal),
    refetchInterval: INTERVALO_CONTADOR_MS,
  });
}

export function useMarcarLeida() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => solicitar(`/api/notificaciones/${id}/leida`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_NOTIFICACIONES }),
  });
}

export function useMarcarTodas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => solicitar('/api/notificaciones/leidas', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_NOTIFICACIONES }),
  });
}
