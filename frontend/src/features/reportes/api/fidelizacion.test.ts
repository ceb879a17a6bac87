import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { servidor } from '@/testing/mocks/servidor';
import { descargarReporte } from './fidelizacion';

describe('descargarReporte', () => {
  afterEach(() => vi.restoreAllMocks());

  it('pide el libro con origen=pantalla para que el historial lo distinga de la API', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    let parametros: URLSearchParams | null = null;
    servidor.use(
      http.get('*/api/reportes/fidelizacion', ({ request }) => {
        parametros = new URL(request.url).searchParams;
        return new HttpResponse(new Uint8Array([80, 75, 3, 4]), {
          headers: { 'Content-Disposition': 'attachment; filename=fidelizacion_2026-09.xlsx' },
        });
      }),
    );
    const nombre = await descargarReporte({ mes: '2026-09', umbral: 5_000_000 });
    expect(nombre).toBe('fidelizacion_2026-09.xlsx');
    expect(parametros).not.toBeNull();
    const pedidos = parametros as unknown as URLSearchParams;
    expect(pedidos.get('origen')).toBe('pantalla');
    expect(pedidos.get('mes')).toBe('2026-09');
  });
});
