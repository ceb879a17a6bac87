import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ProveedorAtajos } from '@/components/ui/atajos-teclado';
import { RECIENTE_MARIA } from '@/testing/datos-busqueda';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { PaginaConsulta } from './consulta';

describe('PaginaConsulta: caja única, recientes y atajos', () => {
  it('busca por teléfono, abre al cliente como la consulta por documento, lo pone en recientes y exporta con Alt+C', async () => {
    let recientes = 0;
    servidor.use(
      http.get('*/api/yo/clientes-recientes', () => {
        recientes += 1;
        return HttpResponse.json({ items: recientes > 1 ? [RECIENTE_MARIA] : [] });
      }),
    );
    const { persona, router } = renderizar(
      <ProveedorAtajos rutaBusqueda="/">
        <PaginaConsulta />
      </ProveedorAtajos>,
    );
    // El formulario por documento sigue ahí y con el foco al cargar.
    await waitFor(() => expect(screen.getByRole('textbox', { name: /número de documento/i })).toHaveFocus());
    expect(await screen.findByText('Aún no ha abierto clientes. Los que abra aparecerán aquí.')).toBeInTheDocument();

    const caja = screen.getByTestId('caja-busqueda');
    await persona.click(caja);
    await persona.type(caja, '+57 302 555 1002');
    const opcion = await screen.findByTestId('resultado-busqueda');
    expect(opcion).toHaveTextContent('Tel. 302*****02');
    expect(screen.getByTestId('modo-busqueda')).toHaveTextContent('Teléfono');
    await persona.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'María José Peña Muñoz' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tipo=CC&numero=1020304050');
    // El formulario muestra el documento abierto, pero no le quita el foco a la caja.
    expect(screen.getByRole('textbox', { name: /número de documento/i })).toHaveValue('1020304050');
    expect(caja).toHaveFocus();
    const panel = screen.getByRole('region', { name: 'Mis clientes recientes' });
    expect(await within(panel).findByRole('link', { name: 'María José Peña Muñoz' })).toBeInTheDocument();

    // Alt+C, fuera de un campo de texto, hace lo mismo que el botón CSV.
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    const clics = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    let formato: string | null = null;
    servidor.use(
      http.get('*/api/clientes/exportar', ({ request }) => {
        formato = new URL(request.url).searchParams.get('formato');
        return new HttpResponse('a;b', { headers: { 'Content-Disposition': 'attachment; filename=cliente_CC_1020304050.csv' } });
      }),
    );
    await persona.click(screen.getByRole('heading', { name: 'María José Peña Muñoz' }));
    await persona.keyboard('{Alt>}c{/Alt}');
    await waitFor(() => expect(clics).toHaveBeenCalledTimes(1));
    expect(formato).toBe('csv');
    clics.mockRestore();

    // / vuelve a la caja; Esc la limpia.
    await persona.keyboard('/');
    expect(caja).toHaveFocus();
    expect(caja).toHaveValue('+57 302 555 1002');
    await persona.keyboard('{Escape}');
    expect(caja).toHaveValue('');
  });
});
