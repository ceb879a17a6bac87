import { useEffect } from 'react';
import { env } from '@/config/env';

/** Título de la pestaña: `Consulta de cliente · SAC Ríos del Desierto`. */
export function useTituloPagina(titulo: string): void {
  useEffect(() => {
    document.title = `${titulo} · ${env.APP_NOMBRE}`;
  }, [titulo]);
}
