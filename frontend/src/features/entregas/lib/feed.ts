import type { EntregaReciente, EventoEntrega } from '../types';

/** Cuántos pedidos muestra el feed (y pide `GET /api/entregas/recientes`). */
export const LIMITE_FEED = 20;

/**
 * El pedido de un evento en vivo, arriba del feed y sin repetir `pedido_id`. El evento no trae las
 * líneas ni el nombre del repartidor: el nombre sale de las métricas ya cargadas y las líneas
 * quedan en `null` hasta que se relee `recientes`.
 */
export function agregarEvento(
  feed: readonly EntregaReciente[],
  evento: EventoEntrega,
  nombres: ReadonlyMap<number, string>,
  limite = LIMITE_FEED,
): EntregaReciente[] {
  const nueva: EntregaReciente = {
    pedido_id: evento.pedido_id,
    repartidor: { id_repartidor: evento.id_repartidor, nombre: nombres.get(evento.id_repartidor) ?? `Repartidor ${evento.id_repartidor}` },
    lineas: null,
    unidades: evento.unidades,
    total: evento.total,
    entregado_en: evento.entregado_en,
    registrado_en: evento.registrado_en,
  };
  return [nueva, ...feed.filter((entrega) => entrega.pedido_id !== evento.pedido_id)].slice(0, limite);
}

/** Valida lo mínimo del `data:` de un evento antes de usarlo (un evento raro se ignora). */
export function leerEvento(datos: string): EventoEntrega | null {
  try {
    const valor = JSON.parse(datos) as Partial<EventoEntrega> | null;
    if (
      valor &&
      typeof valor.pedido_id === 'string' &&
      typeof valor.id_repartidor === 'number' &&
      typeof valor.unidades === 'number' &&
      typeof valor.total === 'string' &&
      typeof valor.entregado_en === 'string' &&
      typeof valor.registrado_en === 'string'
    ) {
      return valor as EventoEntrega;
    }
  } catch {
    // JSON roto: se ignora
  }
  return null;
}

/** `2 × Pendrive, 1 × Goma de borrar` (o `null` si aún no se conocen las líneas). */
export function resumenLineas(entrega: EntregaReciente): string | null {
  if (!entrega.lineas) return null;
  return entrega.lineas.map((linea) => `${linea.cantidad} × ${linea.producto}`).join(', ');
}
