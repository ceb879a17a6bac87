import { describe, expect, it } from 'vitest';
import { digitoVerificacionNit, normalizarNumero, validarDocumento } from './documento';

describe('normalizarNumero', () => {
  it('quita espacios, puntos y guiones y pasa a mayúsculas', () => {
    expect(normalizarNumero(' 1.020.304-050 ')).toBe('1020304050');
    expect(normalizarNumero('ab 12-34.5')).toBe('AB12345');
  });
});

describe('digitoVerificacionNit', () => {
  it.each([
    ['800197268', 4],
    ['900123456', 8],
    ['860034313', 7],
    ['890903938', 8],
  ])('el DV de %s es %i', (base, dv) => {
    expect(digitoVerificacionNit(base)).toBe(dv);
  });
});

describe('validarDocumento', () => {
  it('acepta cédulas de 3 a 10 dígitos con separadores', () => {
    expect(validarDocumento('CC', '1.020.304.050')).toEqual({ valido: true, numero: '1020304050' });
    expect(validarDocumento('CE', '123')).toEqual({ valido: true, numero: '123' });
  });

  it('rechaza cédulas cortas, largas o con letras', () => {
    expect(validarDocumento('CC', '12')).toEqual({ valido: false, motivo: 'La cédula debe tener entre 3 y 10 dígitos.' });
    expect(validarDocumento('CE', '12345678901')).toMatchObject({ valido: false, motivo: expect.stringContaining('extranjería') });
    expect(validarDocumento('CC', '12A45')).toEqual({ valido: false, motivo: 'El número de documento solo admite dígitos.' });
  });

  it('exige número', () => {
    expect(validarDocumento('CC', ' .- ')).toEqual({ valido: false, motivo: 'El número de documento es obligatorio.' });
  });

  it('tarjeta de identidad: 10 u 11 dígitos', () => {
    expect(validarDocumento('TI', '1002003004')).toMatchObject({ valido: true });
    expect(validarDocumento('TI', '10020030041')).toMatchObject({ valido: true });
    expect(validarDocumento('TI', '100200300')).toMatchObject({ valido: false });
  });

  it('pasaporte: 5 a 20 letras o dígitos, en mayúsculas', () => {
    expect(validarDocumento('PA', 'ab-12345')).toEqual({ valido: true, numero: 'AB12345' });
    expect(validarDocumento('PA', 'AB1')).toMatchObject({ valido: false });
    expect(validarDocumento('PA', 'AB_1234')).toMatchObject({ valido: false });
  });

  it('NIT sin DV, con DV correcto (con o sin guion) y con DV errado', () => {
    expect(validarDocumento('NIT', '900.123.456')).toEqual({ valido: true, numero: '900123456' });
    expect(validarDocumento('NIT', '900123456-8')).toEqual({ valido: true, numero: '9001234568' });
    expect(validarDocumento('NIT', '8001972684')).toEqual({ valido: true, numero: '8001972684' });
    expect(validarDocumento('NIT', '900123456-7')).toEqual({
      valido: false,
      motivo: 'El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).',
    });
  });

  it('NIT de longitud inválida', () => {
    expect(validarDocumento('NIT', '90012345')).toMatchObject({ valido: false, motivo: expect.stringContaining('9 dígitos') });
    expect(validarDocumento('NIT', '900123456789')).toMatchObject({ valido: false });
  });
});
