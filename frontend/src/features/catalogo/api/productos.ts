import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from '@/lib/api-client';
import type { CambioProducto, FiltrosProductos, NuevoProducto, PaginaDe, Producto } from '../types';

export const CLAVE_PRODUCTOS = ['catalogo', 'productos'] as const;
export const POR_PAGINA_PRODUCTOS = 20;

export function listarProductos(
  filtros: FiltrosProductos,
  signal?: AbortSignal,
  porPagina = POR_PAGINA_PRODUCTOS,
): Promise<PaginaDe<Producto>> {
  return solicitar<PaginaDe<Producto>>('/api/productos', { parametros: { ...filtros, por_pagina: porPagina }, signal });
}

export function crearProducto(datos: NuevoProducto): Promise<Producto> {
  return solicitar<Producto>('/api/productos', { method: 'POST', cuerpo: datos });
}

export function cambiarProducto(codigo: string, cambio: CambioProducto): Promise<Producto> {
  return solicitar<Producto>(`/api/productos/${encodeURIComponent(codigo)}`, { method: 'PATCH', cuerpo: cambio });
}

export function useProductos(filtros: FiltrosProductos) {
  return useQuery({
    queryKey: [...CLAVE_PRODUCTOS, filtros],
    queryFn: ({ signal }) => listarProductos(filtros, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Productos activos para agregar a un portafolio (pocos resultados: se busca mientras se escribe). */
export function useBuscarProductosActivos(q: string) {
  return useQuery({
    queryKey: [...CLAVE_PRODUCTOS, 'activos', q],
    queryFn: ({ signal }) => listarProductos({ q, activo: 'true', pagina: 1 }, signal, 8),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCrearProducto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: crearProducto,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_PRODUCTOS }),
  });
}

export function useCambiarProducto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ codigo, cambio }: { codigo: string; cambio: CambioProducto }) => cambiarProducto(codigo, cambio),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAVE_PRODUCTOS }),
  });
}
