import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { CUPON } from '@/testing/datos-cuponeras';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import type { NuevoPago } from '../types';
import { DetalleCupon } from './detalle-cupon';

const UUID = /^portal-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('DetalleCupon', () => {
  it('muestra número, valor, descuento, fecha límite, facturas cubiertas, la imagen y la cadena legible', async () => {
    renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    expect(await screen.findByRole('heading', { name: `Cupón ${CUPON.numero}` })).toBeInTheDocument();
    const datos = sinNbsp(screen.getByRole('article').textContent);
    expect(datos).toContain('Valor a pagar$ 161.500');
    expect(datos).toContain('Subtotal$ 170.000');
    expect(datos).toContain('Descuento$ 8.500');
    expect(datos).toContain('Pague hasta05 de dic de 2026');
    expect(screen.getByText('Emitido')).toBeInTheDocument();
    const tabla = screen.getByRole('table', { name: 'Facturas que cubre' });
    expect(within(tabla).getAllByRole('row')).toHaveLength(3);
    expect(within(tabla).getByRole('link', { name: 'FE-0002' })).toHaveAttribute('href', '/portal/facturas/FE-0002');
    expect(screen.getByTestId('cadena-codigo-barras')).toHaveTextContent('(415)7709998000011(8020)4000000000013(3900)0000161500(96)20261205');
    const imagen = await screen.findByRole('img', { name: `Código de barras del cupón ${CUPON.numero}` });
    expect(imagen.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it('si la imagen del código no carga, lo dice y deja la cadena legible', async () => {
    servidor.use(http.get('*/api/cupones/:numero/codigo-barras.svg', () => errorApi(404, 'no_encontrado', 'No se encontró el cupón.')));
    renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No se encontró el cupón.');
    expect(screen.getByTestId('cadena-codigo-barras')).toBeInTheDocument();
  });

  it('paga (simulado) con canal portal y una referencia propia, y enlaza las facturas pagadas', async () => {
    const pagos: NuevoPago[] = [];
    servidor.use(
      http.post('*/api/pagos', async ({ request }) => {
        pagos.push((await request.json()) as NuevoPago);
        return HttpResponse.json({ pago_id: 7, estado: 'aplicado' });
      }),
    );
    const { persona } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    await persona.click(await screen.findByRole('button', { name: /Pagar \$\s161\.500 \(simulado\)/ }));
    const aviso = await screen.findByRole('status');
    expect(aviso).toHaveTextContent('Pago aplicado');
    expect(within(aviso).getByRole('link', { name: 'Ver la factura FE-0003' })).toHaveAttribute('href', '/portal/facturas/FE-0003');
    expect(pagos).toHaveLength(1);
    expect(pagos[0]).toMatchObject({ numero_cupon: CUPON.numero, valor: 161_500, canal: 'portal' });
    expect(pagos[0]?.referencia).toMatch(UUID);
  });

  it('al reintentar tras un fallo usa la misma referencia (el servidor reconoce el pago)', async () => {
    const referencias: string[] = [];
    let intento = 0;
    servidor.use(
      http.post('*/api/pagos', async ({ request }) => {
        referencias.push(((await request.json()) as NuevoPago).referencia);
        intento += 1;
        return intento === 1 ? HttpResponse.error() : HttpResponse.json({ pago_id: 7, estado: 'aplicado' });
      }),
    );
    const { persona } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    const boton = await screen.findByRole('button', { name: /Pagar/ });
    await persona.click(boton);
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudo conectar con el servidor.');
    await persona.click(screen.getByRole('button', { name: /Pagar/ }));
    expect(await screen.findByRole('status')).toHaveTextContent('Pago aplicado');
    expect(referencias).toHaveLength(2);
    expect(referencias[0]).toBe(referencias[1]);
  });

  it('un cupón vencido (409) muestra el motivo del servidor', async () => {
    servidor.use(http.post('*/api/pagos', () => errorApi(409, 'cupon_vencido', 'El cupón venció el 5 de diciembre; genere uno nuevo.')));
    const { persona } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    await persona.click(await screen.findByRole('button', { name: /Pagar/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('El cupón venció el 5 de diciembre; genere uno nuevo.');
  });

  it('un valor que no coincide (422) muestra el motivo del servidor', async () => {
    servidor.use(http.post('*/api/pagos', () => errorApi(422, 'datos_invalidos', 'El valor debe ser exactamente 161500.')));
    const { persona } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    await persona.click(await screen.findByRole('button', { name: /Pagar/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('El valor debe ser exactamente 161500.');
  });

  it('un cupón pagado no ofrece pagar; en el SAC tampoco se paga', async () => {
    servidor.use(http.get('*/api/cupones/:numero', () => HttpResponse.json({ ...CUPON, estado: 'pagado' })));
    const { unmount } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    expect(await screen.findByText('Pagado')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Pagar/ })).not.toBeInTheDocument();
    unmount();
    servidor.resetHandlers();
    renderizar(<DetalleCupon numero={CUPON.numero} modo="sac" />);
    expect(await screen.findByText('Emitido')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Pagar/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'FE-0002' })).toHaveAttribute('href', '/facturas/FE-0002');
  });

  it('descarga el PDF con el nombre del servidor e imprime', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    const descargas: string[] = [];
    const clics = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      descargas.push(this.download);
    });
    const imprimir = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { persona } = renderizar(<DetalleCupon numero={CUPON.numero} modo="portal" />);
    await persona.click(await screen.findByRole('button', { name: 'Descargar PDF' }));
    await waitFor(() => expect(descargas).toEqual([`cupon_${CUPON.numero}.pdf`]));
    await persona.click(screen.getByRole('button', { name: 'Imprimir' }));
    expect(imprimir).toHaveBeenCalledTimes(1);
    clics.mockRestore();
    imprimir.mockRestore();
  });

  it('un cupón ajeno o inexistente (404) muestra el mensaje del servidor', async () => {
    renderizar(<DetalleCupon numero="1234567890128" modo="portal" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No se encontró el cupón.');
  });
});
