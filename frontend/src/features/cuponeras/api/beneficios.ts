import { useQuery } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import { comoLista, type PaginaDe } from '@/lib/pagina';
import type { Beneficio } from '../types';
import { CLAVE_CUPONERAS } from './contratos';

export async function misBeneficios(signal?: AbortSignal): Promise<Beneficio[]> {
  return comoLista(await solicitar<Beneficio[] | PaginaDe<Beneficio>>('/api/portal/beneficios', { signal }));
}

export function useMisBeneficios(activo = true) {
  return useQuery({ queryKey: [...CLAVE_CUPONERAS, 'beneficios'], queryFn: ({ signal }) => misBeneficios(signal), enabled: activo });
}
