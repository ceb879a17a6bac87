import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { ResumenCliente } from '../resumen-types';

// Empieza por 'clientes': abrir un resumen cuenta como abrir al cliente (recientes) y una fusión lo refresca.
export const claveResumen = (clienteId: number) => ['clientes', clienteId, 'resumen'] as const;

export function obtenerResumen(clienteId: number, signal?: AbortSignal): Promise<ResumenCliente> {
  return solicitar<ResumenCliente>(`/api/clientes/${clienteId}/resumen`, { signal });
}

/** El cliente de un vistazo (se audita como una apertura del cliente). */
export function useResumenCliente(clienteId: number) {
  return useQuery({ queryKey: claveResumen(clienteId), queryFn: ({ signal }) => obtenerResumen(clienteId, signal) });
}
