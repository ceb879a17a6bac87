import { describe, expect, it } from 'vitest';
import { formatoCop, formatoDecimal, formatoFechaHora, formatoHora, nombreMes } from './formato';

const sinNbsp = (texto: string) => texto.replace(/\u00a0/g, ' ');

describe('formato', () => {
  it('pesos COP con punto de miles y sin decimales', () => {
    expect(sinNbsp(formatoCop(5_000_000))).toBe('$ 5.000.000');
    expect(sinNbsp(formatoCop(0))).toBe('$ 0');
  });

  it('muestra los centavos solo cuando existen (4.999.999,99 no se ve como el umbral)', () => {
    expect(sinNbsp(formatoCop(4_999_999.99))).toBe('$ 4.999.999,99');
    expect(sinNbsp(formatoCop(7_480_500.5))).toBe('$ 7.480.500,50');
  });

  it('fechas en hora de Bogotá', () => {
    expect(formatoFechaHora('2026-10-31T23:30:00-05:00')).toMatch(/31.*oct.*2026.*11:30/);
    expect(formatoFechaHora(null)).toBe('—');
  });

  it('decimales exactos desde texto, sin coma flotante ni centavos perdidos', () => {
    expect(formatoDecimal('812.40')).toBe('812,40');
    expect(formatoDecimal('1234567.5')).toBe('1.234.567,50');
    expect(formatoDecimal('90071992547409.93')).toBe('90.071.992.547.409,93');
    expect(formatoDecimal('0.2')).toBe('0,20');
    expect(formatoDecimal('-1000')).toBe('-1.000,00');
    expect(formatoDecimal('007.123')).toBe('7,123');
    expect(formatoDecimal('42', 0)).toBe('42');
    expect(formatoDecimal('no es número')).toBe('no es número');
  });

  it('hora con segundos en Bogotá', () => {
    expect(formatoHora('2026-11-23T22:03:04Z')).toMatch(/05:03:04/);
    expect(formatoHora(undefined)).toBe('—');
  });

  it('nombre del mes en español', () => {
    expect(nombreMes('2026-10')).toBe('octubre de 2026');
  });
});
