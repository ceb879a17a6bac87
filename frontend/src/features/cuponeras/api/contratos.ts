import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { comoLista, type PaginaDe } from '@/lib/pagina';
import type { Contrato, EventoHistorial } from '../types';

export const CLAVE_CUPONERAS = ['cuponeras'] as const;
export const claveContrato = (numero: string) => [...CLAVE_CUPONERAS, 'contrato', numero] as const;

/** Contratos del cliente en sesión (portal). */
export async function misContratos(signal?: AbortSignal): Promise<Contrato[]> {
  return comoLista(await solicitar<Contrato[] | PaginaDe<Contrato>>('/api/portal/contratos', { signal }));
}

/** Un contrato por su número, con su titular (SAC). */
export function buscarContrato(numero: string, signal?: AbortSignal): Promise<Contrato> {
  return solicitar<Contrato>('/api/contratos', { parametros: { numero }, signal });
}

export async function historialContrato(numero: string, signal?: AbortSignal): Promise<EventoHistorial[]> {
  const ruta = `/api/contratos/${encodeURIComponent(numero)}/historial`;
  return comoLista(await solicitar<EventoHistorial[] | PaginaDe<EventoHistorial>>(ruta, { signal }));
}

export function useMisContratos() {
  return useQuery({ queryKey: [...CLAVE_CUPONERAS, 'mis-contratos'], queryFn: ({ signal }) => misContratos(signal) });
}

export function useBuscarContrato(numero: string | null) {
  return useQuery({
    queryKey: claveContrato(numero ?? ''),
    queryFn: ({ signal }) => buscarContrato(numero ?? '', signal),
    enabled: Boolean(numero),
  });
}

export function useHistorial(numero: string) {
  return useQuery({ queryKey: [...claveContrato(numero), 'historial'], queryFn: ({ signal }) => historialContrato(numero, signal) });
}
