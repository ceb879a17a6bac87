import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { servidor } from '@/testing/mocks/servidor';
import { errorApi } from '@/testing/mocks/respuestas';
import {
  configurarApiClient,
  descargarArchivo,
  ErrorApi,
  nombreDeContentDisposition,
  solicitar,
} from './api-client';

describe('api-client', () => {
  it('convierte la forma única de error en ErrorApi con código, mensaje y campos', async () => {
    servidor.use(
      http.get('*/api/clientes/buscar', () =>
        errorApi(422, 'datos_invalidos', 'numero_documento: La cédula debe tener entre 3 y 10 dígitos.', {
          campos: { numero_documento: ['La cédula debe tener entre 3 y 10 dígitos.'] },
        }),
      ),
    );
    const error = await solicitar('/api/clientes/buscar', { parametros: { tipo_documento: 'CC', numero_documento: '1' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorApi);
    const api = error as ErrorApi;
    expect(api.estado).toBe(422);
    expect(api.codigo).toBe('datos_invalidos');
    expect(api.message).toBe('numero_documento: La cédula debe tener entre 3 y 10 dígitos.');
    expect(api.motivoDe('numero_documento')).toBe('La cédula debe tener entre 3 y 10 dígitos.');
  });

  it('un error sin la forma esperada da un mensaje genérico en español', async () => {
    servidor.use(http.get('*/api/salud', () => new HttpResponse('<html>502</html>', { status: 502 })));
    await expect(solicitar('/api/salud')).rejects.toMatchObject({ estado: 502, message: expect.stringMatching(/inesperado/) });
  });

  it('sin conexión avisa en español', async () => {
    servidor.use(http.get('*/api/salud', () => HttpResponse.error()));
    await expect(solicitar('/api/salud')).rejects.toMatchObject({ codigo: 'sin_conexion' });
  });

  it('envía X-CSRF-TOKEN con csrf_access_token en peticiones que no son GET, y no en GET', async () => {
    document.cookie = 'csrf_access_token=token-acceso';
    document.cookie = 'csrf_refresh_token=token-refresco';
    const cabeceras: Record<string, string | null> = {};
    servidor.use(
      http.patch('*/api/usuarios/7', ({ request }) => {
        cabeceras.patch = request.headers.get('X-CSRF-TOKEN');
        return HttpResponse.json({ id: 7 });
      }),
      http.get('*/api/usuarios', ({ request }) => {
        cabeceras.get = request.headers.get('X-CSRF-TOKEN');
        return HttpResponse.json([]);
      }),
    );
    await solicitar('/api/usuarios/7', { method: 'PATCH', cuerpo: { activo: false } });
    await solicitar('/api/usuarios');
    expect(cabeceras.patch).toBe('token-acceso');
    expect(cabeceras.get).toBeNull();
  });

  it('ante un 401 refresca una vez (con csrf_refresh_token) y repite la petición', async () => {
    document.cookie = 'csrf_refresh_token=token-refresco';
    let intentos = 0;
    let csrfRefresco: string | null = null;
    servidor.use(
      http.get('*/api/tipos-documento', () => {
        intentos += 1;
        return intentos === 1 ? errorApi(401, 'no_autenticado', 'La sesión expiró. Inicie sesión de nuevo.') : HttpResponse.json([]);
      }),
      http.post('*/api/auth/refresh', ({ request }) => {
        csrfRefresco = request.headers.get('X-CSRF-TOKEN');
        return HttpResponse.json({ access_token: 'x' });
      }),
    );
    const alExpirar = vi.fn();
    configurarApiClient({ alExpirarSesion: alExpirar });
    await expect(solicitar('/api/tipos-documento')).resolves.toEqual([]);
    expect(intentos).toBe(2);
    expect(csrfRefresco).toBe('token-refresco');
    expect(alExpirar).not.toHaveBeenCalled();
  });

  it('peticiones simultáneas con 401 comparten un solo refresco', async () => {
    let refrescos = 0;
    let autorizado = false;
    servidor.use(
      http.get('*/api/tipos-documento', () => (autorizado ? HttpResponse.json([]) : errorApi(401, 'no_autenticado', 'x'))),
      http.post('*/api/auth/refresh', async () => {
        refrescos += 1;
        autorizado = true;
        return HttpResponse.json({ access_token: 'x' });
      }),
    );
    await Promise.all([solicitar('/api/tipos-documento'), solicitar('/api/tipos-documento'), solicitar('/api/tipos-documento')]);
    expect(refrescos).toBe(1);
  });

  it('entre pestañas el refresco va de a uno con Web Locks (el servidor revoca un refresco reusado)', async () => {
    const nombres: string[] = [];
    const request = vi.fn((nombre: string, tarea: () => Promise<Response>) => {
      nombres.push(nombre);
      return tarea();
    });
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    let autorizado = false;
    servidor.use(
      http.get('*/api/tipos-documento', () => (autorizado ? HttpResponse.json([]) : errorApi(401, 'no_autenticado', 'x'))),
      http.post('*/api/auth/refresh', () => {
        autorizado = true;
        return HttpResponse.json({ access_token: 'x' });
      }),
    );
    try {
      await solicitar('/api/tipos-documento');
      expect(nombres).toEqual(['sac-refresco-sesion']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('si el refresco falla, avisa que la sesión expiró y lanza el 401', async () => {
    servidor.use(
      http.get('*/api/tipos-documento', () => errorApi(401, 'no_autenticado', 'La sesión expiró. Inicie sesión de nuevo.')),
      http.post('*/api/auth/refresh', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
    );
    const alExpirar = vi.fn();
    configurarApiClient({ alExpirarSesion: alExpirar });
    await expect(solicitar('/api/tipos-documento')).rejects.toMatchObject({ estado: 401 });
    expect(alExpirar).toHaveBeenCalledTimes(1);
  });

  it('con si401 = silencio no avisa (así pregunta la app por la sesión al arrancar)', async () => {
    servidor.use(
      http.get('*/api/auth/me', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
      http.post('*/api/auth/refresh', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
    );
    const alExpirar = vi.fn();
    configurarApiClient({ alExpirarSesion: alExpirar });
    await expect(solicitar('/api/auth/me', { si401: 'silencio' })).rejects.toMatchObject({ estado: 401 });
    expect(alExpirar).not.toHaveBeenCalled();
  });

  it('un 401 del inicio de sesión no intenta refrescar: es "credenciales inválidas"', async () => {
    const refresco = vi.fn();
    servidor.use(
      http.post('*/api/auth/login', () => errorApi(401, 'credenciales_invalidas', 'Usuario o contraseña incorrectos.')),
      http.post('*/api/auth/refresh', () => {
        refresco();
        return HttpResponse.json({});
      }),
    );
    await expect(solicitar('/api/auth/login', { method: 'POST', cuerpo: { usuario: 'x', contrasena: 'y' } })).rejects.toMatchObject({
      codigo: 'credenciales_invalidas',
      message: 'Usuario o contraseña incorrectos.',
    });
    expect(refresco).not.toHaveBeenCalled();
  });

  it('descarga un adjunto con el nombre que da el servidor', async () => {
    servidor.use(
      http.get('*/api/clientes/exportar', () =>
        new HttpResponse('\ufeffnombre\nMaría', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename=cliente_CC_1020304050_2026-11-23.csv' },
        }),
      ),
    );
    const archivo = await descargarArchivo('/api/clientes/exportar', { formato: 'csv' }, 'respaldo.csv');
    expect(archivo.nombre).toBe('cliente_CC_1020304050_2026-11-23.csv');
    expect(archivo.blob.size).toBeGreaterThan(0);
  });

  it('lee filename* (UTF-8) y filename entre comillas', () => {
    expect(nombreDeContentDisposition("attachment; filename*=UTF-8''fidelizaci%C3%B3n_2026-10.xlsx", 'x')).toBe('fidelización_2026-10.xlsx');
    expect(nombreDeContentDisposition('attachment; filename="fidelizacion_2026-10.xlsx"', 'x')).toBe('fidelizacion_2026-10.xlsx');
    expect(nombreDeContentDisposition(null, 'respaldo.txt')).toBe('respaldo.txt');
  });
});
