import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BENEFICIOS } from '@/testing/datos-cuponeras';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { MisBeneficios } from './mis-beneficios';

describe('MisBeneficios', () => {
  it('lista los beneficios con su descuento, estado y vencimiento (también en el sobre paginado)', async () => {
    servidor.use(http.get('*/api/portal/beneficios', () => HttpResponse.json({ items: BENEFICIOS, pagina: 1, por_pagina: 20, total: 2, paginas: 1 })));
    renderizar(<MisBeneficios />);
    const filas = (await screen.findAllByRole('row')).slice(1);
    expect(filas).toHaveLength(2);
    expect(sinNbsp(filas[0]?.textContent)).toContain('Pago oportuno5 % (hasta $ 50.000)');
    expect(within(filas[0]!).getByText('Disponible')).toBeInTheDocument();
    expect(filas[0]).toHaveTextContent('31 de dic de 2026');
    expect(within(filas[1]!).getByText('Vencido')).toBeInTheDocument();
    expect(filas[1]).toHaveTextContent('Cliente fiel');
  });

  it('sin beneficios lo dice', async () => {
    servidor.use(http.get('*/api/portal/beneficios', () => HttpResponse.json([])));
    renderizar(<MisBeneficios />);
    expect(await screen.findByText(/Aún no tiene beneficios/)).toBeInTheDocument();
  });
});
