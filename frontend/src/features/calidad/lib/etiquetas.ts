import type { ClienteInvolucrado, TipoAdvertencia } from '../types';

export const ETIQUETA_TIPO: Record<TipoAdvertencia, string> = {
  duplicado: 'Duplicados',
  telefono_invalido: 'Teléfonos no colombianos',
  correo_invalido: 'Correos mal formados',
  correo_compartido: 'Correos compartidos',
};

/** Qué significa cada advertencia, en una frase para quien la revisa. */
export const EXPLICACION_TIPO: Record<TipoAdvertencia, string> = {
  duplicado: 'La misma persona bajo dos documentos: mismo nombre completo y mismo teléfono o correo.',
  telefono_invalido: 'El teléfono no es un celular (3xx) ni un fijo (60x) colombiano de 10 dígitos.',
  correo_invalido: 'El correo no es una dirección válida.',
  correo_compartido: 'Varios clientes tienen el mismo correo.',
};

/** Singular para la insignia de cada advertencia (`Duplicado`, `Teléfono no colombiano`…). */
export const NOMBRE_TIPO: Record<TipoAdvertencia, string> = {
  duplicado: 'Duplicado',
  telefono_invalido: 'Teléfono no colombiano',
  correo_invalido: 'Correo mal formado',
  correo_compartido: 'Correo compartido',
};

export function esTipoAdvertencia(valor: string | null | undefined): valor is TipoAdvertencia {
  return valor !== null && valor !== undefined && valor in ETIQUETA_TIPO;
}

export function nombreCompleto(cliente: Pick<ClienteInvolucrado, 'nombre' | 'apellido'>): string {
  return [cliente.nombre, cliente.apellido].filter(Boolean).join(' ');
}

export function documento(cliente: Pick<ClienteInvolucrado, 'tipo_documento' | 'numero_documento'>): string {
  return `${cliente.tipo_documento} ${cliente.numero_documento}`;
}

/** La Consulta abre al cliente con `/?tipo=CC&numero=…`. */
export function rutaConsulta(cliente: Pick<ClienteInvolucrado, 'tipo_documento' | 'numero_documento'>): string {
  return `/?${new URLSearchParams({ tipo: cliente.tipo_documento, numero: cliente.numero_documento }).toString()}`;
}

export const MOTIVO_MINIMO = 10;
export const MOTIVO_MAXIMO = 300;

/** El motivo cuenta tras recortar espacios, como en el servidor. */
export function errorMotivo(motivo: string): string | undefined {
  const largo = motivo.trim().length;
  if (largo < MOTIVO_MINIMO) return `Escriba el motivo (mínimo ${MOTIVO_MINIMO} caracteres).`;
  if (largo > MOTIVO_MAXIMO) return `El motivo admite hasta ${MOTIVO_MAXIMO} caracteres.`;
  return undefined;
}
