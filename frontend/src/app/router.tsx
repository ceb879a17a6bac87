import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permiso } from '@/lib/permisos';
import { CargaInicial, ErrorDeRuta } from './routes/error-ruta';
import { RequierePermiso, RequiereSesion } from './routes/guardas';
import { PaginaInicio } from './routes/inicio';
import { PaginaLogin } from './routes/login';
import { PaginaNoEncontrada } from './routes/no-encontrada';

/** Una pantalla perezosa detrás de su permiso. */
function protegida(path: string, permiso: Permiso, lazy: RouteObject['lazy']): RouteObject {
  return { path, element: <RequierePermiso permiso={permiso} />, children: [{ index: true, lazy } as RouteObject] };
}

/** Una página del módulo de cuponeras (todas en un mismo trozo perezoso). */
type PaginasCuponeras = typeof import('./routes/cuponeras');
const cuponeras = (nombre: keyof PaginasCuponeras): RouteObject['lazy'] => async () => ({
  Component: (await import('./routes/cuponeras'))[nombre],
});

/** Consulta (la pantalla de todos los días) va en el paquete inicial; el resto se carga al abrirlo. */
export const rutas: RouteObject[] = [
  {
    errorElement: <ErrorDeRuta />,
    hydrateFallbackElement: <CargaInicial />,
    children: [
      { path: '/login', element: <PaginaLogin /> },
      // Portal de clientes sin sesión: registro y el enlace de verificación del correo.
      { path: '/portal/registro', lazy: () => import('./routes/registro') },
      { path: '/portal/verificar', lazy: async () => ({ Component: (await import('./routes/registro')).PaginaVerificar }) },
      {
        element: <RequiereSesion />,
        children: [
          { index: true, element: <PaginaInicio /> },
          protegida('reportes/fidelizacion', 'reportes.fidelizacion', () => import('./routes/reporte-fidelizacion')),
          protegida('reportes/historial', 'reportes.historial', () => import('./routes/historial-reportes')),
          protegida('calidad', 'calidad.consultar', () => import('./routes/calidad')),
          protegida('usuarios', 'usuarios.administrar', () => import('./routes/usuarios')),
          protegida('auditoria', 'auditoria.consultar', () => import('./routes/auditoria')),
          protegida('catalogo', 'catalogo.consultar', () => import('./routes/catalogo')),
          protegida('establecimientos', 'catalogo.consultar', () => import('./routes/establecimientos')),
          protegida('portafolios', 'catalogo.consultar', () => import('./routes/portafolios')),
          protegida('mi-ruta', 'catalogo.ruta', () => import('./routes/mi-ruta')),
          protegida('mi-ruta/:establecimientoId', 'catalogo.ruta', () => import('./routes/mi-ruta-establecimiento')),
          protegida('contratos', 'cuponeras.consultar', cuponeras('PaginaContratos')),
          protegida('contratos/:numero', 'cuponeras.consultar', cuponeras('PaginaContratoSac')),
          protegida('cupones/:numero', 'cuponeras.consultar', cuponeras('PaginaCuponSac')),
          protegida('facturas/:numero', 'cuponeras.consultar', cuponeras('PaginaFacturaSac')),
          protegida('correos', 'correos.consultar', () => import('./routes/correos')),
          protegida('portal', 'cuponeras.portal', cuponeras('PaginaMisContratos')),
          protegida('portal/contratos/:numero', 'cuponeras.portal', cuponeras('PaginaContratoPortal')),
          protegida('portal/cupones/:numero', 'cuponeras.portal', cuponeras('PaginaCuponPortal')),
          protegida('portal/facturas/:numero', 'cuponeras.portal', cuponeras('PaginaFacturaPortal')),
          protegida('portal/beneficios', 'cuponeras.portal', cuponeras('PaginaMisBeneficios')),
          // Cualquier usuario con sesión tiene sus notificaciones.
          { path: 'portal/notificaciones', lazy: cuponeras('PaginaNotificaciones') },
          protegida('entregas', 'entregas.monitorear', () => import('./routes/monitor-entregas')),
          { path: '*', element: <PaginaNoEncontrada /> },
        ],
      },
    ],
  },
];

export function crearRouter() {
  return createBrowserRouter(rutas);
}
