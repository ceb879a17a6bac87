import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CORREOS } from '@/testing/datos-cuponeras';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { BandejaCorreos } from './bandeja-correos';

describe('BandejaCorreos', () => {
  it('muestra la bandeja con estado, intentos, error, adjuntos y (en desarrollo) el cuerpo', async () => {
    renderizar(<BandejaCorreos />);
    const filas = (await screen.findAllByRole('row')).slice(1);
    expect(filas).toHaveLength(3);
    expect(within(filas[0]!).getByText('Pendiente')).toBeInTheDocument();
    expect(within(filas[0]!).getByText('Ver el cuerpo')).toBeInTheDocument();
    expect(filas[0]).toHaveTextContent('portal/verificar?token=abc');
    expect(within(filas[1]!).getByText('Fallido')).toBeInTheDocument();
    expect(filas[1]).toHaveTextContent('Conexión rechazada por el servidor SMTP.');
    expect(filas[2]).toHaveTextContent('Adjuntos: factura_FE-0001.pdf');
    expect(within(filas[2]!).queryByText('Ver el cuerpo')).not.toBeInTheDocument();
  });

  it('filtra por destinatario y estado (en la URL) y pide la página al servidor', async () => {
    const pedidos: string[] = [];
    servidor.use(
      http.get('*/api/correos', ({ request }) => {
        const url = new URL(request.url);
        pedidos.push(url.search);
        const items = CORREOS.filter((c) => c.estado === (url.searchParams.get('estado') ?? c.estado));
        return HttpResponse.json({ items, pagina: 1, por_pagina: 20, total: items.length, paginas: 1 });
      }),
    );
    const { persona, router } = renderizar(<BandejaCorreos />);
    await waitFor(() => expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('3 correos'));
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('3 correos');
    await persona.type(screen.getByRole('searchbox', { name: 'Destinatario' }), 'maria{Enter}');
    await persona.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'fallido');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(new URLSearchParams(router.state.location.search).get('destinatario')).toBe('maria');
    expect(new URLSearchParams(router.state.location.search).get('estado')).toBe('fallido');
    expect(pedidos.at(-1)).toBe('?destinatario=maria&estado=fallido&pagina=1&por_pagina=20');
  });

  it('con más correos que la página dice cuántos se ven de cuántos', async () => {
    servidor.use(http.get('*/api/correos', () => HttpResponse.json({ items: CORREOS, pagina: 1, por_pagina: 20, total: 134, paginas: 7 })));
    renderizar(<BandejaCorreos />);
    await waitFor(() => expect(screen.getByTestId('conteo-filas')).toHaveTextContent(`Se muestran ${CORREOS.length} de 134 correos`));
  });

  it('un 403 muestra el mensaje del servidor', async () => {
    servidor.use(http.get('*/api/correos', () => errorApi(403, 'prohibido', 'Su rol no tiene permiso para esta operación.')));
    renderizar(<BandejaCorreos />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Su rol no tiene permiso para esta operación.');
  });
});
