export type EstadoCompra = 'pagada' | 'anulada' | 'devuelta';

export interface Cliente {
  id: number;
  tipo_documento: string;
  tipo_documento_nombre: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
  correo: string | null;
  telefono: string | null;
  ciudad: string | null;
  direccion: string | null;
  fecha_registro: string;
  activo: boolean;
}

export interface Compra {
  id: number;
  numero_factura: string;
  fecha: string;
  total: number;
  estado: EstadoCompra | string;
  canal: string | null;
  tienda: string | null;
}

export interface TotalMes {
  mes: string;
  total: number;
  compras: number;
}

export interface ResultadoBusqueda {
  cliente: Cliente;
  /** Las más recientes (hasta COMPRAS_RECIENTES); `compras_total` dice cuántas hay en total. */
  compras: Compra[];
  compras_total?: number;
  compras_truncado?: boolean;
  /** El documento buscado es de un cliente fusionado (M10): llega el que lo conserva. */
  por_alias?: boolean;
  totales: {
    mes_actual: TotalMes;
    mes_anterior: TotalMes;
    total_mes_actual: number;
    total_mes_anterior: number;
  };
  fidelizacion: { umbral: number; mes: string; califica: boolean };
}

export interface PaginaCompras {
  items: Compra[];
  pagina: number;
  por_pagina: number;
  total: number;
  paginas: number;
}

export interface ConsultaDocumento {
  tipo: string;
  numero: string;
}

export type FormatoExportacion = 'csv' | 'xlsx' | 'txt';
