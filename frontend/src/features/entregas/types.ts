/**
 * M8 Entregas: lo que envía el servidor (routes/entregas/monitor_routes.py). El dinero y las razones
 * viajan como texto decimal con 2 lugares ("812.40") y se muestran sin pasar por números de coma
 * flotante. Los montos están en la moneda del catálogo de Cargo Express, no en pesos colombianos.
 */

export interface TotalesEntregas {
  entregas: number;
  unidades: number;
  ingresos: string;
  unidades_por_entrega: string;
  ticket_promedio: string;
}

export interface MetricaRepartidor {
  id_repartidor: number;
  nombre: string;
  entregas: number;
  unidades: number;
  ingresos: string;
  entregas_por_hora: string;
}

export interface MetricaProducto {
  id_producto: string;
  producto: string;
  unidades: number;
  ingresos: string;
}

export interface MetricaHora {
  hora: string;
  entregas: number;
  ingresos: string;
}

/** Milisegundos de `registrado_en − entregado_en`; `null` si la ventana no tiene pedidos. */
export interface LatenciaRegistro {
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export interface MetricasEntregas {
  desde: string;
  hasta: string;
  generado_en: string;
  totales: TotalesEntregas;
  por_repartidor: MetricaRepartidor[];
  por_producto: MetricaProducto[];
  por_hora: MetricaHora[];
  latencia_registro_ms: LatenciaRegistro;
}

export interface LineaEntrega {
  id_producto: string;
  producto: string;
  cantidad: number;
  precio: string;
}

export interface EntregaReciente {
  pedido_id: string;
  repartidor: { id_repartidor: number; nombre: string };
  /** `null` mientras el pedido viene solo del evento en vivo (sin líneas) y no se ha releído. */
  lineas: LineaEntrega[] | null;
  unidades: number;
  total: string;
  entregado_en: string;
  registrado_en: string;
}

export interface RecientesEntregas {
  entregas: EntregaReciente[];
  /** Pedidos registrados en total: el feed trae solo los últimos y lo dice. */
  total: number;
  truncado: boolean;
}

/** `data:` de cada `event: entrega` del flujo `/api/entregas/eventos`. */
export interface EventoEntrega {
  pedido_id: string;
  id_repartidor: number;
  unidades: number;
  total: string;
  entregado_en: string;
  registrado_en: string;
}

/** Estado de la conexión en vivo: abriendo por primera vez, recibiendo eventos o caída (reintentando). */
export type EstadoConexion = 'conectando' | 'en-vivo' | 'caida';
