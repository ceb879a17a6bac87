/** Configuración leída en la construcción (variables VITE_*); sin secretos: todo esto es público. */
export const env = {
  /** Prefijo de la API; vacío = mismo origen (Flask sirve la app y la API en un solo puerto). */
  API_URL: (import.meta.env.VITE_API_URL as string | undefined) ?? '',
  APP_NOMBRE: 'SAC Ríos del Desierto',
  /** Milisegundos antes de mostrar un indicador de carga (evita parpadeos en respuestas rápidas). */
  RETRASO_INDICADOR_MS: 200,
} as const;
