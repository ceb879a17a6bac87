/**
 * Roles del SAC y sus nombres para mostrar. Ya no son una escalera: lo que cada rol puede hacer lo
 * dicen sus permisos (`lib/permisos.ts`), que envía el servidor.
 */
export const ROLES = ['agente', 'supervisor', 'admin', 'vendedor', 'catalogo', 'monitor', 'cliente', 'recaudo'] as const;
export type Rol = (typeof ROLES)[number];

export const NOMBRE_ROL: Record<Rol, string> = {
  agente: 'Agente SAC',
  supervisor: 'Supervisor',
  admin: 'Administrador',
  vendedor: 'Vendedor',
  catalogo: 'Catálogo',
  monitor: 'Monitor de entregas',
  cliente: 'Cliente',
  recaudo: 'Recaudo',
};

export function esRol(valor: unknown): valor is Rol {
  return typeof valor === 'string' && (ROLES as readonly string[]).includes(valor);
}

/** Nombre para mostrar; un rol que esta versión no conoce se muestra tal cual. */
export function nombreRol(rol: string | null | undefined): string {
  if (!rol) return '';
  return esRol(rol) ? NOMBRE_ROL[rol] : rol;
}
