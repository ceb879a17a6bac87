import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { descargarArchivo, guardarArchivo, solicitar } from '@/lib/api-client';
import type { ParametrosReporte, ResumenFidelizacion } from '../types';

export function obtenerResumen({ mes, umbral }: ParametrosReporte, signal?: AbortSignal): Promise<ResumenFidelizacion> {
  return solicitar<ResumenFidelizacion>('/api/reportes/fidelizacion/resumen', { parametros: { mes, umbral }, signal });
}

export function useResumenFidelizacion(parametros: ParametrosReporte) {
  return useQuery({
    queryKey: ['reportes', 'fidelizacion', parametros.mes, parametros.umbral],
    queryFn: ({ signal }) => obtenerResumen(parametros, signal),
    placeholderData: keepPreviousData,
  });
}

export async function descargarReporte({ mes, umbral }: ParametrosReporte): Promise<string> {
  const archivo = await descargarArchivo('/api/reportes/fidelizacion', { mes, umbral, origen: 'pantalla' }, `fidelizacion_${mes}.xlsx`);
  guardarArchivo(archivo);
  return archivo.nombre;
}

export function useDescargarReporte() {
  return useMutation({ mutationFn: descargarReporte });
}
