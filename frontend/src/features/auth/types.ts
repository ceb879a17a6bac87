import type { Rol } from '@/lib/roles';

export interface Usuario {
  usuario: string;
  nombre: string;
  rol: Rol;
}

export interface Credenciales {
  usuario: string;
  contrasena: string;
}

/** Por qué no hay sesión: para decir "Su sesión expiró" solo cuando corresponde. */
export type MotivoSinSesion = 'expirada' | 'cerrada';

export type EstadoSesion = { usuario: Usuario } | { usuario: null; motivo?: MotivoSinSesion };
