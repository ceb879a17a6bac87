/** Cómo entendió el servidor lo que se escribió en la caja (contrato M10, «One search box»). */
export type ModoBusqueda = 'documento' | 'telefono' | 'correo' | 'nombre';

/** Un cliente encontrado; `telefono` y `correo` llegan enmascarados para el agente. */
export interface ClienteEncontrado {
  id: number;
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
  coincidencia: 'exacta' | 'parcial';
  telefono: string | null;
  correo: string | null;
}

/** `GET /api/clientes/busqueda`: `total` cuenta todas aunque solo lleguen `limite`. */
export interface RespuestaBusqueda {
  modo: ModoBusqueda;
  total: number;
  truncado: boolean;
  resultados: ClienteEncontrado[];
}

/** `GET /api/yo/clientes-recientes`: los últimos 10 clientes distintos que abrió el usuario. */
export interface ClienteReciente {
  id: number;
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
  abierto_en: string;
}

/** Lo que identifica al cliente para abrirlo como la consulta por documento. */
export interface DocumentoCliente {
  tipo: string;
  numero: string;
}
