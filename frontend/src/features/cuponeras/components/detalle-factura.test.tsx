import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FACTURAS_LUZ } from '@/testing/datos-cuponeras';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { DetalleFactura } from './detalle-factura';

describe('DetalleFactura', () => {
  it('muestra la factura pagada con saldo cero y vuelve al contrato', async () => {
    servidor.use(
      http.get('*/api/facturas/:numero', () => HttpResponse.json({ ...FACTURAS_LUZ[0], estado: 'pagada', saldo: 0, numero_contrato: '100200300' })),
    );
    renderizar(<DetalleFactura numero="FE-0003" modo="portal" />);
    expect(await screen.findByRole('article', { name: 'Factura FE-0003' })).toBeInTheDocument();
    expect(screen.getByText('Pagada')).toBeInTheDocument();
    const datos = sinNbsp(screen.getByRole('article').textContent);
    expect(datos).toContain('Saldo$ 0');
    expect(datos).toContain('Valor$ 90.000');
    expect(datos).toContain('Periodonoviembre de 2026');
    expect(screen.getByRole('link', { name: 'Volver al contrato' })).toHaveAttribute('href', '/portal/contratos/100200300');
  });

  it('envía la factura por correo y lo anuncia; un error del servidor también se anuncia', async () => {
    const { persona } = renderizar(<DetalleFactura numero="FE-0003" modo="sac" />);
    await persona.click(await screen.findByRole('button', { name: 'Enviar la factura FE-0003 por correo' }));
    await waitFor(() =>
      expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('La factura FE-0003 quedó en la bandeja de salida para enviarse por correo.'),
    );
    servidor.use(http.post('*/api/facturas/:numero/enviar', () => errorApi(422, 'sin_correo', 'El cliente no tiene un correo registrado.')));
    await persona.click(screen.getByRole('button', { name: 'Enviar la factura FE-0003 por correo' }));
    await waitFor(() =>
      expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('No se pudo enviar la factura FE-0003: El cliente no tiene un correo registrado.'),
    );
  });

  it('una factura ajena o inexistente (404) muestra el mensaje del servidor', async () => {
    renderizar(<DetalleFactura numero="NO-EXISTE" modo="portal" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No se encontró la factura.');
  });
});
