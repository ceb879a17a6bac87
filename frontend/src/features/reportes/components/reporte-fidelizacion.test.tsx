import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProveedorFechas } from '@/components/ui/proveedor-fechas';
import { RESUMEN_OCTUBRE } from '@/testing/datos';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { ReporteFidelizacion } from './reporte-fidelizacion';

function renderizarReporte(ruta = '/reportes/fidelizacion') {
  return renderizar(
    <ProveedorFechas>
      <ReporteFidelizacion />
    </ProveedorFechas>,
    { ruta },
  );
}

describe('ReporteFidelizacion', () => {
  beforeEach(() => {
    // 1 de diciembre, 03:00 UTC: en Bogotá aún es 30 de noviembre → el mes anterior es octubre.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('por defecto pide el mes anterior (hora de Bogotá) y el umbral de 5.000.000', async () => {
    const pedidos: string[] = [];
    servidor.use(
      http.get('*/api/reportes/fidelizacion/resumen', ({ request }) => {
        pedidos.push(new URL(request.url).search);
        return HttpResponse.json(RESUMEN_OCTUBRE);
      }),
    );
    renderizarReporte();
    expect(await screen.findByRole('button', { name: /mes/i })).toHaveTextContent('octubre de 2026');
    expect(screen.getByRole('textbox', { name: /umbral/i })).toHaveValue('$ 5.000.000');
    await screen.findByTestId('resumen-reporte');
    expect(pedidos).toEqual(['?mes=2026-10&umbral=5000000']);
  });

  it('muestra la vista previa con la cantidad de clientes, la suma y las filas', async () => {
    renderizarReporte();
    const resumen = await screen.findByTestId('resumen-reporte');
    expect(within(resumen).getByText('2')).toBeInTheDocument();
    expect(sinNbsp(resumen.textContent)).toContain('$ 18.595.678,90');
    const tabla = screen.getByRole('table', { name: 'Clientes fidelizados de octubre de 2026' });
    expect(within(tabla).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('2 clientes califican');
    expect(within(tabla).getByText('Comercializadora Andina del Caribe S.A.S.')).toBeInTheDocument();
    expect(sinNbsp(within(tabla).getByText(/12\.345\.678/).textContent)).toBe('$ 12.345.678,90');
  });

  it('al descargar dice cuántos clientes trae el Excel (encabezado X-Total-Filas)', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const aviso = vi.spyOn(notifications, 'show').mockImplementation(() => '');
    servidor.use(
      http.get(
        '*/api/reportes/fidelizacion',
        () =>
          new HttpResponse(new Uint8Array([80, 75, 3, 4]), {
            headers: { 'Content-Disposition': 'attachment; filename=fidelizacion_2026-10.xlsx', 'X-Total-Filas': '2' },
          }),
      ),
    );
    const { persona } = renderizarReporte();
    await screen.findByTestId('resumen-reporte');
    await persona.click(screen.getByRole('button', { name: 'Descargar Excel' }));
    await vi.waitFor(() =>
      expect(aviso).toHaveBeenCalledWith(expect.objectContaining({ title: 'Reporte descargado', message: 'fidelizacion_2026-10.xlsx: 2 clientes' })),
    );
    vi.restoreAllMocks();
  });

  it('un reporte vacío es un mensaje amable, no un error', async () => {
    servidor.use(
      http.get('*/api/reportes/fidelizacion/resumen', () =>
        HttpResponse.json({ mes: '2026-09', umbral: 5_000_000, cantidad_clientes: 0, monto_total: 0, clientes: [] }),
      ),
    );
    renderizarReporte('/reportes/fidelizacion?mes=2026-09&umbral=5000000');
    expect(await screen.findByText('Sin clientes para este periodo')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('aplica otro umbral y lo deja en la URL', async () => {
    const { persona, router } = renderizarReporte();
    await screen.findByTestId('resumen-reporte');
    const umbral = screen.getByRole('textbox', { name: /umbral/i });
    await persona.clear(umbral);
    await persona.type(umbral, '6000000');
    await persona.click(screen.getByRole('button', { name: 'Ver vista previa' }));
    expect(router.state.location.search).toBe('?mes=2026-10&umbral=6000000');
  });

  it('ignora un mes futuro en la URL y usa el mes anterior', async () => {
    renderizarReporte('/reportes/fidelizacion?mes=2027-05');
    expect(await screen.findByRole('button', { name: /mes/i })).toHaveTextContent('octubre de 2026');
  });
});
