import { http, HttpResponse } from 'msw';
import type { Notificacion } from '@/features/cuponeras/types';
import { BENEFICIOS, CONTRATO_AGUA, CONTRATO_LUZ, CORREOS, CUPON, FACTURAS_LUZ, HISTORIAL_LUZ, NOTIFICACIONES, SVG_CODIGO } from '../datos-cuponeras';
import { errorApi } from './respuestas';

const CONTRATOS = [CONTRATO_LUZ, CONTRATO_AGUA];

/** `GET /api/notificaciones` como el servidor: un arreglo (las más nuevas primero, como vienen);
 * con `no_leidas=true`, solo las no leídas. */
export function listaNotificaciones(todas: Notificacion[], url: URL): Notificacion[] {
  const soloNoLeidas = url.searchParams.get('no_leidas') === 'true';
  return todas.filter((n) => !soloNoLeidas || !n.leida_en);
}
const noEncontrado = (que: string) => errorApi(404, 'no_encontrado', `No se encontró ${que}.`);

/** M6 Cuponeras (y la bandeja de salida): una API feliz; cada prueba reemplaza lo que necesita. */
export const handlersCuponeras = [
  http.get('*/api/portal/contratos', () => HttpResponse.json(CONTRATOS)),
  http.get('*/api/contratos', ({ request }) => {
    const numero = new URL(request.url).searchParams.get('numero');
    const contrato = CONTRATOS.find((c) => c.numero_contrato === numero);
    return contrato ? HttpResponse.json(contrato) : noEncontrado('el contrato');
  }),
  http.get('*/api/contratos/:numero/facturas', ({ params, request }) => {
    if (params.numero !== CONTRATO_LUZ.numero_contrato) return noEncontrado('el contrato');
    const estado = new URL(request.url).searchParams.get('estado');
    return HttpResponse.json(FACTURAS_LUZ.filter((f) => !estado || f.estado === estado));
  }),
  http.get('*/api/contratos/:numero/historial', ({ params }) =>
    params.numero === CONTRATO_LUZ.numero_contrato ? HttpResponse.json(HISTORIAL_LUZ) : noEncontrado('el contrato'),
  ),
  http.post('*/api/contratos/:numero/cupones', ({ params }) =>
    params.numero === CONTRATO_LUZ.numero_contrato ? HttpResponse.json(CUPON, { status: 201 }) : noEncontrado('el contrato'),
  ),
  http.get('*/api/facturas/:numero', ({ params }) => {
    const factura = FACTURAS_LUZ.find((f) => f.numero_factura === params.numero);
    return factura ? HttpResponse.json({ ...factura, numero_contrato: CONTRATO_LUZ.numero_contrato }) : noEncontrado('la factura');
  }),
  http.post('*/api/facturas/:numero/enviar', () => HttpResponse.json({ correo_id: 41 }, { status: 202 })),
  http.get('*/api/facturas/:numero/pdf', ({ params }) =>
    new HttpResponse('%PDF-1.4', {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="factura_${String(params.numero)}.pdf"` },
    }),
  ),
  http.get('*/api/cupones/:numero', ({ params }) => (params.numero === CUPON.numero ? HttpResponse.json(CUPON) : noEncontrado('el cupón'))),
  http.get('*/api/cupones/:numero/codigo-barras.svg', () => new HttpResponse(SVG_CODIGO, { headers: { 'Content-Type': 'image/svg+xml' } })),
  http.get('*/api/cupones/:numero/pdf', ({ params }) =>
    new HttpResponse('%PDF-1.4', {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="cupon_${String(params.numero)}.pdf"` },
    }),
  ),
  http.post('*/api/pagos', () => HttpResponse.json({ pago_id: 7, estado: 'aplicado' })),
  http.get('*/api/portal/beneficios', () => HttpResponse.json(BENEFICIOS)),
  http.get('*/api/notificaciones', ({ request }) => HttpResponse.json(listaNotificaciones(NOTIFICACIONES, new URL(request.url)))),
  http.post('*/api/notificaciones/:id/leida', ({ params }) =>
    HttpResponse.json({ ...NOTIFICACIONES.find((n) => n.id === Number(params.id)), leida_en: '2026-11-29T08:00:00-05:00' }),
  ),
  http.post('*/api/notificaciones/leidas', () => HttpResponse.json({ marcadas: 2 })),
  http.post('*/api/auth/registro', async ({ request }) => {
    const cuerpo = (await request.json()) as { correo: string };
    return HttpResponse.json({ correo: cuerpo.correo, verificacion: 'pendiente' }, { status: 201 });
  }),
  http.post('*/api/auth/verificar', () => HttpResponse.json({ mensaje: 'Correo verificado.' })),
  http.get('*/api/correos', ({ request }) => {
    const url = new URL(request.url);
    const destinatario = url.searchParams.get('destinatario');
    const estado = url.searchParams.get('estado');
    const items = CORREOS.filter((c) => (!destinatario || c.destinatario.includes(destinatario)) && (!estado || c.estado === estado));
    return HttpResponse.json({ items, pagina: Number(url.searchParams.get('pagina') ?? 1), por_pagina: 20, total: items.length, paginas: 1 });
  }),
];
