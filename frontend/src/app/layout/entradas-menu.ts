import { tienePermiso, type ConPermisos, type Permiso } from '@/lib/permisos';

export interface EntradaMenu {
  ruta: string;
  etiqueta: string;
  permiso: Permiso;
}

/** Cada pantalla con el permiso que la abre (el servidor aplica la misma regla: 403). */
export const ENTRADAS_MENU: EntradaMenu[] = [
  { ruta: '/', etiqueta: 'Consulta', permiso: 'clientes.consultar' },
  { ruta: '/mi-ruta', etiqueta: 'Mi ruta', permiso: 'catalogo.ruta' },
  { ruta: '/reportes/fidelizacion', etiqueta: 'Reporte de fidelización', permiso: 'reportes.fidelizacion' },
  { ruta: '/catalogo', etiqueta: 'Catálogo', permiso: 'catalogo.consultar' },
  { ruta: '/establecimientos', etiqueta: 'Establecimientos', permiso: 'catalogo.consultar' },
  { ruta: '/portafolios', etiqueta: 'Portafolios', permiso: 'catalogo.consultar' },
  { ruta: '/entregas', etiqueta: 'Monitor de entregas', permiso: 'entregas.monitorear' },
  { ruta: '/usuarios', etiqueta: 'Usuarios', permiso: 'usuarios.administrar' },
  { ruta: '/auditoria', etiqueta: 'Auditoría', permiso: 'auditoria.consultar' },
];

export function entradasPara(usuario: ConPermisos): EntradaMenu[] {
  return ENTRADAS_MENU.filter((entrada) => tienePermiso(usuario, entrada.permiso));
}
