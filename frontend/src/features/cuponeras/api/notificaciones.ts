import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { Notificacion } from '../types';
import { CLAVE_CUPONERAS } from './contratos';

const CLAVE_NOTIFICACIONES = [...CLAVE_CUPONERAS, 'notificaciones'] as const;
/** Cada cuánto se vuelve a contar lo no leído (además de al volver a la pestaña). */
const INTERVALO_CONTADOR_MS = 60_000;

/** `GET /api/notificaciones`: las propias, las más nuevas primero (un arreglo, sin paginación);
 * con `soloNoLeidas`, solo las que no se han leído. */
export function notificaciones({ soloNoLeidas = false }: { soloNoLeidas?: boolean } = {}, signal?: AbortSignal): Promise<Notificacion[]> {
  return solicitar<Notificacion[]>('/api/notificaciones', {
    parametros: { no_leidas: soloNoLeidas ? 'true' : undefined },
    signal,
  });
}

/** Todas las notificaciones propias (la página de notificaciones). */
export function useNotificaciones() {
  return useQuery({
    queryKey: [...CLAVE_NOTIFICACIONES, 'todas'],
    queryFn: ({ signal }) => notificaciones({}, signal),
  });
}

/** Cuántas sin leer (el contador del encabezado): el largo de la lista con `no_leidas=true`. */
export function useNoLeidas() {
  return useQuery({
    queryKey: [...CLAVE_NOTIFICACIONES, 'no-leidas'],
    queryFn: async ({ signal }) => (await notificaciones({ soloNoLeidas: true }, signal)).length,
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
