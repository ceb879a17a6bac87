import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { ConsultaDocumento, ResultadoBusqueda } from '../types';

export const claveBusqueda = (consulta: ConsultaDocumento) => ['clientes', 'buscar', consulta.tipo, consulta.numero] as const;

export function buscarCliente({ tipo, numero }: ConsultaDocumento, signal?: AbortSignal): Promise<ResultadoBusqueda> {
  return solicitar<ResultadoBusqueda>('/api/clientes/buscar', {
    parametros: { tipo_documento: tipo, numero_documento: numero },
    signal,
  });
}

const opcionesBusqueda = (consulta: ConsultaDocumento) =>
  queryOptions({
    queryKey: claveBusqueda(consulta),
    queryFn: ({ signal }) => buscarCliente(consulta, signal),
    staleTime: 0,
  });

/** Busca al cliente; mientras llega una búsqueda nueva se conserva el resultado anterior (atenuado). */
export function useBuscarCliente(consulta: ConsultaDocumento | null) {
  return useQuery({
    ...opcionesBusqueda(consulta ?? { tipo: '', numero: '' }),
    enabled: consulta !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * Lanza la petición en el mismo instante del Enter, antes de que la navegación y el renderizado
 * lleguen al `useQuery` (que luego se engancha a la misma petición en curso).
 */
export function useAdelantarBusqueda() {
  const queryClient = useQueryClient();
  return (consulta: ConsultaDocumento) => {
    void queryClient.prefetchQuery(opcionesBusqueda(consulta));
  };
}
