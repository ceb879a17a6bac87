import type { Rol } from '@/lib/roles';

/** Roles que el administrador asigna desde esta pantalla (los del SAC y los de M7 Catálogo). */
export const ROLES_ASIGNABLES: Rol[] = ['agente', 'supervisor', 'admin', 'catalogo', 'vendedor'];

export interface UsuarioSistema {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  /** Solo los vendedores tienen zona; un servidor anterior a M7 no la envía. */
  zona?: string | null;
  activo: boolean;
  creado_en: string;
}

export interface NuevoUsuario {
  usuario: string;
  nombre: string;
  rol: Rol;
  contrasena: string;
  /** Obligatoria para `vendedor`; no se envía para los demás roles. */
  zona?: string;
}

export interface CambioUsuario {
  rol?: Rol;
  activo?: boolean;
}

export interface RegistroAuditoria {
  id: number;
  fecha: string;
  usuario: string | null;
  ip: string | null;
  accion: string;
  tipo_documento: string | null;
  cliente_id: number | null;
  parametros: Record<string, unknown> | null;
  resultado: string;
  estado_http: number | null;
}

export interface PaginaAuditoria {
  items: RegistroAuditoria[];
  pagina: number;
  por_pagina: number;
  total: number;
  paginas: number;
}

export interface FiltrosAuditoria {
  usuario?: string;
  desde?: string;
  hasta?: string;
  tipo_documento?: string;
  numero_documento?: string;
  accion?: string;
  pagina: number;
}
