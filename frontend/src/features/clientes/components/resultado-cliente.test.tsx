import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { compra, paginaCompras, RESULTADO_MARIA } from '@/testing/datos';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { ContextoRanurasFicha, type RanurasFicha } from '../lib/ranuras-ficha';
import { ResultadoCliente } from './resultado-cliente';

const CONSULTA = { tipo: 'CC', numero: '1020304050' };

describe('ResultadoCliente', () => {
  it('muestra los datos, los totales en COP de este mes y del anterior', () => {
    renderizar(<ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />);
    expect(screen.getByText('maria.pena@example.com')).toBeInTheDocument();
    expect(screen.getByText('Cédula de ciudadanía 1020304050')).toBeInTheDocument();
    expect(sinNbsp(screen.getByTestId('total-2026-11').textContent)).toBe('$ 250.000');
    expect(sinNbsp(screen.getByTestId('total-2026-10').textContent)).toBe('$ 6.250.000');
    expect(screen.getByText(/Este mes · noviembre de 2026/)).toBeInTheDocument();
    expect(screen.getByText(/Mes anterior · octubre de 2026/)).toBeInTheDocument();
  });

  it('marca al cliente fidelizado solo cuando califica', () => {
    const { unmount } = renderizar(<ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />);
    expect(screen.getByText('★ Cliente fidelizado')).toBeInTheDocument();
    unmount();
    renderizar(
      <ResultadoCliente resultado={{ ...RESULTADO_MARIA, fidelizacion: { ...RESULTADO_MARIA.fidelizacion, califica: false } }} consulta={CONSULTA} />,
    );
    expect(screen.queryByText('★ Cliente fidelizado')).not.toBeInTheDocument();
  });

  it('lista las compras con su estado y permite ordenarlas por total', async () => {
    const { persona } = renderizar(<ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />);
    const tabla = await screen.findByRole('table', { name: 'Compras' });
    expect(within(tabla).getByText('Pagada')).toBeInTheDocument();
    expect(within(tabla).getByText('Anulada')).toBeInTheDocument();
    expect(within(tabla).getByText('Devuelta')).toBeInTheDocument();

    const facturas = () => within(tabla).getAllByText(/^FV-/).map((celda) => celda.textContent);
    expect(facturas()).toEqual(['FV-000003', 'FV-000002', 'FV-000001']);
    await persona.click(within(tabla).getByRole('button', { name: /total/i }));
    expect(facturas()).toEqual(['FV-000001', 'FV-000002', 'FV-000003']);
    expect(within(tabla).getByRole('columnheader', { name: /total/i })).toHaveAttribute('aria-sort', 'descending');
  });

  it('pagina las compras con el endpoint paginado', async () => {
    const pedidas: string[] = [];
    servidor.use(
      http.get('*/api/clientes/:id/compras', ({ request }) => {
        const pagina = new URL(request.url).searchParams.get('pagina') ?? '1';
        pedidas.push(pagina);
        const items = pagina === '1' ? [compra(30), compra(29)] : [compra(5)];
        return HttpResponse.json(paginaCompras(items, Number(pagina), 21, 2));
      }),
    );
    const { persona } = renderizar(<ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />);
    expect(await screen.findByText('Se muestran 2 de 21 compras')).toBeInTheDocument();
    await persona.click(screen.getByRole('button', { name: 'Página 2' }));
    expect(await screen.findByText('FV-000005')).toBeInTheDocument();
    expect(pedidas).toEqual(['1', '2']);
  });

  it('exporta: descarga el archivo con el nombre que da el servidor', async () => {
    const crearUrl = vi.fn(() => 'blob:falso');
    URL.createObjectURL = crearUrl;
    URL.revokeObjectURL = vi.fn();
    const clics = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('cliente_CC_1020304050_2026-11-23.xlsx');
    });
    let formato: string | null = null;
    servidor.use(
      http.get('*/api/clientes/exportar', ({ request }) => {
        formato = new URL(request.url).searchParams.get('formato');
        return new HttpResponse(new Uint8Array([80, 75, 3, 4]), {
          headers: { 'Content-Disposition': 'attachment; filename=cliente_CC_1020304050_2026-11-23.xlsx' },
        });
      }),
    );
    const { persona } = renderizar(<ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />);
    await persona.click(screen.getByRole('button', { name: 'Excel' }));
    await waitFor(() => expect(clics).toHaveBeenCalledTimes(1));
    expect(formato).toBe('xlsx');
    expect(crearUrl).toHaveBeenCalledTimes(1);
  });
  it('con las ranuras de la app pinta el contacto, el vistazo (en lugar de los totales) y las notas', () => {
    const campos: string[] = [];
    const ranuras: RanurasFicha = {
      contacto: (cliente, campo, valor) => {
        campos.push(campo);
        return <span data-testid={`ranura-${campo}`}>{`${cliente.id}:${valor}`}</span>;
      },
      vistazo: (cliente) => <section data-testid="ranura-vistazo">{cliente.id}</section>,
      notas: (cliente) => <section data-testid="ranura-notas">{cliente.id}</section>,
    };
    renderizar(
      <ContextoRanurasFicha value={ranuras}>
        <ResultadoCliente resultado={RESULTADO_MARIA} consulta={CONSULTA} />
      </ContextoRanurasFicha>,
    );
    expect(screen.getByTestId('ranura-telefono')).toHaveTextContent('1:+57 300 123 4567');
    expect(screen.getByTestId('ranura-correo')).toHaveTextContent('1:maria.pena@example.com');
    expect(screen.getByTestId('ranura-direccion')).toHaveTextContent('1:Calle 10 # 5-20');
    expect(campos.sort()).toEqual(['correo', 'direccion', 'telefono']);
    expect(screen.getByTestId('ranura-vistazo')).toBeInTheDocument();
    expect(screen.getByTestId('ranura-notas')).toBeInTheDocument();
    expect(screen.queryByTestId('total-2026-11')).not.toBeInTheDocument();
  });
});
