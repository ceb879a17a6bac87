/** Permisos que el servidor envía en `usuario.permisos` (la tabla está en el servidor: services/permisos_service.py). */
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
