import { createContext, useContext, type ReactNode } from 'react';
import type { Cliente } from '../types';

export type CampoContacto = 'telefono' | 'correo' | 'direccion';

/**
 * Lo que la app agrega a la ficha del cliente encontrado sin que esta funcionalidad importe otras
 * (p. ej. SAC 360): la app lo provee alrededor de la consulta y la ficha lo pinta en su lugar.
 */
export interface RanurasFicha {
  /** Un dato de contacto que sí tiene valor (p. ej. enmascarado, con «Revelar»); sin ranura, el texto tal cual. */
  contacto?: (cliente: Cliente, campo: CampoContacto, valor: string) => ReactNode;
  /** Tarjeta «el cliente de un vistazo»: reemplaza los totales del mes de la consulta. */
  vistazo?: (cliente: Cliente) => ReactNode;
  /** Notas de llamadas del cliente. */
  notas?: (cliente: Cliente) => ReactNode;
}

export const ContextoRanurasFicha = createContext<RanurasFicha>({});

export function useRanurasFicha(): RanurasFicha {
  return useContext(ContextoRanurasFicha);
}
