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

/** Descarga el Excel y devuelve su nombre y cuántas filas (clientes) trae, según `X-Total-Filas`. */
export async function descargarReporte({ mes, umbral }: ParametrosReporte): Promise<{ nombre: string; filas?: number }> {
  const archivo = await descargarArchivo('/api/reportes/fidelizacion', { mes, umbral, origen: 'pantalla' }, `fidelizacion_${mes}.xlsx`);
  guardarArchivo(archivo);
  return { nombre: archivo.nombre, filas: archivo.filas };
}

export function useDescargarReporte() {
  return useMutation({ mutationFn: descargarReporte });
}
