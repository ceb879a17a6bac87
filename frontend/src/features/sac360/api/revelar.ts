import { useMutation } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { CampoContacto, DatoRevelado } from '../resumen-types';

export function revelarDato(clienteId: number, campo: CampoContacto, motivo: string): Promise<DatoRevelado> {
  return solicitar<DatoRevelado>(`/api/clientes/${clienteId}/revelar`, { method: 'POST', cuerpo: { campo, motivo } });
}

/**
 * Revela un dato enmascarado con su motivo (queda en la auditoría). El valor no se guarda en la
 * caché de consultas: vive solo en el estado del componente que lo muestra.
 */
export function useRevelarDato(clienteId: number, campo: CampoContacto) {
  return useMutation({ mutationFn: (motivo: string) => revelarDato(clienteId, campo, motivo), gcTime: 0 });
}
