import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { Compra, PaginaCompras } from '../types';

export const POR_PAGINA_COMPRAS = 20;

export function obtenerCompras(clienteId: number, pagina: number, signal?: AbortSignal): Promise<PaginaCompras> {
  return solicitar<PaginaCompras>(`/api/clientes/${clienteId}/compras`, {
    parametros: { pagina, por_pagina: POR_PAGINA_COMPRAS },
    signal,
  });
}

/**
 * Compras por páginas. En la primera página se muestran de inmediato las compras recientes que
 * ya trajo la búsqueda, mientras llega la página completa.
 */
export function useComprasCliente(clienteId: number, pagina: number, recientes: Compra[]) {
  return useQuery({
    queryKey: ['clientes', clienteId, 'compras', pagina],
    queryFn: ({ signal }) => obtenerCompras(clienteId, pagina, signal),
    placeholderData: (anterior, consultaAnterior) => {
      if (anterior && consultaAnterior?.queryKey[1] === clienteId) return anterior;
      if (pagina !== 1) return undefined;
      return { items: recientes, pagina: 1, por_pagina: POR_PAGINA_COMPRAS, total: recientes.length, paginas: 1 };
    },
  });
}
