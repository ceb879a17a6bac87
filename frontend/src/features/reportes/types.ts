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

/** Quién pidió el archivo: la pantalla, la API, la línea de comandos o el envío mensual. */
export type OrigenReporte = 'pantalla' | 'api' | 'cli' | 'programado';

/** Un reporte generado como archivo (`GET /api/reportes/historial`, routes/reporte_routes.py: ItemHistorial). */
export interface ItemHistorialReporte {
  id: number;
  /** `AAAA-MM` */
  mes: string;
  umbral: number;
  filas: number;
  total: number;
  /** SHA-256 del archivo, en hexadecimal (64 caracteres). */
  sha256: string;
  generado_por: string;
  generado_en: string;
  origen: OrigenReporte | string;
}
