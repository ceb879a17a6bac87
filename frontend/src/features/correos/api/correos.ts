import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { PaginaDe } from '@/lib/pagina';
import type { Correo, FiltrosCorreos } from '../types';

export const POR_PAGINA_CORREOS = 20;

export function listarCorreos(filtros: FiltrosCorreos, signal?: AbortSignal): Promise<PaginaDe<Correo>> {
  return solicitar<PaginaDe<Correo>>('/api/correos', { parametros: { ...filtros, por_pagina: POR_PAGINA_CORREOS }, signal });
}

export function useCorreos(filtros: FiltrosCorreos) {
  return useQuery({
    queryKey: ['correos', filtros],
    queryFn: ({ signal }) => listarCorreos(filtros, signal),
    placeholderData: keepPreviousData,
  });
}
