import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { MetricasEntregas } from '../types';

export const CLAVE_ENTREGAS = ['entregas'] as const;
export const CLAVE_METRICAS = [...CLAVE_ENTREGAS, 'metricas'] as const;

/** La ventana de «pedidos en los últimos minutos». */
export const MINUTOS_RECIENTES = 10;
/** Aunque no lleguen pedidos, la ventana de 60 min se corre: se relee cada tanto. */
const REFRESCO_VENTANA_MS = 60_000;

export function obtenerMetricas(ventana: { desde?: string; hasta?: string } = {}, signal?: AbortSignal): Promise<MetricasEntregas> {
  return solicitar<MetricasEntregas>('/api/entregas/metricas', { parametros: ventana, signal });
}

/** Métricas de la última hora (la ventana por defecto del servidor). */
export function useMetricasEntregas() {
  return useQuery({
    queryKey: [...CLAVE_METRICAS, 'hora'],
    queryFn: ({ signal }) => obtenerMetricas({}, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: REFRESCO_VENTANA_MS,
  });
}

/**
 * Métricas de los últimos `MINUTOS_RECIENTES` minutos hasta el `hasta` que dio el servidor en la
 * consulta de la hora: así la ventana usa el reloj del servidor, no el del navegador.
 */
export function useMetricasRecientes(hasta: string | undefined) {
  return useQuery({
    queryKey: [...CLAVE_METRICAS, 'recientes', hasta],
    queryFn: ({ signal }) => {
      const fin = new Date(hasta as string);
      const desde = new Date(fin.getTime() - MINUTOS_RECIENTES * 60_000);
      return obtenerMetricas({ desde: desde.toISOString(), hasta: fin.toISOString() }, signal);
    },
    enabled: Boolean(hasta),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
