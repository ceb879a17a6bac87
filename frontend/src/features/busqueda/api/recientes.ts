import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { solicitar } from '@/lib/api-client';
import type { ClienteReciente } from '../types';

export const CLAVE_RECIENTES = ['yo', 'clientes-recientes'] as const;

export function obtenerRecientes(signal?: AbortSignal): Promise<{ items: ClienteReciente[] }> {
  return solicitar<{ items: ClienteReciente[] }>('/api/yo/clientes-recientes', { signal });
}

export function useClientesRecientes() {
  return useQuery({ queryKey: CLAVE_RECIENTES, queryFn: ({ signal }) => obtenerRecientes(signal) });
}

/**
 * ¿Esta consulta «abre» un cliente? Según el contrato, abrir es una consulta por documento
 * (`['clientes', 'buscar', …]`) o un resumen del cliente exitosos.
 */
export function esAperturaDeCliente(clave: QueryKey): boolean {
  return clave[0] === 'clientes' && (clave[1] === 'buscar' || clave.includes('resumen'));
}

/**
 * Refresca «Mis clientes recientes» cada vez que se abre un cliente. Se escucha la caché en vez
 * de acoplar esta funcionalidad a la consulta: venga de la caja, del formulario, de un enlace o del
 * botón Atrás, toda apertura pasa por ahí.
 */
export function useRefrescarRecientesAlAbrir(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((evento) => {
        if (evento.type === 'updated' && evento.action.type === 'success' && esAperturaDeCliente(evento.query.queryKey)) {
          void queryClient.invalidateQueries({ queryKey: CLAVE_RECIENTES });
        }
      }),
    [queryClient],
  );
}
