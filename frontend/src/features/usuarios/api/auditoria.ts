import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { FiltrosAuditoria, PaginaAuditoria } from '../types';

export const POR_PAGINA_AUDITORIA = 25;

export function obtenerAuditoria(filtros: FiltrosAuditoria, signal?: AbortSignal): Promise<PaginaAuditoria> {
  return solicitar<PaginaAuditoria>('/api/auditoria', {
    parametros: { ...filtros, por_pagina: POR_PAGINA_AUDITORIA },
    signal,
  });
}

export function useAuditoria(filtros: FiltrosAuditoria) {
  return useQuery({
    queryKey: ['auditoria', filtros],
    queryFn: ({ signal }) => obtenerAuditoria(filtros, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
