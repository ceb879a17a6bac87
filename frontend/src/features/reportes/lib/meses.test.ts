import { describe, expect, it } from 'vitest';
import { esMesFuturo, esMesValido, mesActualBogota, mesAnteriorBogota } from './meses';

describe('meses en hora de Bogotá', () => {
  it('el mes anterior del 23 de noviembre de 2026 es octubre', () => {
    expect(mesAnteriorBogota(new Date('2026-11-23T15:00:00-05:00'))).toBe('2026-10');
  });

  it('usa la hora de Bogotá y no la UTC: 1 dic 03:00 UTC aún es noviembre en Bogotá', () => {
    const instante = new Date('2026-12-01T03:00:00Z');
    expect(mesActualBogota(instante)).toBe('2026-11');
    expect(mesAnteriorBogota(instante)).toBe('2026-10');
  });

  it('en enero el mes anterior es diciembre del año anterior', () => {
    expect(mesAnteriorBogota(new Date('2027-01-10T12:00:00-05:00'))).toBe('2026-12');
  });

  it('valida el formato AAAA-MM y detecta meses futuros', () => {
    expect(esMesValido('2026-10')).toBe(true);
    expect(esMesValido('2026-13')).toBe(false);
    expect(esMesValido('202610')).toBe(false);
    const ahora = new Date('2026-11-23T12:00:00-05:00');
    expect(esMesFuturo('2026-12', ahora)).toBe(true);
    expect(esMesFuturo('2026-11', ahora)).toBe(false);
  });
});
