import { describe, expect, it } from 'vitest';
import { formatoCop, formatoFechaHora, nombreMes } from './formato';

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

  it('nombre del mes en español', () => {
    expect(nombreMes('2026-10')).toBe('octubre de 2026');
  });
});
