import { useEffect, useState } from 'react';

/** El autor puede corregir su nota durante 15 minutos desde que la creó (`nota_controller.MINUTOS_EDICION`). */
export const MINUTOS_EDICION = 15;

/** Milisegundos que le quedan a la nota para poder corregirse (0 si ya pasó el plazo). */
export function restanteEdicion(creadaEn: string, ahora: number): number {
  const creada = new Date(creadaEn).getTime();
  if (Number.isNaN(creada)) return 0;
  return Math.max(0, creada + MINUTOS_EDICION * 60_000 - ahora);
}

/** ¿Se puede corregir todavía? Pasa a `false` sola cuando vence el plazo (el botón desaparece). */
export function useDentroDelPlazo(creadaEn: string, activo: boolean): boolean {
  const [vigente, setVigente] = useState(() => activo && restanteEdicion(creadaEn, Date.now()) > 0);
  useEffect(() => {
    if (!activo) return undefined;
    const restante = restanteEdicion(creadaEn, Date.now());
    const temporizador = window.setTimeout(() => setVigente(false), restante);
    return () => window.clearTimeout(temporizador);
  }, [creadaEn, activo]);
  return activo && vigente;
}
