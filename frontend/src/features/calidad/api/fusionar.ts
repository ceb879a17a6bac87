import { useMutation, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { ResultadoFusion, SolicitudFusion } from '../types';
import { CLAVE_CALIDAD } from './advertencias';

export function fusionarClientes({ sobreviviente, con, motivo }: SolicitudFusion): Promise<ResultadoFusion> {
  return solicitar<ResultadoFusion>(`/api/clientes/${sobreviviente}/fusionar`, {
    method: 'POST',
    cuerpo: { con, motivo: motivo.trim() },
  });
}

/** Al fusionar cambian las advertencias y los datos de ambos clientes: se vuelven a pedir. */
export function useFusionarClientes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fusionarClientes,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CLAVE_CALIDAD });
      void queryClient.invalidateQueries({ queryKey: ['clientes'] });
    },
  });
}
