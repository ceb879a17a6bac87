import { tieneRol, type Rol } from '@/lib/roles';

export interface EntradaMenu {
  ruta: string;
  etiqueta: string;
  minimo: Rol;
}

/** Cada pantalla con el rol mínimo que la abre (el servidor aplica la misma regla: 403). */
export const ENTRADAS_MENU: EntradaMenu[] = [
  { ruta: '/', etiqueta: 'Consulta', minimo: 'agente' },
  { ruta: '/reportes/fidelizacion', etiqueta: 'Reporte de fidelización', minimo: 'supervisor' },
  { ruta: '/usuarios', etiqueta: 'Usuarios', minimo: 'admin' },
  { ruta: '/auditoria', etiqueta: 'Auditoría', minimo: 'admin' },
];

export function entradasPara(rol: Rol): EntradaMenu[] {
  return ENTRADAS_MENU.filter((entrada) => tieneRol(rol, entrada.minimo));
}
