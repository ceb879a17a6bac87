import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { LIMITE_FEED } from '../lib/feed';
import type { RecientesEntregas } from '../types';
import { CLAVE_ENTREGAS } from './metricas';

export const CLAVE_RECIENTES = [...CLAVE_ENTREGAS, 'recientes'] as const;

export function obtenerRecientes(signal?: AbortSignal): Promise<RecientesEntregas> {
  return solicitar<RecientesEntregas>('/api/entregas/recientes', { parametros: { limite: LIMITE_FEED }, signal });
}

/** Los últimos pedidos registrados; los eventos en vivo se agregan arriba en esta misma caché. */
export function useRecientesEntregas() {
  return useQuery({ queryKey: CLAVE_RECIENTES, queryFn: ({ signal }) => obtenerRecientes(signal), staleTime: 0 });
}
