import { createBrowserRouter, type RouteObject } from 'react-router';
import { PaginaConsulta } from './routes/consulta';
import { CargaInicial, ErrorDeRuta } from './routes/error-ruta';
import { RequiereRol, RequiereSesion } from './routes/guardas';
import { PaginaLogin } from './routes/login';
import { PaginaNoEncontrada } from './routes/no-encontrada';

/** Consulta (la pantalla de todos los días) va en el paquete inicial; el resto se carga al abrirlo. */
export const rutas: RouteObject[] = [
  {
    errorElement: <ErrorDeRuta />,
    hydrateFallbackElement: <CargaInicial />,
    children: [
      { path: '/login', element: <PaginaLogin /> },
      {
        element: <RequiereSesion />,
        children: [
          { index: true, element: <PaginaConsulta /> },
          {
            path: 'reportes/fidelizacion',
            element: <RequiereRol minimo="supervisor" />,
            children: [{ index: true, lazy: () => import('./routes/reporte-fidelizacion') }],
          },
          {
            path: 'usuarios',
            element: <RequiereRol minimo="admin" />,
            children: [{ index: true, lazy: () => import('./routes/usuarios') }],
          },
          {
            path: 'auditoria',
            element: <RequiereRol minimo="admin" />,
            children: [{ index: true, lazy: () => import('./routes/auditoria') }],
          },
          { path: '*', element: <PaginaNoEncontrada /> },
        ],
      },
    ],
  },
];

export function crearRouter() {
  return createBrowserRouter(rutas);
}
