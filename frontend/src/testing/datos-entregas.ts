import type { Usuario } from '@/features/auth/types';
import type { EntregaReciente, EventoEntrega, MetricasEntregas } from '@/features/entregas/types';

/** M8: el rol `monitor` solo tiene `entregas.monitorear` (services/permisos_service.py). */
export const MONITOR: Usuario = { usuario: 'monitor', nombre: 'Mónica Monitor', rol: 'monitor', permisos: ['entregas.monitorear'], zona: null };

/** Como las envía GET /api/entregas/metricas (recortadas a 3 repartidores y 3 productos). */
export function metricasHora(cambios: Partial<MetricasEntregas['totales']> = {}): MetricasEntregas {
  return {
    desde: '2026-11-23T16:05:00-05:00',
    hasta: '2026-11-23T17:05:00-05:00',
    generado_en: '2026-11-23T17:05:00-05:00',
    totales: { entregas: 42, unidades: 180, ingresos: '812.40', unidades_por_entrega: '4.29', ticket_promedio: '19.34', ...cambios },
    por_repartidor: [
      { id_repartidor: 106, nombre: 'Pedro Gómez', entregas: 7, unidades: 31, ingresos: '140.50', entregas_por_hora: '7.00' },
      { id_repartidor: 101, nombre: 'María López', entregas: 5, unidades: 12, ingresos: '90071992547409.93', entregas_por_hora: '5.00' },
      { id_repartidor: 110, nombre: 'Daniel Castillo', entregas: 0, unidades: 0, ingresos: '0.00', entregas_por_hora: '0.00' },
    ],
    por_producto: [
      { id_producto: 'pk0004', producto: 'Pendrive', unidades: 40, ingresos: '480.00' },
      { id_producto: 'pk0009', producto: 'Goma de borrar', unidades: 35, ingresos: '17.50' },
      { id_producto: 'pk0002', producto: 'Estuche para gafas', unidades: 20, ingresos: '1000.10' },
    ],
    por_hora: [
      { hora: '2026-11-23T16:00:00-05:00', entregas: 30, ingresos: '600.00' },
      { hora: '2026-11-23T17:00:00-05:00', entregas: 12, ingresos: '212.40' },
    ],
    latencia_registro_ms: { p50: 35, p95: 80, max: 1400 },
  };
}

/** La consulta de los últimos 10 minutos (mismo esquema, otra ventana). */
export function metricasDiezMinutos(entregas = 3): MetricasEntregas {
  const base = metricasHora();
  return { ...base, desde: '2026-11-23T16:55:00-05:00', totales: { ...base.totales, entregas, unidades: entregas * 4 } };
}

export const ENTREGA_RECIENTE: EntregaReciente = {
  pedido_id: '6f1c7a5e-0000-4000-8000-000000000001',
  repartidor: { id_repartidor: 106, nombre: 'Pedro Gómez' },
  lineas: [
    { id_producto: 'pk0004', producto: 'Pendrive', cantidad: 2, precio: '12.00' },
    { id_producto: 'pk0009', producto: 'Goma de borrar', cantidad: 1, precio: '0.50' },
  ],
  unidades: 3,
  total: '24.50',
  entregado_en: '2026-11-23T17:03:04-05:00',
  registrado_en: '2026-11-23T17:03:04.035000-05:00',
};

export const EVENTO_NUEVO: EventoEntrega = {
  pedido_id: '6f1c7a5e-0000-4000-8000-000000000002',
  id_repartidor: 101,
  unidades: 100,
  total: '1200.00',
  entregado_en: '2026-11-23T17:04:10-05:00',
  registrado_en: '2026-11-23T17:04:10.040000-05:00',
};
