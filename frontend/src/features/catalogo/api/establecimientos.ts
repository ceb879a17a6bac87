import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { CambioEstablecimiento, Establecimiento, FiltrosEstablecimientos, NuevoEstablecimiento, PaginaDe } from '../types';

export const CLAVE_ESTABLECIMIENTOS = ['catalogo', 'establecimientos'] as const;
export const POR_PAGINA_ESTABLECIMIENTOS = 20;

export function listarEstablecimientos(filtros: FiltrosEstablecimientos, signal?: AbortSignal): Promise<PaginaDe<Establecimiento>> {
  return solicitar<PaginaDe<Establecimiento>>('/api/establecimientos', {
    parametros: { ...filtros, por_pagina: POR_PAGINA_ESTABLECIMIENTOS },
    signal,
  });
}

export function crearEstablecimiento(datos: NuevoEstablecimiento): Promise<Establecimiento> {
  return solicitar<Establecimiento>('/api/establecimientos', { method: 'POST', cuerpo: datos });
}

export function cambiarEstablecimiento(id: number, cambio: CambioEstablecimiento): Promise<Establecimiento> {
  return solicitar<Establecimiento>(`/api/establecimientos/${id}`, { method: 'PATCH', cuerpo: cambio });
}

export function useEstablecimientos(filtros: FiltrosEstablecimientos) {
  return useQuery({
    queryKey: [...CLAVE_ESTABLECIMIENTOS, filtros],
    queryFn: ({ signal }) => listarEstablecimientos(filtros, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useCrearEstablecimiento() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: crearEstablecimiento,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_ESTABLECIMIENTOS }),
  });
}

export function useCambiarEstablecimiento() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cambio }: { id: number; cambio: CambioEstablecimiento }) => cambiarEstablecimiento(id, cambio),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_ESTABLECIMIENTOS }),
  });
}
