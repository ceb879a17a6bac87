import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';

export interface TipoDocumento {
  codigo: string;
  nombre: string;
}

export const CLAVE_TIPOS_DOCUMENTO = ['tipos-documento'] as const;

export function obtenerTiposDocumento(signal?: AbortSignal): Promise<TipoDocumento[]> {
  return solicitar<TipoDocumento[]>('/api/tipos-documento', { signal });
}

/** Catálogo de tipos de documento (cambia casi nunca: se pide una vez por sesión). */
export function useTiposDocumento() {
  return useQuery({
    queryKey: CLAVE_TIPOS_DOCUMENTO,
    queryFn: ({ signal }) => obtenerTiposDocumento(signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
