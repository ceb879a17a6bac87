/** El usuario en sesión, como lo dan `/api/auth/me` y el login. */
export interface Usuario {
  usuario: string;
  nombre: string;
  /** Uno de `lib/roles.ts`; se guarda como texto para no romper con un rol nuevo del servidor. */
  rol: string;
  /** Lo que puede hacer (ordenado); menús y rutas se deciden por esto, no por el rol. */
  permisos: string[];
  /** Zona del vendedor; `null` para los demás roles. */
  zona: string | null;
}

export interface Credenciales {
  usuario: string;
  contrasena: string;
}

/** Por qué no hay sesión: para decir "Su sesión expiró" solo cuando corresponde. */
export type MotivoSinSesion = 'expirada' | 'cerrada';

export type EstadoSesion = { usuario: Usuario } | { usuario: null; motivo?: MotivoSinSesion };
