import { describe, expect, it } from 'vitest';
import { sinNbsp } from '@/testing/test-utils';
import { aCentavos, compararDinero, copDeTexto } from './resumen-dinero';

describe('dinero del resumen (texto decimal)', () => {
  it('convierte a centavos exactos', () => {
    expect(aCentavos('5000000.00')).toBe(500000000n);
    expect(aCentavos('4999999.99')).toBe(499999999n);
    expect(aCentavos('0.1')).toBe(10n);
    expect(aCentavos('12')).toBe(1200n);
    expect(aCentavos('abc')).toBeNull();
  });

  it('formatea con formatoCop sin inventar ni perder centavos', () => {
    expect(sinNbsp(copDeTexto('5000000.00'))).toBe('$ 5.000.000');
    expect(sinNbsp(copDeTexto('4999999.99'))).toBe('$ 4.999.999,99');
    expect(sinNbsp(copDeTexto('0.01'))).toBe('$ 0,01');
    expect(sinNbsp(copDeTexto('0.00'))).toBe('$ 0');
    expect(sinNbsp(copDeTexto('123456789012345678.50'))).toBe('$ 123.456.789.012.345.678,50');
  });

  it('compara en el borde exacto', () => {
    expect(compararDinero('5000000.00', '5000000')).toBe(0);
    expect(compararDinero('5000000.01', '5000000.00')).toBe(1);
    expect(compararDinero('4999999.99', '5000000.00')).toBe(-1);
  });
});
