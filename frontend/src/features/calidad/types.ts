/** Calidad de datos (M10): `GET /api/calidad/advertencias` (routes/sac360/calidad_routes.py). */
export type TipoAdvertencia = 'duplicado' | 'telefono_invalido' | 'correo_invalido' | 'correo_compartido';
export const TIPOS_ADVERTENCIA: TipoAdvertencia[] = ['duplicado', 'telefono_invalido', 'correo_invalido', 'correo_compartido'];

export interface ClienteInvolucrado {
  id: number;
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
}

export interface Advertencia {
  tipo: TipoAdvertencia | string;
  clientes: ClienteInvolucrado[];
}

export interface FiltrosAdvertencias {
  tipo?: TipoAdvertencia;
  pagina: number;
}

/** `POST /api/clientes/{id}/fusionar`: `id` sobrevive; `con` queda inactivo y su documento, alias. */
export interface SolicitudFusion {
  sobreviviente: number;
  con: number;
  motivo: string;
}

/** Filas que pasaron al sobreviviente; las de cada módulo (contratos, beneficios…) solo si el módulo existe. */
export interface Movidos {
  compras?: number;
  notas?: number;
  contratos?: number;
  beneficios?: number;
  [otro: string]: number | undefined;
}

/** El sobreviviente tal como queda, con sus alias y lo que se le movió. */
export interface ResultadoFusion extends ClienteInvolucrado {
  activo: boolean;
  alias: { tipo_documento: string; numero_documento: string }[];
  movidos: Movidos;
}
