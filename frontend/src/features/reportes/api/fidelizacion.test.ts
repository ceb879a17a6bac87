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
          headers: { 'Content-Disposition': 'attachment; filename=fidelizacion_2026-09.xlsx', 'X-Total-Filas': '3' },
        });
      }),
    );
    const descargado = await descargarReporte({ mes: '2026-09', umbral: 5_000_000 });
    // El nombre lo da el servidor y las filas, su encabezado X-Total-Filas (nada se corta en silencio).
    expect(descargado).toEqual({ nombre: 'fidelizacion_2026-09.xlsx', filas: 3 });
    expect(parametros).not.toBeNull();
    const pedidos = parametros as unknown as URLSearchParams;
    expect(pedidos.get('origen')).toBe('pantalla');
    expect(pedidos.get('mes')).toBe('2026-09');
  });

  it('sin el encabezado X-Total-Filas no inventa un conteo', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:falso');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    servidor.use(http.get('*/api/reportes/fidelizacion', () => new HttpResponse(new Uint8Array([80, 75, 3, 4]))));
    const descargado = await descargarReporte({ mes: '2026-09', umbral: 5_000_000 });
    expect(descargado).toEqual({ nombre: 'fidelizacion_2026-09.xlsx', filas: undefined });
  });
});
