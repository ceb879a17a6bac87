import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { NOTIFICACIONES } from '@/testing/datos-cuponeras';
import { listaNotificaciones } from '@/testing/mocks/cuponeras';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import type { Notificacion } from '../types';
import { ContadorNotificaciones } from './contador-notificaciones';
import { ListaNotificaciones } from './lista-notificaciones';

/** Un servidor con estado: marcar cambia lo que devuelve la lista. */
function servidorConEstado() {
  let lista: Notificacion[] = NOTIFICACIONES.map((n) => ({ ...n }));
  const marcadas: string[] = [];
  servidor.use(
    http.get('*/api/notificaciones', ({ request }) => HttpResponse.json(listaNotificaciones(lista, new URL(request.url)))),
    http.post('*/api/notificaciones/:id/leida', ({ params }) => {
      marcadas.push(String(params.id));
      lista = lista.map((n) => (n.id === Number(params.id) ? { ...n, leida_en: '2026-11-29T08:00:00-05:00' } : n));
      return HttpResponse.json(lista.find((n) => n.id === Number(params.id)));
    }),
    http.post('*/api/notificaciones/leidas', () => {
      marcadas.push('todas');
      lista = lista.map((n) => ({ ...n, leida_en: n.leida_en ?? '2026-11-29T08:00:00-05:00' }));
      return HttpResponse.json({ marcadas: 2 });
    }),
  );
  return marcadas;
}

describe('Notificaciones', () => {
  it('lista las notificaciones, marca una como leída y actualiza el contador', async () => {
    const marcadas = servidorConEstado();
    const { persona } = renderizar(
      <>
        <ContadorNotificaciones />
        <ListaNotificaciones />
      </>,
    );
    expect(await screen.findByText('2 sin leer.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notificaciones, 2 sin leer' })).toHaveAttribute('href', '/portal/notificaciones'));
    expect(screen.getAllByText('Nueva')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Ver el cupón 4000000000013' })).toHaveAttribute('href', '/portal/cupones/4000000000013');
    expect(screen.getByRole('link', { name: 'Ver la factura FE-0003' })).toHaveAttribute('href', '/portal/facturas/FE-0003');

    await persona.click(screen.getByRole('button', { name: 'Marcar como leída: Su cupón 4000000000013 vence el 5 de diciembre.' }));
    expect(await screen.findByText('1 sin leer.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notificaciones, 1 sin leer' })).toBeInTheDocument());
    expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('Notificación marcada como leída.');
    expect(marcadas).toEqual(['3']);
  });

  it('marca todas como leídas', async () => {
    const marcadas = servidorConEstado();
    const { persona } = renderizar(
      <>
        <ContadorNotificaciones />
        <ListaNotificaciones />
      </>,
    );
    await persona.click(await screen.findByRole('button', { name: 'Marcar todas como leídas' }));
    expect(await screen.findByText('No tiene notificaciones sin leer.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notificaciones, ninguna sin leer' })).toBeInTheDocument());
    expect(screen.queryByText('Nueva')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Marcar todas como leídas' })).toBeDisabled();
    expect(marcadas).toEqual(['todas']);
  });

  it('cuenta las no leídas con el largo de la lista no_leidas=true y muestra la lista completa, sin paginar', async () => {
    const muchas: Notificacion[] = Array.from({ length: 25 }, (_, i) => ({
      id: 200 - i,
      tipo: 'factura_emitida',
      mensaje: `Aviso ${200 - i}`,
      referencia: null,
      creada_en: '2026-11-01T08:00:00-05:00',
      leida_en: i % 5 === 4 ? '2026-11-02T08:00:00-05:00' : null,
    }));
    const pedidos: string[] = [];
    servidor.use(
      http.get('*/api/notificaciones', ({ request }) => {
        const url = new URL(request.url);
        pedidos.push(url.search);
        return HttpResponse.json(listaNotificaciones(muchas, url));
      }),
    );
    renderizar(
      <>
        <ContadorNotificaciones />
        <ListaNotificaciones />
      </>,
    );
    expect(await screen.findByRole('link', { name: 'Notificaciones, 20 sin leer' })).toBeInTheDocument();
    expect(await screen.findByText('20 sin leer.')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('25 notificaciones');
    // Las 25, en el orden del servidor (la más nueva primero), y sin controles de página.
    const elementos = screen.getAllByRole('listitem');
    expect(elementos).toHaveLength(25);
    expect(elementos[0]).toHaveTextContent('Aviso 200');
    expect(elementos[24]).toHaveTextContent('Aviso 176');
    expect(screen.queryByRole('button', { name: 'Página 2' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Nueva')).toHaveLength(20);
    expect(pedidos.sort()).toEqual(['', '?no_leidas=true']);
  });

  it('si no se puede marcar, muestra el mensaje del servidor', async () => {
    servidor.use(http.post('*/api/notificaciones/:id/leida', () => errorApi(404, 'no_encontrado', 'No se encontró la notificación.')));
    const { persona } = renderizar(<ListaNotificaciones />);
    await persona.click(await screen.findByRole('button', { name: /Marcar como leída: Tiene una nueva factura/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No se encontró la notificación.');
  });
});
