import { useEffect, useState } from 'react';

/** `true` solo si `activo` lleva más de `ms` milisegundos siéndolo (evita parpadeos). */
export function useRetraso(activo: boolean, ms: number): boolean {
  const [cumplido, setCumplido] = useState(false);
  useEffect(() => {
    if (!activo) return undefined;
    const temporizador = window.setTimeout(() => setCumplido(true), ms);
    return () => {
      window.clearTimeout(temporizador);
      setCumplido(false);
    };
  }, [activo, ms]);
  return activo && cumplido;
}
