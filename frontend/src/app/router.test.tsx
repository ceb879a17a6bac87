import type { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN, AGENTE, CATALOGO, SUPERVISOR, VENDEDOR } from '@/testing/datos';
import { MONITOR } from '@/testing/datos-entregas';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { CLIENTE } from '@/testing/datos-cuponeras';
import { crearQueryClientPruebas } from '@/testing/test-utils';
import { AppProvider } from './provider';
import { rutas } from './router';

/** La app completa (proveedor, guardas, rutas perezosas) en un enrutador en memoria. */

function abrirApp(ruta: string, queryClient: QueryClient = crearQueryClientPruebas()) {
  const router = createMemoryRouter(rutas, { initialEntries: [ruta] });
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, persona: userEvent.setup() };
}

const sinSesion = () =>
  servidor.use(
    http.get('*/api/auth/me', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
    http.post('*/api/auth/refresh', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
  );

describe('rutas de la app', () => {
  it('sin sesión lleva a /login y, tras entrar, vuelve a la página pedida', async () => {
    sinSesion();
    let cuerpoLogin: unknown = null;
    servidor.use(
      http.post('*/api/auth/login', async ({ request }) => {
        cuerpoLogin = await request.json();
        return HttpResponse.json({ access_token: 'a', refresh_token: 'r', usuario: SUPERVISOR });
      }),
    );
    const { router, persona } = abrirApp('/reportes/fidelizacion?mes=2026-09');
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByText('Su sesión expiró. Inicie sesión de nuevo.')).not.toBeInTheDocument();

    await persona.type(screen.getByRole('textbox', { name: /usuario/i }), 'supervisor');
    await persona.type(screen.getByLabelText(/^contraseña/i, { selector: 'input' }), 'Supervisor-Demo-2026{Enter}');
    expect(await screen.findByRole('heading', { name: 'Reporte de fidelización', level: 1 })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?mes=2026-09');
    expect(cuerpoLogin).toEqual({ usuario: 'supervisor', contrasena: 'Supervisor-Demo-2026' });
    expect(document.title).toBe('Reporte de fidelización · SAC Ríos del Desierto');
  });

  it('el agente que abre una URL de admin ve "No tiene permiso" y no ve ese menú', async () => {
    servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(AGENTE)));
    abrirApp('/usuarios');
    expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Su rol (Agente SAC) no permite abrir esta página.');
    expect(screen.queryByRole('link', { name: 'Usuarios' })).not.toBeInTheDocument();
  });

  it('cuando la sesión expira en medio del trabajo, pide entrar de nuevo con un aviso y la ruta de regreso', async () => {
    servidor.use(
      http.get('*/api/auth/me', () => HttpResponse.json(AGENTE)),
      http.get('*/api/clientes/buscar', () => errorApi(401, 'no_autenticado', 'La sesión expiró. Inicie sesión de nuevo.')),
      http.post('*/api/auth/refresh', () => errorApi(401, 'no_autenticado', 'Debe iniciar sesión para continuar.')),
    );
    const { router } = abrirApp('/?tipo=CC&numero=1020304050');
    expect(await screen.findByText('Su sesión expiró. Inicie sesión de nuevo.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('volver')).toBe('/?tipo=CC&numero=1020304050');
  });

  it('cerrar sesión lleva a /login y olvida al usuario', async () => {
    let cerrada = false;
    servidor.use(
      http.get('*/api/auth/me', () => (cerrada ? errorApi(401, 'no_autenticado', 'x') : HttpResponse.json(ADMIN))),
      http.post('*/api/auth/logout', () => {
        cerrada = true;
        return HttpResponse.json({ mensaje: 'Sesión cerrada.' });
      }),
    );
    const { router, persona } = abrirApp('/');
    expect(await screen.findByRole('link', { name: 'Auditoría' })).toBeInTheDocument();
    await persona.click(screen.getByRole('button', { name: 'Cerrar sesión' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('');
    expect(cerrada).toBe(true);
  });

  describe('la página de inicio depende de los permisos', () => {
    it('quien consulta clientes ve la Consulta', async () => {
      const { router } = abrirApp('/');
      expect(await screen.findByRole('heading', { name: 'Consulta de cliente', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/');
    });

    it('el vendedor va a Mi ruta y solo ve esa entrada del menú', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(VENDEDOR)));
      const { router } = abrirApp('/');
      expect(await screen.findByRole('heading', { name: 'Mi ruta', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/mi-ruta');
      expect(screen.getByTestId('usuario-actual')).toHaveTextContent('Víctor Vendedor · Vendedor');
      const menu = screen.getByRole('navigation', { name: 'Menú principal' });
      expect(within(menu).getAllByRole('link').map((a) => a.textContent)).toEqual(['Mi ruta']);
    });

    it('el equipo de catálogo va al Catálogo, con botón para crear productos', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(CATALOGO)));
      const { router } = abrirApp('/');
      expect(await screen.findByRole('heading', { name: 'Catálogo', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/catalogo');
      expect(await screen.findByRole('button', { name: 'Nuevo producto' })).toBeInTheDocument();
    });

    it('el agente abre el catálogo en solo lectura y no abre Mi ruta', async () => {
      const { router } = abrirApp('/catalogo');
      expect(await screen.findByRole('table', { name: 'Productos del catálogo' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Nuevo producto' })).not.toBeInTheDocument();
      await router.navigate('/mi-ruta');
      expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
    });
  });

  describe('M6 Cuponeras', () => {
    it('el cliente del portal entra a sus contratos, con el contador de no leídas en el encabezado', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(CLIENTE)));
      const { router } = abrirApp('/');
      expect(await screen.findByRole('heading', { name: 'Mis contratos', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/portal');
      expect(await screen.findByRole('link', { name: 'Notificaciones, 2 sin leer' })).toBeInTheDocument();
      expect(await screen.findByRole('link', { name: 'Contrato 100200300' })).toBeInTheDocument();
      await router.navigate('/');
      await router.navigate('/contratos/100200300');
      expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
    });

    it('sin sesión, el login enlaza al registro y el registro abre sin pedir sesión', async () => {
      sinSesion();
      const { persona, router } = abrirApp('/login');
      await persona.click(await screen.findByRole('link', { name: 'Regístrese en el portal' }));
      expect(await screen.findByRole('heading', { name: 'Crear cuenta del portal', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/portal/registro');
    });

    it('el enlace del correo verifica la cuenta sin sesión', async () => {
      sinSesion();
      abrirApp('/portal/verificar?token=abc');
      expect(await screen.findByRole('heading', { name: 'Verificar correo', level: 1 })).toBeInTheDocument();
      expect(await screen.findByText('Su cuenta quedó activa. Ya puede iniciar sesión con su correo y su contraseña.')).toBeInTheDocument();
    });

    it('el agente ve la sección de contratos en la ficha del cliente y abre un contrato por número', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(AGENTE)));
      const { persona, router } = abrirApp('/?tipo=CC&numero=1020304050');
      // La ficha completa (con el vistazo y las notas de SAC 360) y el trozo perezoso de contratos:
      // en la máquina compartida, con la suite entera corriendo, puede pasar de los 5 s por defecto.
      expect(await screen.findByRole('heading', { name: 'Contratos y cupones' }, { timeout: 12_000 })).toBeInTheDocument();
      await router.navigate('/contratos');
      expect(await screen.findByRole('heading', { name: 'Contratos', level: 1 })).toBeInTheDocument();
      await persona.type(screen.getByRole('textbox', { name: 'Número de contrato' }), '100200300{Enter}');
      expect(await screen.findByText('María José Peña Muñoz · CC 1020304050')).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/contratos/100200300');
    });

    it('solo el administrador abre la bandeja de salida', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(ADMIN)));
      abrirApp('/correos');
      expect(await screen.findByRole('heading', { name: 'Bandeja de salida', level: 1 })).toBeInTheDocument();
      expect(await screen.findByText('Verifique su correo')).toBeInTheDocument();
    });
  });

  it('el monitor entra directo al monitor de entregas y solo ve esa entrada del menú', async () => {
    servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(MONITOR)));
    const { router } = abrirApp('/');
    expect(await screen.findByRole('heading', { name: 'Monitor de entregas', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/entregas');
    expect(document.title).toBe('Monitor de entregas · SAC Ríos del Desierto');
    expect(await screen.findByRole('group', { name: 'Pedidos en la última hora' })).toHaveTextContent('42');
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).getAllByRole('link').map((a) => a.textContent)).toEqual(['Monitor de entregas']);
  });

  it('sin el permiso entregas.monitorear, /entregas muestra "No tiene permiso" y no pide las métricas', async () => {
    const pedidas: string[] = [];
    servidor.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/api/entregas')) pedidas.push(request.url);
    });
    abrirApp('/entregas');
    expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Monitor de entregas' })).not.toBeInTheDocument();
    expect(pedidas).toEqual([]);
  });

  describe('M10 SAC 360: historial de reportes y calidad de datos', () => {
    it('el supervisor va del reporte de fidelización al historial por el enlace', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(SUPERVISOR)));
      const { persona, router } = abrirApp('/reportes/fidelizacion');
      await persona.click(await screen.findByRole('link', { name: 'Ver el historial de reportes generados' }));
      expect(await screen.findByRole('heading', { name: 'Historial de reportes', level: 1 })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/reportes/historial');
      expect(document.title).toBe('Historial de reportes · SAC Ríos del Desierto');
      expect(await screen.findByRole('table', { name: 'Historial de reportes' })).toBeInTheDocument();
      const menu = screen.getByRole('navigation', { name: 'Menú principal' });
      expect(within(menu).getByRole('link', { name: 'Historial de reportes' })).toHaveAttribute('aria-current', 'page');
    });

    it('el supervisor abre Calidad de datos y no ve el botón Fusionar', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(SUPERVISOR)));
      abrirApp('/calidad');
      expect(await screen.findByRole('heading', { name: 'Calidad de datos', level: 1 })).toBeInTheDocument();
      expect(await screen.findByRole('table', { name: 'Advertencias de calidad de datos' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Fusionar/ })).not.toBeInTheDocument();
    });

    it('el administrador ve Fusionar en Calidad de datos', async () => {
      servidor.use(http.get('*/api/auth/me', () => HttpResponse.json(ADMIN)));
      abrirApp('/calidad');
      expect(await screen.findByRole('button', { name: 'Fusionar CC 1020304050 y CE 998877' })).toBeInTheDocument();
    });

    it('el agente no abre el historial ni la calidad de datos, ni ve el enlace', async () => {
      const pedidas: string[] = [];
      servidor.events.on('request:start', ({ request }) => {
        const ruta = new URL(request.url).pathname;
        if (ruta.startsWith('/api/calidad') || ruta.startsWith('/api/reportes/historial')) pedidas.push(ruta);
      });
      const { router } = abrirApp('/reportes/historial');
      expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
      await router.navigate('/calidad');
      expect(await screen.findByRole('heading', { name: 'No tiene permiso' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Calidad de datos' })).not.toBeInTheDocument();
      expect(pedidas).toEqual([]);
    });
  });

  it('una ruta inexistente muestra "Página no encontrada"', async () => {
    abrirApp('/no-existe');
    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeInTheDocument();
  });
});
