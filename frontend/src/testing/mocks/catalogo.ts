import { http, HttpResponse } from 'msw';
import type { Producto } from '@/features/catalogo/types';
import { ESTABLECIMIENTOS, LISTA_PORTAFOLIOS, pagina, PORTAFOLIO_TIENDA, PRODUCTOS, RUTA, TIENDA_LUCHO } from '../datos-catalogo';
import { errorApi } from './respuestas';

const sinTildes = (texto: string) => texto.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** `q` como el contrato: prefijo del código o cualquier parte del nombre, sin tildes ni mayúsculas. */
export function coincide(p: Producto, q: string): boolean {
  const buscado = sinTildes(q);
  return sinTildes(p.codigo).startsWith(buscado) || sinTildes(p.nombre).includes(buscado);
}

/** M7 Catálogo: datos fijos y felices; cada prueba reemplaza lo que necesita con `servidor.use(...)`. */
export const handlersCatalogo = [
  http.get('*/api/productos', ({ request }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const categoria = url.searchParams.get('categoria');
    const activo = url.searchParams.get('activo');
    const items = PRODUCTOS.filter(
      (p) => (!q || coincide(p, q)) && (!categoria || p.categoria === categoria) && (activo === null || String(p.activo) === activo),
    );
    return HttpResponse.json(pagina(items, Number(url.searchParams.get('pagina') ?? 1), Number(url.searchParams.get('por_pagina') ?? 20)));
  }),
  http.post('*/api/productos', async ({ request }) => {
    const cuerpo = (await request.json()) as Partial<Producto>;
    return HttpResponse.json({ ...PRODUCTOS[0], ...cuerpo, id: 99, activo: true }, { status: 201 });
  }),
  http.patch('*/api/productos/:codigo', async ({ params, request }) => {
    const actual = PRODUCTOS.find((p) => p.codigo === params.codigo);
    if (!actual) return errorApi(404, 'no_encontrado', 'No existe un producto con ese código.');
    return HttpResponse.json({ ...actual, ...((await request.json()) as object) });
  }),
  http.get('*/api/establecimientos', () => HttpResponse.json(pagina(ESTABLECIMIENTOS))),
  http.post('*/api/establecimientos', async ({ request }) =>
    HttpResponse.json({ ...TIENDA_LUCHO, ...((await request.json()) as object), id: 98, vendedor: null }, { status: 201 }),
  ),
  http.patch('*/api/establecimientos/:id', async ({ params, request }) => {
    const actual = ESTABLECIMIENTOS.find((e) => e.id === Number(params.id)) ?? TIENDA_LUCHO;
    return HttpResponse.json({ ...actual, ...((await request.json()) as object) });
  }),
  http.get('*/api/portafolios', () => HttpResponse.json(LISTA_PORTAFOLIOS)),
  http.get('*/api/portafolios/:id', ({ params }) =>
    Number(params.id) === PORTAFOLIO_TIENDA.id
      ? HttpResponse.json(PORTAFOLIO_TIENDA)
      : errorApi(404, 'no_encontrado', 'No existe ese portafolio.'),
  ),
  http.post('*/api/portafolios', async ({ request }) =>
    HttpResponse.json({ ...PORTAFOLIO_TIENDA, ...((await request.json()) as object), id: 97, vigente: false }, { status: 201 }),
  ),
  http.patch('*/api/portafolios/:id', async ({ params, request }) => {
    const actual = LISTA_PORTAFOLIOS.find((p) => p.id === Number(params.id));
    return HttpResponse.json({ ...actual, ...((await request.json()) as object) });
  }),
  http.get('*/api/vendedores/yo/ruta', () => HttpResponse.json(RUTA)),
  http.get('*/api/establecimientos/:id/portafolio', ({ params }) =>
    Number(params.id) === TIENDA_LUCHO.id
      ? HttpResponse.json(PORTAFOLIO_TIENDA)
      : errorApi(404, 'no_encontrado', 'No hay un portafolio vigente para el tipo PANADERIA en 2026-11-29.'),
  ),
];
