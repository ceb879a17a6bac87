import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { RespuestaBusqueda } from '../types';

/** Cuántos resultados pide la caja; si hay más, la lista lo dice («Se muestran 20 de 134»). */
export const LIMITE_BUSQUEDA = 20;

export function buscarClientes(q: string, limite: number, signal?: AbortSignal): Promise<RespuestaBusqueda> {
  return solicitar<RespuestaBusqueda>('/api/clientes/busqueda', { parametros: { q, limite }, signal });
}

/**
 * Búsqueda de la caja única. Cada texto es una consulta: al cambiar, TanStack Query aborta la
 * petición anterior (su `signal`) y, mientras llega la nueva, se conservan los resultados previos.
 * `null` no busca.
 */
export function useBusquedaClientes(q: string | null) {
  return useQuery({
    queryKey: ['clientes', 'busqueda', q ?? '', LIMITE_BUSQUEDA],
    queryFn: ({ signal }) => buscarClientes(q ?? '', LIMITE_BUSQUEDA, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}
