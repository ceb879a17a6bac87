import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { descargarArchivo, guardarArchivo, solicitar } from '@/lib/api-client';
import type { PaginaDe } from '@/lib/pagina';
import type { ItemHistorialReporte } from '../types';

export const POR_PAGINA_HISTORIAL = 20;

export function listarHistorial(pagina: number, signal?: AbortSignal): Promise<PaginaDe<ItemHistorialReporte>> {
  return solicitar<PaginaDe<ItemHistorialReporte>>('/api/reportes/historial', {
    parametros: { pagina, por_pagina: POR_PAGINA_HISTORIAL },
    signal,
  });
}

export function useHistorialReportes(pagina: number) {
  return useQuery({
    queryKey: ['reportes', 'historial', pagina],
    queryFn: ({ signal }) => listarHistorial(pagina, signal),
    placeholderData: keepPreviousData,
  });
}

/** Baja otra vez el archivo exacto que se generó, con el nombre que da el servidor. */
export async function descargarDelHistorial(item: Pick<ItemHistorialReporte, 'id' | 'mes'>): Promise<string> {
  const archivo = await descargarArchivo(`/api/reportes/historial/${item.id}/archivo`, {}, `fidelizacion_${item.mes}.xlsx`);
  guardarArchivo(archivo);
  return archivo.nombre;
}

export function useDescargarDelHistorial() {
  return useMutation({ mutationFn: descargarDelHistorial });
}
