export interface FilaFidelizacion {
  tipo_documento: string;
  numero_documento: string;
  nombre: string;
  apellido: string;
  correo: string | null;
  telefono: string | null;
  numero_compras: number;
  monto_total: number;
  fecha_ultima_compra: string;
}

export interface ResumenFidelizacion {
  mes: string;
  umbral: number;
  cantidad_clientes: number;
  monto_total: number;
  clientes: FilaFidelizacion[];
}

export interface ParametrosReporte {
  /** `AAAA-MM` */
  mes: string;
  /** Pesos COP */
  umbral: number;
}
