import type { ClienteEncontrado } from '../types';

/** Id de la opción de un cliente en la lista (para `aria-activedescendant`). */
export const idOpcion = (idLista: string, cliente: ClienteEncontrado) => `${idLista}-${cliente.id}`;
