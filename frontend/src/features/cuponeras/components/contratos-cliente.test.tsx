import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CONTRATO_LUZ } from '@/testing/datos-cuponeras';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { ContratosCliente } from './contratos-cliente';

const MARIA = { tipo_documento: 'CC', numero_documento: '1020304050' };

describe('ContratosCliente (ficha del SAC)', () => {
  it('busca el contrato por número y muestra sus facturas, el cupón y el enlace a su página', async () => {
    const { persona } = renderizar(<ContratosCliente cliente={MARIA} />);
    await persona.type(screen.getByRole('textbox', { name: 'Número de contrato' }), '100.200.300{Enter}');
    expect(await screen.findByRole('heading', { name: 'Contrato 100200300', level: 3 })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Facturas del contrato 100200300' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generar cupón' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Abrir el contrato 100200300 en su página' })).toHaveAttribute('href', '/contratos/100200300');
    expect(screen.queryByText('El contrato es de otro titular')).not.toBeInTheDocument();
  });

  it('avisa si el contrato es de otro titular', async () => {
    servidor.use(
      http.get('*/api/contratos', () =>
        HttpResponse.json({ ...CONTRATO_LUZ, titular: { tipo_documento: 'NIT', numero_documento: '900123456', nombre: 'Andina S.A.S.' } }),
      ),
    );
    const { persona } = renderizar(<ContratosCliente cliente={MARIA} />);
    await persona.type(screen.getByRole('textbox', { name: 'Número de contrato' }), '100200300{Enter}');
    expect(await screen.findByText('El contrato 100200300 pertenece a NIT 900123456, no a este cliente.')).toBeInTheDocument();
  });

  it('valida el número antes de consultar y muestra el 404 del servidor', async () => {
    const { persona } = renderizar(<ContratosCliente cliente={MARIA} />);
    const campo = screen.getByRole('textbox', { name: 'Número de contrato' });
    await persona.type(campo, '12{Enter}');
    expect(screen.getByText('El número de contrato tiene entre 6 y 12 dígitos.')).toBeInTheDocument();
    await persona.clear(campo);
    await persona.type(campo, '555555{Enter}');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('No se encontró el contrato.'));
  });
});
