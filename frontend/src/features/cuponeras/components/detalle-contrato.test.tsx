import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CONTRATO_LUZ, CUPON, FACTURAS_LUZ } from '@/testing/datos-cuponeras';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { ContratoPortal, ContratoSac } from './detalle-contrato';
import { MisContratos } from './mis-contratos';

const LUZ = CONTRATO_LUZ.numero_contrato;

function filas() {
  const tabla = screen.getByRole('table', { name: `Facturas del contrato ${LUZ}` });
  return within(tabla).getAllByRole('row').slice(1);
}

describe('MisContratos (portal)', () => {
  it('lista los contratos propios con su estado y el enlace a cada uno', async () => {
    renderizar(<MisContratos />);
    const enlace = await screen.findByRole('link', { name: `Contrato ${LUZ}` });
    expect(enlace).toHaveAttribute('href', `/portal/contratos/${LUZ}`);
    expect(screen.getByRole('link', { name: 'Contrato 100200301' })).toBeInTheDocument();
    expect(screen.getByText('Suspendido')).toBeInTheDocument();
    expect(screen.getByText('Energía')).toBeInTheDocument();
    expect(screen.getByText('Por pagar: $ 170.000 (2 facturas)', { normalizer: (t) => t.replace(/\u00a0/g, ' ') })).toBeInTheDocument();
    expect(screen.getByText('Al día')).toBeInTheDocument();
  });

  it('muestra el error del servidor', async () => {
    servidor.use(http.get('*/api/portal/contratos', () => errorApi(403, 'prohibido', 'Su rol no tiene permiso para esta operación.')));
    renderizar(<MisContratos />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Su rol no tiene permiso para esta operación.');
  });
});

describe('ContratoPortal', () => {
  it('muestra las facturas con su estado y saldo, la más reciente primero', async () => {
    renderizar(<ContratoPortal numero={LUZ} />);
    expect(await screen.findByText('Estado del contrato:')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: `Contrato ${LUZ}` })).not.toBeInTheDocument();
    await screen.findByRole('table', { name: `Facturas del contrato ${LUZ}` });
    const [primera, segunda, tercera] = filas();
    expect(sinNbsp(primera?.textContent)).toContain('FE-0003');
    expect(sinNbsp(primera?.textContent)).toContain('$ 90.000');
    expect(within(segunda!).getByText('Vencida')).toBeInTheDocument();
    expect(within(tercera!).getByText('Pagada')).toBeInTheDocument();
    expect(within(primera!).getByRole('link', { name: 'FE-0003' })).toHaveAttribute('href', '/portal/facturas/FE-0003');
    // El titular solo se muestra en el SAC.
    expect(screen.queryByText(/Titular/)).not.toBeInTheDocument();
  });

  it('filtra por estado (el filtro queda en la URL) y anuncia cuántas hay', async () => {
    const pedidos: (string | null)[] = [];
    servidor.use(
      http.get('*/api/contratos/:numero/facturas', ({ request }) => {
        const estado = new URL(request.url).searchParams.get('estado');
        pedidos.push(estado);
        return HttpResponse.json(FACTURAS_LUZ.filter((f) => !estado || f.estado === estado));
      }),
    );
    const { persona, router } = renderizar(<ContratoPortal numero={LUZ} />);
    await screen.findByRole('table', { name: `Facturas del contrato ${LUZ}` });
    await persona.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'vencida');
    await waitFor(() => expect(filas()).toHaveLength(1));
    expect(filas()[0]).toHaveTextContent('FE-0002');
    expect(router.state.location.search).toBe('?estado=vencida');
    expect(pedidos).toEqual([null, 'vencida']);
    await waitFor(() => expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('1 factura en estado vencida'));
  });

  it('genera el cupón con el beneficio elegido y abre el cupón', async () => {
    let cuerpo: unknown = null;
    servidor.use(
      http.post('*/api/contratos/:numero/cupones', async ({ request }) => {
        cuerpo = await request.json();
        return HttpResponse.json(CUPON, { status: 201 });
      }),
    );
    const { persona, router } = renderizar(<ContratoPortal numero={LUZ} />);
    const beneficio = await screen.findByRole('combobox', { name: /beneficio/i });
    // Solo los disponibles: el vencido no se ofrece.
    await waitFor(() => expect(within(beneficio).getAllByRole('option')).toHaveLength(2));
    expect(sinNbsp(within(beneficio).getAllByRole('option')[1]?.textContent)).toBe('Pago oportuno: 5 % (hasta $ 50.000), vence 31 de dic de 2026');
    await persona.selectOptions(beneficio, 'BEN-ABCDEF123456');
    await persona.click(screen.getByRole('button', { name: 'Generar cupón' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/portal/cupones/${CUPON.numero}`));
    expect(cuerpo).toEqual({ beneficio: 'BEN-ABCDEF123456' });
  });

  it('sin nada que pagar (422) muestra el motivo del servidor', async () => {
    servidor.use(
      http.post('*/api/contratos/:numero/cupones', () => errorApi(422, 'nada_que_pagar', 'El contrato no tiene facturas con saldo.')),
    );
    const { persona } = renderizar(<ContratoPortal numero={LUZ} />);
    await persona.click(await screen.findByRole('button', { name: 'Generar cupón' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('El contrato no tiene facturas con saldo.');
  });

  it('muestra el historial del contrato en su pestaña', async () => {
    const { persona } = renderizar(<ContratoPortal numero={LUZ} />);
    await persona.click(await screen.findByRole('tab', { name: 'Historial' }));
    const tabla = await screen.findByRole('table', { name: `Historial del contrato ${LUZ}` });
    const [primera] = within(tabla).getAllByRole('row').slice(1);
    expect(primera).toHaveTextContent('Cupón generado');
    expect(sinNbsp(primera?.textContent)).toContain('$ 161.500');
    expect(within(tabla).getByText('Beneficio otorgado')).toBeInTheDocument();
    expect(within(primera!).getByRole('link', { name: 'Ver el cupón 4000000000013' })).toHaveAttribute('href', '/portal/cupones/4000000000013');
  });

  it('un contrato que no es del cliente no se muestra', async () => {
    renderizar(<ContratoPortal numero="999999" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('El contrato 999999 no está entre los suyos.');
  });
});

describe('ContratoSac', () => {
  it('muestra el contrato con su titular y genera el cupón sin beneficio', async () => {
    let cuerpo: unknown = null;
    servidor.use(
      http.post('*/api/contratos/:numero/cupones', async ({ request }) => {
        cuerpo = await request.json();
        return HttpResponse.json(CUPON, { status: 200 });
      }),
    );
    const { persona, router } = renderizar(<ContratoSac numero={LUZ} />);
    expect(await screen.findByText('María José Peña Muñoz · CC 1020304050')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /código de beneficio/i })).toBeInTheDocument();
    await persona.click(screen.getByRole('button', { name: 'Generar cupón' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cupones/${CUPON.numero}`));
    expect(cuerpo).toEqual({});
  });

  it('envía una factura por correo (202) y lo anuncia', async () => {
    let enviada: string | undefined;
    servidor.use(
      http.post('*/api/facturas/:numero/enviar', ({ params }) => {
        enviada = String(params.numero);
        return HttpResponse.json({ correo_id: 5 }, { status: 202 });
      }),
    );
    const { persona } = renderizar(<ContratoSac numero={LUZ} />);
    await persona.click(await screen.findByRole('button', { name: 'Enviar la factura FE-0002 por correo' }));
    await waitFor(() =>
      expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('La factura FE-0002 quedó en la bandeja de salida para enviarse por correo.'),
    );
    expect(enviada).toBe('FE-0002');
  });

  it('un contrato que no existe (404) muestra el mensaje del servidor', async () => {
    renderizar(<ContratoSac numero="123456" />);
    const alerta = await screen.findByRole('alert');
    expect(alerta).toHaveTextContent('No se encontró el contrato');
    expect(alerta).toHaveTextContent('No se encontró el contrato.');
  });
});
