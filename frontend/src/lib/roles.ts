/** Roles acumulativos: agente < supervisor < admin. */
export const ROLES = ['agente', 'supervisor', 'admin'] as const;
export type Rol = (typeof ROLES)[number];

export const NOMBRE_ROL: Record<Rol, string> = {
  agente: 'Agente SAC',
  supervisor: 'Supervisor',
  admin: 'Administrador',
};

export function esRol(valor: unknown): valor is Rol {
  return typeof valor === 'string' && (ROLES as readonly string[]).includes(valor);
}

/** ¿El rol `rol` alcanza el nivel `minimo`? Un rol desconocido no alcanza ninguno. */
export function tieneRol(rol: string | null | undefined, minimo: Rol): boolean {
  if (!esRol(rol)) return false;
  return ROLES.indexOf(rol) >= ROLES.indexOf(minimo);
}
