import { http, HttpResponse } from 'msw';
import { ENCONTRADA_MARIA, respuestaBusqueda } from '../datos-busqueda';

/** Caja de búsqueda y clientes recientes (M10): María por su teléfono; nada para lo demás. */
export const handlersBusqueda = [
  http.get('*/api/clientes/busqueda', ({ request }) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    if (q.replace(/\D/g, '').endsWith('3025551002')) return HttpResponse.json(respuestaBusqueda('telefono', [ENCONTRADA_MARIA]));
    return HttpResponse.json(respuestaBusqueda('nombre', []));
  }),
  http.get('*/api/yo/clientes-recientes', () => HttpResponse.json({ items: [] })),
];
