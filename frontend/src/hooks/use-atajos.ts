import { createContext, useContext, useEffect, useRef } from 'react';
import { atajoDelEvento, type AccionAtajo } from '@/lib/atajos';

type TipoAccion = AccionAtajo['tipo'];
/** `false`: no había nada que hacer (la tecla sigue su curso, p. ej. Esc con la caja vacía). */
type Manejador<T extends TipoAccion> = (accion: Extract<AccionAtajo, { tipo: T }>) => boolean | void;

/**
 * Quién atiende cada atajo: la caja de búsqueda registra `buscar` y `limpiar`, los botones de
 * exportar registran `exportar` mientras hay un cliente abierto. `disparar` lo usa también el
 * botón visible «Atajos (?)».
 */
export interface RegistroAtajos {
  registrar<T extends TipoAccion>(tipo: T, manejador: Manejador<T>): () => void;
  /** Atiende la acción; `false` si nadie la atendió (la tecla sigue su curso). */
  disparar(accion: AccionAtajo): boolean;
}

export const ContextoAtajos = createContext<RegistroAtajos | null>(null);

/** El registro de la pantalla, o `null` fuera de las pantallas del SAC (y en pruebas aisladas). */
export function useRegistroAtajos(): RegistroAtajos | null {
  return useContext(ContextoAtajos);
}

/** Atiende un atajo mientras el componente esté montado (el último en registrarse gana). */
export function useAccionAtajo<T extends TipoAccion>(tipo: T, manejador: Manejador<T>): void {
  const registro = useRegistroAtajos();
  const actual = useRef(manejador);
  useEffect(() => {
    actual.current = manejador;
  });
  useEffect(() => registro?.registrar(tipo, (accion) => actual.current(accion)), [registro, tipo]);
}

/**
 * Escucha el teclado de toda la ventana y entrega la acción de cada atajo válido a `alAtajo`
 * (nunca mientras se escribe en un campo). Si `alAtajo` devuelve `false`, la tecla sigue su curso.
 */
export function useAtajos(alAtajo: (accion: AccionAtajo) => boolean, activo = true): void {
  const actual = useRef(alAtajo);
  useEffect(() => {
    actual.current = alAtajo;
  });
  useEffect(() => {
    if (!activo) return undefined;
    const alPulsar = (evento: KeyboardEvent) => {
      const accion = atajoDelEvento(evento);
      if (accion && actual.current(accion)) evento.preventDefault();
    };
    window.addEventListener('keydown', alPulsar);
    return () => window.removeEventListener('keydown', alPulsar);
  }, [activo]);
}
