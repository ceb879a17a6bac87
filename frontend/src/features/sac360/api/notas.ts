import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { PaginaDe } from '@/lib/pagina';
import type { NotaCliente } from '../resumen-types';

export const NOTAS_POR_PAGINA = 10;
export const claveNotas = (clienteId: number) => ['sac360', 'notas', clienteId] as const;

export function listarNotas(clienteId: number, pagina: number, signal?: AbortSignal): Promise<PaginaDe<NotaCliente>> {
  return solicitar<PaginaDe<NotaCliente>>(`/api/clientes/${clienteId}/notas`, {
    parametros: { pagina, por_pagina: NOTAS_POR_PAGINA },
    signal,
  });
}

/** Notas de llamadas del cliente, de la más nueva a la más antigua. */
export function useNotasCliente(clienteId: number, pagina: number) {
  return useQuery({
    queryKey: [...claveNotas(clienteId), pagina],
    queryFn: ({ signal }) => listarNotas(clienteId, pagina, signal),
    placeholderData: keepPreviousData,
  });
}

export interface NuevaNota {
  texto: string;
  motivo?: string;
}

export function useCrearNota(clienteId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (nota: NuevaNota) =>
      solicitar<NotaCliente>(`/api/clientes/${clienteId}/notas`, { method: 'POST', cuerpo: nota }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claveNotas(clienteId) }),
  });
}

export function useEditarNota(clienteId: number, notaId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (texto: string) =>
      solicitar<NotaCliente>(`/api/clientes/${clienteId}/notas/${notaId}`, { method: 'PATCH', cuerpo: { texto } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claveNotas(clienteId) }),
  });
}
