import { tienePermiso, type ConPermisos, type Permiso } from '@/lib/permisos';

export interface EntradaMenu {
  ruta: string;
  etiqueta: string;
  permiso: Permiso;
}

/** Cada pantalla con el permiso que la abre (el servidor aplica la misma regla: 403). */
export const ENTRADAS_MENU: EntradaMenu[] = [
  { ruta: '/', etiqueta: 'Consulta', permiso: 'clientes.consultar' },
  { ruta: '/portal', etiqueta: 'Mis contratos', permiso: 'cuponeras.portal' },
  { ruta: '/portal/beneficios', etiqueta: 'Mis beneficios', permiso: 'cuponeras.portal' },
  { ruta: '/portal/notificaciones', etiqueta: 'Notificaciones', permiso: 'cuponeras.portal' },
  { ruta: '/contratos', etiqueta: 'Contratos', permiso: 'cuponeras.consultar' },
  { ruta: '/mi-ruta', etiqueta: 'Mi ruta', permiso: 'catalogo.ruta' },
  { ruta: '/reportes/fidelizacion', etiqueta: 'Reporte de fidelización', permiso: 'reportes.fidelizacion' },
  { ruta: '/reportes/historial', etiqueta: 'Historial de reportes', permiso: 'reportes.historial' },
  { ruta: '/calidad', etiqueta: 'Calidad de datos', permiso: 'calidad.consultar' },
  { ruta: '/catalogo', etiqueta: 'Catálogo', permiso: 'catalogo.consultar' },
  { ruta: '/establecimientos', etiqueta: 'Establecimientos', permiso: 'catalogo.consultar' },
  { ruta: '/portafolios', etiqueta: 'Portafolios', permiso: 'catalogo.consultar' },
  { ruta: '/entregas', etiqueta: 'Monitor de entregas', permiso: 'entregas.monitorear' },
  { ruta: '/usuarios', etiqueta: 'Usuarios', permiso: 'usuarios.administrar' },
  { ruta: '/auditoria', etiqueta: 'Auditoría', permiso: 'auditoria.consultar' },
  { ruta: '/correos', etiqueta: 'Bandeja de salida', permiso: 'correos.consultar' },
];

/** La entrada de la página actual: la de ruta más larga que la contiene (`/portal/beneficios` antes que `/portal`). */
export function entradaActiva(entradas: EntradaMenu[], pathname: string): EntradaMenu | undefined {
  const contiene = (ruta: string) => (ruta === '/' ? pathname === '/' : pathname === ruta || pathname.startsWith(`${ruta}/`));
  return entradas.filter((e) => contiene(e.ruta)).sort((a, b) => b.ruta.length - a.ruta.length)[0];
}

export function entradasPara(usuario: ConPermisos): EntradaMenu[] {
  return ENTRADAS_MENU.filter((entrada) => tienePermiso(usuario, entrada.permiso));
}
