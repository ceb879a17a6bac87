/** Sobre paginado de las listas de la API (`controllers/paginacion.py`, `pagina_de`). */
export interface PaginaDe<T> {
  items: T[];
  pagina: number;
  por_pagina: number;
  total: number;
  paginas: number;
}

/** Una lista que puede llegar como arreglo o dentro del sobre paginado: siempre el arreglo. */
export function comoLista<T>(respuesta: T[] | { items: T[] } | null | undefined): T[] {
  if (!respuesta) return [];
  return Array.isArray(respuesta) ? respuesta : respuesta.items;
}

/** Una lista con cuántas filas tiene en total (aunque llegue solo una parte): nada se corta en silencio. */
export interface ListaConTotal<T> {
  items: T[];
  total: number;
}

/** La lista y su total: el `total` del sobre paginado o, si llega un arreglo entero, su largo. */
export function conTotal<T>(respuesta: T[] | PaginaDe<T> | null | undefined): ListaConTotal<T> {
  if (!respuesta) return { items: [], total: 0 };
  return Array.isArray(respuesta) ? { items: respuesta, total: respuesta.length } : { items: respuesta.items, total: respuesta.total };
}
