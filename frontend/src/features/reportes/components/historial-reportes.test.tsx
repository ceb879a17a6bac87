import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORIAL, itemHistorial, pagina } from '@/testing/datos-sac360';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { HistorialReportes } from './historial-reportes';

const renderizarHistorial = (ruta = '/reportes/historial') => renderizar(<HistorialReportes />, { ruta });

describe('HistorialReportes', () => {
  let descargados: string[];

  beforeEach(() => {
    descargados = [];
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      descargados.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('muestra cada reporte con mes, umbral, filas, total, autor, hora de Bogotá, origen y SHA-256 abreviado', async () => {
    renderizarHistorial();
    const tabla = await screen.findByRole('table', { name: 'Historial de reportes' });
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('3 reportes generados');
    const filas = within(tabla).getAllByRole('row').slice(1);
    expect(filas).toHaveLength(3);

    const programado = filas[2] as HTMLElement;
    const celdas = within(programado).getAllByRole('cell').map((c) => sinNbsp(c.textContent));
    expect(celdas.slice(0, 6)).toEqual([
      'octubre de 2026',
      '$ 5.000.000',
      '2',
      '$ 18.595.678,90',
      expect.stringMatching(/^Saúl Supervisor01 (de )?nov\.? (de )?2026, 06:00 a\. m\.$/),
      'Programado',
    ]);
    const sha = within(programado).getByTitle(HISTORIAL.items[2]!.sha256);
    expect(sha).toHaveTextContent(/^3f8a1c0e9b7d…$/);

    expect(within(filas[0] as HTMLElement).getByText('Pantalla')).toBeInTheDocument();
    expect(within(filas[1] as HTMLElement).getByText('Línea de comandos')).toBeInTheDocument();
    expect(within(filas[1] as HTMLElement).getByText('septiembre de 2026')).toBeInTheDocument();
  });

  it('copia el SHA-256 completo', async () => {
    const { persona } = renderizarHistorial();
    const tabla = await screen.findByRole('table', { name: 'Historial de reportes' });
    const fila = within(tabla).getAllByRole('row')[1] as HTMLElement;
    await persona.click(within(fila).getByRole('button', { name: 'Copiar el SHA-256 completo' }));
    // El aviso «SHA-256 copiado» dura 2 s: en la máquina cargada no se afirma sobre él, sí sobre lo copiado.
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('a'.repeat(64)));
  });

  it('"Descargar de nuevo" baja el archivo exacto con el nombre del Content-Disposition', async () => {
    const pedidos: string[] = [];
    servidor.use(
      http.get('*/api/reportes/historial/:id/archivo', ({ params }) => {
        pedidos.push(String(params.id));
        return new HttpResponse(new Uint8Array([80, 75, 3, 4]), {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename*=UTF-8''fidelizacion_2026-09.xlsx",
          },
        });
      }),
    );
    const { persona } = renderizarHistorial();
    const tabla = await screen.findByRole('table', { name: 'Historial de reportes' });
    const fila = within(tabla).getAllByRole('row')[2] as HTMLElement;
    await persona.click(within(fila).getByRole('button', { name: /^Descargar de nuevo el reporte de septiembre de 2026/ }));
    await waitFor(() => expect(descargados).toEqual(['fidelizacion_2026-09.xlsx']));
    expect(pedidos).toEqual(['2']);
  });

  it('pagina en la URL y dice cuántos hay en total', async () => {
    const pedidas: (string | null)[] = [];
    servidor.use(
      http.get('*/api/reportes/historial', ({ request }) => {
        const numero = Number(new URL(request.url).searchParams.get('pagina'));
        pedidas.push(new URL(request.url).searchParams.get('pagina'));
        return HttpResponse.json(pagina([itemHistorial(100 - numero)], { pagina: numero, total: 41, paginas: 3 }));
      }),
    );
    const { persona, router } = renderizarHistorial();
    expect(await screen.findByTestId('conteo-filas')).toHaveTextContent('Se muestran 1 de 41 reportes generados');
    await persona.click(screen.getByRole('button', { name: 'Página 2' }));
    await waitFor(() => expect(router.state.location.search).toBe('?pagina=2'));
    await waitFor(() => expect(pedidas).toEqual(['1', '2']));
  });

  it('sin reportes lo dice, con el conteo en cero', async () => {
    servidor.use(http.get('*/api/reportes/historial', () => HttpResponse.json(pagina([]))));
    renderizarHistorial();
    expect(await screen.findByText('Aún no se ha generado ningún reporte como archivo.')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('0 reportes generados');
  });

  it('un error del servidor se muestra en español', async () => {
    servidor.use(http.get('*/api/reportes/historial', () => errorApi(403, 'prohibido', 'Su rol no permite ver el historial.')));
    renderizarHistorial();
    expect(await screen.findByRole('alert')).toHaveTextContent('Su rol no permite ver el historial.');
  });
});
