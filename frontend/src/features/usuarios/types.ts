import type { Rol } from '@/lib/roles';

export interface UsuarioSistema {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  activo: boolean;
  creado_en: string;
}

export interface NuevoUsuario {
  usuario: string;
  nombre: string;
  rol: Rol;
  contrasena: string;
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
