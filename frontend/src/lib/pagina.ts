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
