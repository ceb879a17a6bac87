import type { ClienteEncontrado, ClienteReciente, ModoBusqueda, RespuestaBusqueda } from '@/features/busqueda/types';

/** María como la devuelve la caja a un agente: contacto enmascarado. */
export const ENCONTRADA_MARIA: ClienteEncontrado = {
  id: 1,
  tipo_documento: 'CC',
  numero_documento: '1020304050',
  nombre: 'María José',
  apellido: 'Peña Muñoz',
  coincidencia: 'exacta',
  telefono: '302*****02',
  correo: 'ma***@example.com',
};

export function encontrado(id: number, cambios: Partial<ClienteEncontrado> = {}): ClienteEncontrado {
  return {
    id,
    tipo_documento: 'CC',
    numero_documento: String(30_000_000 + id),
    nombre: `Cliente ${id}`,
    apellido: 'Prueba',
    coincidencia: 'parcial',
    telefono: null,
    correo: null,
    ...cambios,
  };
}

export function respuestaBusqueda(modo: ModoBusqueda, resultados: ClienteEncontrado[], total = resultados.length): RespuestaBusqueda {
  return { modo, total, truncado: total > resultados.length, resultados };
}

export const RECIENTE_MARIA: ClienteReciente = {
  id: 1,
  tipo_documento: 'CC',
  numero_documento: '1020304050',
  nombre: 'María José',
  apellido: 'Peña Muñoz',
  abierto_en: '2026-11-29T10:30:00-05:00',
};

export const RECIENTE_EMPRESA: ClienteReciente = {
  id: 4,
  tipo_documento: 'NIT',
  numero_documento: '900123456',
  nombre: 'Comercializadora Andina del Caribe S.A.S.',
  apellido: '',
  abierto_en: '2026-11-29T09:15:00-05:00',
};
