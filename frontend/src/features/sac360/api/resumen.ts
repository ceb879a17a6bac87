import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { ResumenCliente } from '../resumen-types';

export const claveResumen = (clienteId: number) => ['sac360', 'resumen', clienteId] as const;

export function obtenerResumen(clienteId: number, signal?: AbortSignal): Promise<ResumenCliente> {
  return solicitar<ResumenCliente>(`/api/clientes/${clienteId}/resumen`, { signal });
}

/** El cliente de un vistazo (se audita como una apertura del cliente). */
export function useResumenCliente(clienteId: number) {
  return useQuery({ queryKey: claveResumen(clienteId), queryFn: ({ signal }) => obtenerResumen(clienteId, signal) });
}
