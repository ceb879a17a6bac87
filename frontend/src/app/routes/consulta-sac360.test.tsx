import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AGENTE, RESULTADO_MARIA, SUPERVISOR } from '@/testing/datos';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { PaginaConsulta } from './consulta';

const RUTA = '/?tipo=CC&numero=1020304050';
const ENMASCARADO = {
  ...RESULTADO_MARIA,
  cliente: { ...RESULTADO_MARIA.cliente, telefono: '300*****67', correo: 'ma***@example.com', direccion: 'Calle ***' },
};

describe('Consulta con SAC 360', () => {
  it('el agente ve el contacto enmascarado con «Revelar», el cliente de un vistazo en lugar de los totales y las notas', async () => {
    servidor.use(
      http.get('*/api/auth/me', () => HttpResponse.json(AGENTE)),
      http.get('*/api/clientes/buscar', () => HttpResponse.json(ENMASCARADO)),
    );
    renderizar(<PaginaConsulta />, { ruta: RUTA });
    const ficha = await screen.findByTestId('resultado-cliente');
    expect(await within(ficha).findByTestId('contacto-telefono')).toHaveTextContent('300*****67');
    for (const nombre of ['Revelar el teléfono', 'Revelar el correo', 'Revelar la dirección']) {
      expect(within(ficha).getByRole('button', { name: nombre })).toBeInTheDocument();
    }
    expect(await within(ficha).findByRole('heading', { name: 'El cliente de un vistazo' })).toBeInTheDocument();
    expect(await within(ficha).findByTestId('explicacion-fidelizacion')).toBeInTheDocument();
    expect(within(ficha).queryByTestId('total-2026-11')).not.toBeInTheDocument();
    expect(within(ficha).getByRole('heading', { name: 'Notas de llamadas' })).toBeInTheDocument();
  });

  it('el supervisor ve el contacto entero y ningún botón «Revelar»', async () => {
    servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(SUPERVISOR)));
    renderizar(<PaginaConsulta />, { ruta: RUTA });
    const ficha = await screen.findByTestId('resultado-cliente');
    expect(await within(ficha).findByText('+57 300 123 4567')).toBeInTheDocument();
    expect(within(ficha).getByText('maria.pena@example.com')).toBeInTheDocument();
    expect(await within(ficha).findByTestId('explicacion-fidelizacion')).toBeInTheDocument();
    expect(within(ficha).queryByRole('button', { name: /^Revelar/ })).not.toBeInTheDocument();
  });
});
