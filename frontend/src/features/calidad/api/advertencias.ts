import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { PaginaDe } from '@/lib/pagina';
import type { Advertencia, FiltrosAdvertencias } from '../types';

export const POR_PAGINA_ADVERTENCIAS = 20;
export const CLAVE_CALIDAD = ['calidad'] as const;

export function listarAdvertencias(filtros: FiltrosAdvertencias, signal?: AbortSignal): Promise<PaginaDe<Advertencia>> {
  return solicitar<PaginaDe<Advertencia>>('/api/calidad/advertencias', {
    parametros: { tipo: filtros.tipo, pagina: filtros.pagina, por_pagina: POR_PAGINA_ADVERTENCIAS },
    signal,
  });
}

export function useAdvertencias(filtros: FiltrosAdvertencias) {
  return useQuery({
    queryKey: [...CLAVE_CALIDAD, 'advertencias', filtros.tipo ?? 'todas', filtros.pagina],
    queryFn: ({ signal }) => listarAdvertencias(filtros, signal),
    placeholderData: keepPreviousData,
  });
}
