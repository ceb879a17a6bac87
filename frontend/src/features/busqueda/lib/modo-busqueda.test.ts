import { describe, expect, it } from 'vitest';
import { predecirModo } from './modo-busqueda';

describe('predecirModo (la regla del contrato M10, como el servidor)', () => {
  it.each([
    ['maria.pena@Example.com', 'correo'],
    ['CC 1020304050', 'documento'],
    ['nit 900.123.456-8', 'documento'],
    ['PA:AX1234567', 'documento'],
    ['+57 311 234 5678', 'telefono'],
    ['(604) 444 5555', 'telefono'],
    ['57 311 234 5678', 'telefono'],
    ['573112345678', 'telefono'],
    ['3112345678', 'documento-o-telefono'],
    ['311-234-5678', 'documento-o-telefono'],
    ['6044445555', 'documento-o-telefono'],
    ['1020304050', 'documento'],
    ['900.123.456-8', 'documento'],
    ['AX1234567', 'documento'],
    ['maria pena', 'nombre'],
    ['Peñ', 'nombre'],
  ])('«%s» → %s', (texto, modo) => {
    expect(predecirModo(texto)).toEqual({ estado: 'lista', modo });
  });

  it('vacía o de solo espacios no busca', () => {
    expect(predecirModo('   ')).toEqual({ estado: 'vacia' });
  });

  it('un nombre de menos de 3 caracteres (sin contar espacios ni signos) no busca y dice por qué', () => {
    for (const texto of ['ma', 'm a', 'é,']) {
      expect(predecirModo(texto)).toEqual({ estado: 'corta', motivo: 'Para buscar por nombre escriba al menos 3 caracteres.' });
    }
  });

  it('el tipo al inicio debe ir seguido de un número: «CC» solo o «Celina» son nombres', () => {
    expect(predecirModo('Celina')).toEqual({ estado: 'lista', modo: 'nombre' });
    expect(predecirModo('cca')).toEqual({ estado: 'lista', modo: 'nombre' });
  });
});
