import { useEffect, useEffectEvent, useState } from 'react';
import { construirUrl } from '@/lib/api-client';
import { leerEvento } from '../lib/feed';
import { esperaReintento } from '../lib/retroceso';
import type { EstadoConexion, EventoEntrega } from '../types';

export const RUTA_EVENTOS = '/api/entregas/eventos';

export interface OpcionesEnVivo {
  /** Cada `event: entrega` ya validado. */
  alEvento: (evento: EventoEntrega) => void;
  /**
   * Relee métricas y feed con el cliente HTTP de la app. Se llama antes de reabrir el flujo tras una
   * caída (si la sesión venció, ese cliente la refresca: EventSource no puede) y otra vez al abrir,
   * para cubrir lo registrado mientras no hubo conexión. Si falla, se reintenta más tarde.
   */
  alVolver: () => Promise<unknown>;
  /** Primera espera del retroceso (luego 2×, 4×… hasta 30 s). */
  esperaBaseMs?: number;
  /** Una caída más corta que esto (p. ej. el cierre programado del flujo cada 10 min) no se marca. */
  graciaMs?: number;
}

export interface EstadoEnVivo {
  estado: EstadoConexion;
  /** Desde cuándo está caída (solo con `estado === 'caida'`). */
  caidaDesde: Date | null;
  /** Cuándo volvió tras una caída marcada (se limpia en la siguiente caída). */
  restablecidaEn: Date | null;
}

const INICIAL: EstadoEnVivo = { estado: 'conectando', caidaDesde: null, restablecidaEn: null };

/**
 * Flujo SSE `/api/entregas/eventos` con la cookie de sesión (mismo origen: EventSource la envía; no
 * hay token en la URL). Ante cualquier error se cierra y se reabre con retroceso exponencial, tras
 * releer los datos; la caída se marca si dura más que `graciaMs`, y su regreso también.
 */
export function useEventosEntregas({ alEvento, alVolver, esperaBaseMs = 1000, graciaMs = 3000 }: OpcionesEnVivo): EstadoEnVivo {
  const [estado, setEstado] = useState<EstadoEnVivo>(INICIAL);
  const recibir = useEffectEvent((evento: EventoEntrega) => alEvento(evento));
  const releer = useEffectEvent(() => alVolver());

  useEffect(() => {
    let fuente: EventSource | null = null;
    let reintento: number | undefined;
    let gracia: number | undefined;
    let intento = 0;
    let caida = false; // hubo un error y aún no reabre
    let marcada = false; // la caída ya se mostró
    let vigente = true;

    const abrir = () => {
      const nueva = new EventSource(construirUrl(RUTA_EVENTOS));
      fuente = nueva;
      nueva.addEventListener('open', () => {
        intento = 0;
        window.clearTimeout(gracia);
        if (caida) void releer().catch(() => undefined);
        const volvio = marcada;
        caida = false;
        marcada = false;
        setEstado((previo) => ({ estado: 'en-vivo', caidaDesde: null, restablecidaEn: volvio ? new Date() : previo.restablecidaEn }));
      });
      nueva.addEventListener('entrega', (mensaje) => {
        const evento = leerEvento((mensaje as MessageEvent<string>).data);
        if (evento) recibir(evento);
      });
      nueva.addEventListener('error', () => {
        nueva.close();
        if (fuente === nueva) fuente = null;
        if (!caida) {
          caida = true;
          const desde = new Date();
          gracia = window.setTimeout(() => {
            if (!vigente || !caida) return;
            marcada = true;
            setEstado({ estado: 'caida', caidaDesde: desde, restablecidaEn: null });
          }, graciaMs);
        }
        programar();
      });
    };

    const programar = () => {
      window.clearTimeout(reintento);
      reintento = window.setTimeout(() => void reintentar(), esperaReintento(intento, esperaBaseMs));
      intento += 1;
    };

    const reintentar = async () => {
      try {
        await releer();
      } catch {
        if (vigente) programar();
        return;
      }
      if (vigente) abrir();
    };

    abrir();
    return () => {
      vigente = false;
      window.clearTimeout(reintento);
      window.clearTimeout(gracia);
      fuente?.close();
    };
  }, [esperaBaseMs, graciaMs]);

  return estado;
}
