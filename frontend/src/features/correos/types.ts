/** La bandeja de salida como la da `GET /api/correos` (routes/correo_routes.py: CorreoEsquema). */
export type EstadoCorreo = 'pendiente' | 'enviado' | 'fallido';
export const ESTADOS_CORREO: EstadoCorreo[] = ['pendiente', 'enviado', 'fallido'];

export interface Adjunto {
  nombre: string;
  tipo_mime: string;
}

export interface Correo {
  id: number;
  destinatario: string;
  asunto: string;
  /** Solo con APP_ENV=development; si no, `null`. */
  cuerpo: string | null;
  adjuntos: Adjunto[];
  referencia: string | null;
  estado: EstadoCorreo | string;
  intentos: number;
  ultimo_error: string | null;
  creado_en: string;
  enviado_en: string | null;
}

export interface FiltrosCorreos {
  destinatario?: string;
  estado?: string;
  pagina: number;
}
