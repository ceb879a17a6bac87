import type { Rol } from './roles';

/** Permisos que el servidor envía en `usuario.permisos` (tabla acordada: PERMISOS.md). */
export type Permiso =
  | 'clientes.consultar'
  | 'clientes.exportar'
  | 'reportes.fidelizacion'
  | 'usuarios.administrar'
  | 'auditoria.consultar'
  | 'importacion.cargar'
  | 'catalogo.consultar'
  | 'catalogo.editar'
  | 'catalogo.ruta'
  | 'entregas.monitorear'
  | 'cuponeras.consultar'
  | 'cuponeras.portal'
  | 'pagos.registrar'
  | 'correos.consultar'
  | 'clientes.contacto_completo'
  | 'clientes.revelar'
  | 'clientes.notas'
  | 'reportes.historial'
  | 'calidad.consultar'
  | 'clientes.fusionar';

/** Lo mínimo que hace falta para decidir: la lista de permisos del usuario en sesión. */
export interface ConPermisos {
  permisos: readonly string[];
}

/** ¿El usuario tiene el permiso? Sin usuario, no. */
export function tienePermiso(usuario: ConPermisos | null | undefined, permiso: Permiso): boolean {
  return Boolean(usuario?.permisos.includes(permiso));
}

// ---------------------------------------------------------------------------------------------
// RESPALDO TEMPORAL. Mientras el servidor no envíe `permisos` (antes de fusionar el backend de
// M7), se derivan del rol con la tabla de PERMISOS.md. Borre este bloque y `completarPermisos`
// cuando `/api/auth/me` y el login traigan siempre `permisos` y `zona`.
// ---------------------------------------------------------------------------------------------
const STAFF_SAC: Rol[] = ['agente', 'supervisor', 'admin'];
const RESPALDO_ROLES_POR_PERMISO: Record<Permiso, Rol[]> = {
  'clientes.consultar': STAFF_SAC,
  'clientes.exportar': STAFF_SAC,
  'reportes.fidelizacion': ['supervisor', 'admin'],
  'usuarios.administrar': ['admin'],
  'auditoria.consultar': ['admin'],
  'importacion.cargar': ['admin'],
  'catalogo.consultar': [...STAFF_SAC, 'catalogo'],
  'catalogo.editar': ['catalogo', 'admin'],
  'catalogo.ruta': ['vendedor'],
  'entregas.monitorear': ['monitor', 'supervisor', 'admin'],
  'cuponeras.consultar': STAFF_SAC,
  'cuponeras.portal': ['cliente'],
  'pagos.registrar': ['recaudo', 'admin'],
  'correos.consultar': ['admin'],
  'clientes.contacto_completo': ['supervisor', 'admin'],
  'clientes.revelar': STAFF_SAC,
  'clientes.notas': STAFF_SAC,
  'reportes.historial': ['supervisor', 'admin'],
  'calidad.consultar': ['supervisor', 'admin'],
  'clientes.fusionar': ['admin'],
};

/** RESPALDO TEMPORAL: permisos de un rol según PERMISOS.md, ordenados como los da el servidor. */
export function permisosDeRol(rol: string): Permiso[] {
  return (Object.keys(RESPALDO_ROLES_POR_PERMISO) as Permiso[])
    .filter((permiso) => (RESPALDO_ROLES_POR_PERMISO[permiso] as string[]).includes(rol))
    .sort();
}

interface UsuarioDelServidor {
  rol: string;
  permisos?: string[] | null;
  zona?: string | null;
}

/** Usa los permisos del servidor; solo si faltan (servidor anterior a M7) los deriva del rol. */
export function completarPermisos<T extends UsuarioDelServidor>(usuario: T): T & { permisos: string[]; zona: string | null } {
  return {
    ...usuario,
    permisos: Array.isArray(usuario.permisos) ? usuario.permisos : permisosDeRol(usuario.rol),
    zona: usuario.zona ?? null,
  };
}
