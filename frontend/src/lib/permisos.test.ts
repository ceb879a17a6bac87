import { describe, expect, it } from 'vitest';
import { tienePermiso } from './permisos';

describe('tienePermiso', () => {
  it('mira la lista de permisos del usuario', () => {
    expect(tienePermiso({ permisos: ['catalogo.ruta'] }, 'catalogo.ruta')).toBe(true);
    expect(tienePermiso({ permisos: ['catalogo.ruta'] }, 'catalogo.consultar')).toBe(false);
  });

  it('sin usuario no hay permisos', () => {
    expect(tienePermiso(null, 'clientes.consultar')).toBe(false);
    expect(tienePermiso(undefined, 'clientes.consultar')).toBe(false);
  });
});
