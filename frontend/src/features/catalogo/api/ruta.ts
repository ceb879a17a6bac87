import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { normalizarPortafolio, type PortafolioRecibido } from '../lib/normalizar';
import type { Portafolio, RutaVendedor } from '../types';

export function obtenerMiRuta(signal?: AbortSignal): Promise<RutaVendedor> {
  return solicitar<RutaVendedor>('/api/vendedores/yo/ruta', { signal });
}

/** El portafolio vigente hoy para el tipo del establecimiento (404 si el tipo no tiene). */
export async function obtenerPortafolioDeEstablecimiento(id: number, signal?: AbortSignal): Promise<Portafolio> {
  return normalizarPortafolio(await solicitar<PortafolioRecibido>(`/api/establecimientos/${id}/portafolio`, { signal }));
}

export function useMiRuta() {
  return useQuery({ queryKey: ['catalogo', 'mi-ruta'], queryFn: ({ signal }) => obtenerMiRuta(signal) });
}

export function usePortafolioDeEstablecimiento(id: number) {
  return useQuery({
    queryKey: ['catalogo', 'mi-ruta', 'portafolio', id],
    queryFn: ({ signal }) => obtenerPortafolioDeEstablecimiento(id, signal),
  });
}
