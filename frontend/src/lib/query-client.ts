import { QueryClient } from '@tanstack/react-query';
import { esErrorApi } from '@/lib/api-client';

/** Reintenta solo fallos de red o del servidor (5xx), nunca errores del usuario (4xx). */
export function debeReintentar(intentos: number, error: unknown): boolean {
  if (esErrorApi(error) && error.estado >= 400 && error.estado < 500) return false;
  return intentos < 1;
}

export function crearQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: debeReintentar, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
