import { describe, expect, it } from 'vitest';
import { ENTREGA_RECIENTE, EVENTO_NUEVO } from '@/testing/datos-entregas';
import { centavos, compararDecimales } from './decimal';
import { agregarEvento, leerEvento, resumenLineas } from './feed';
import { esperaReintento } from './retroceso';

describe('feed de pedidos', () => {
  const nombres = new Map([[101, 'María López']]);

  it('pone el pedido del evento arriba, con el nombre del repartidor y sin líneas aún', () => {
    const feed = agregarEvento([ENTREGA_RECIENTE], EVENTO_NUEVO, nombres);
    expect(feed.map((e) => e.pedido_id)).toEqual([EVENTO_NUEVO.pedido_id, ENTREGA_RECIENTE.pedido_id]);
    expect(feed[0]).toMatchObject({ repartidor: { id_repartidor: 101, nombre: 'María López' }, lineas: null, total: '1200.00' });
    expect(resumenLineas(feed[0]!)).toBeNull();
    expect(resumenLineas(ENTREGA_RECIENTE)).toBe('2 × Pendrive, 1 × Goma de borrar');
  });

  it('no repite un pedido que ya está y respeta el límite', () => {
    const dos = agregarEvento(agregarEvento([], EVENTO_NUEVO, nombres), EVENTO_NUEVO, nombres);
    expect(dos).toHaveLength(1);
    const lleno = Array.from({ length: 3 }, (_, i) => ({ ...ENTREGA_RECIENTE, pedido_id: `p${i}` }));
    expect(agregarEvento(lleno, { ...EVENTO_NUEVO, id_repartidor: 999 }, nombres, 3).map((e) => e.pedido_id)).toEqual([EVENTO_NUEVO.pedido_id, 'p0', 'p1']);
    expect(agregarEvento([], { ...EVENTO_NUEVO, id_repartidor: 999 }, nombres)[0]?.repartidor.nombre).toBe('Repartidor 999');
  });

  it('ignora un evento mal formado', () => {
    expect(leerEvento(JSON.stringify(EVENTO_NUEVO))).toEqual(EVENTO_NUEVO);
    expect(leerEvento('{roto')).toBeNull();
    expect(leerEvento(JSON.stringify({ ...EVENTO_NUEVO, total: 1234.2 }))).toBeNull();
    expect(leerEvento('null')).toBeNull();
  });
});

describe('retroceso de la reconexión', () => {
  it('duplica la espera hasta el máximo, con ±20 % al azar', () => {
    const medio = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((i) => esperaReintento(i, 1000, 30_000, medio))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(esperaReintento(0, 1000, 30_000, () => 0)).toBe(800);
    expect(esperaReintento(0, 1000, 30_000, () => 0.999_999)).toBe(1200);
  });
});

describe('decimales en texto', () => {
  it('centavos exactos y comparación sin coma flotante', () => {
    expect(centavos('90071992547409.93')).toBe(9_007_199_254_740_993n);
    expect(centavos('0.2')).toBe(20n);
    expect(centavos('-3')).toBe(-300n);
    expect(compararDecimales('90071992547409.93', '90071992547409.92')).toBe(1);
    expect(compararDecimales('17.50', '17.5')).toBe(0);
    expect(compararDecimales('9.99', '10.00')).toBe(-1);
  });
});
