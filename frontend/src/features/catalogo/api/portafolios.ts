import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { conTotal, type ListaConTotal } from '@/lib/pagina';
import { normalizarPortafolio, type PortafolioRecibido } from '../lib/normalizar';
import type { NuevoPortafolio, PaginaDe, Portafolio, PortafolioResumen } from '../types';

export const CLAVE_PORTAFOLIOS = ['catalogo', 'portafolios'] as const;

/** El contrato no fija si la lista va paginada: se aceptan el arreglo y el sobre `{items, …}`.
 * Hasta 100 portafolios (el máximo por página) con el total: si hay más, la pantalla lo dice. */
export async function listarPortafolios(tipo: string | undefined, signal?: AbortSignal): Promise<ListaConTotal<PortafolioResumen>> {
  const respuesta = await solicitar<PortafolioResumen[] | PaginaDe<PortafolioResumen>>('/api/portafolios', {
    parametros: { tipo, por_pagina: 100 },
    signal,
  });
  return conTotal(respuesta);
}

export async function obtenerPortafolio(id: number, signal?: AbortSignal): Promise<Portafolio> {
  return normalizarPortafolio(await solicitar<PortafolioRecibido>(`/api/portafolios/${id}`, { signal }));
}

export async function crearPortafolio(datos: NuevoPortafolio): Promise<Portafolio> {
  return normalizarPortafolio(await solicitar<PortafolioRecibido>('/api/portafolios', { method: 'POST', cuerpo: datos }));
}

export function cambiarPortafolio(id: number, activo: boolean): Promise<PortafolioResumen> {
  return solicitar<PortafolioResumen>(`/api/portafolios/${id}`, { method: 'PATCH', cuerpo: { activo } });
}

export function usePortafolios(tipo: string | undefined) {
  return useQuery({
    queryKey: [...CLAVE_PORTAFOLIOS, 'lista', tipo ?? ''],
    queryFn: ({ signal }) => listarPortafolios(tipo, signal),
    staleTime: 0,
  });
}

export function usePortafolio(id: number | null) {
  return useQuery({
    queryKey: [...CLAVE_PORTAFOLIOS, 'uno', id],
    queryFn: ({ signal }) => obtenerPortafolio(id as number, signal),
    enabled: id !== null,
  });
}

export function useCrearPortafolio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: crearPortafolio,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_PORTAFOLIOS }),
  });
}

export function useCambiarPortafolio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, activo }: { id: number; activo: boolean }) => cambiarPortafolio(id, activo),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_PORTAFOLIOS }),
  });
}
