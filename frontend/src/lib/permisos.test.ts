import { describe, expect, it } from 'vitest';
import { completarPermisos, permisosDeRol, tienePermiso } from './permisos';

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

describe('respaldo temporal: permisos derivados del rol (PERMISOS.md)', () => {
  it('el agente consulta clientes y el catálogo, pero no edita el catálogo ni ve reportes', () => {
    const permisos = permisosDeRol('agente');
    expect(permisos).toEqual(expect.arrayContaining(['clientes.consultar', 'clientes.exportar', 'catalogo.consultar']));
    expect(permisos).not.toContain('catalogo.editar');
    expect(permisos).not.toContain('reportes.fidelizacion');
  });

  it('cada rol de M7 tiene exactamente lo suyo, ordenado', () => {
    expect(permisosDeRol('vendedor')).toEqual(['catalogo.ruta']);
    expect(permisosDeRol('catalogo')).toEqual(['catalogo.consultar', 'catalogo.editar']);
    expect(permisosDeRol('admin')).toEqual([...permisosDeRol('admin')].sort());
    expect(permisosDeRol('admin')).not.toContain('catalogo.ruta');
    expect(permisosDeRol('desconocido')).toEqual([]);
  });

  it('si el servidor envía permisos y zona, se usan tal cual', () => {
    const usuario = completarPermisos({ usuario: 'v', nombre: 'V', rol: 'agente', permisos: ['catalogo.ruta'], zona: 'Norte' });
    expect(usuario.permisos).toEqual(['catalogo.ruta']);
    expect(usuario.zona).toBe('Norte');
  });

  it('si faltan (servidor anterior a M7), se derivan del rol y la zona queda en null', () => {
    const usuario = completarPermisos({ usuario: 's', nombre: 'S', rol: 'supervisor' });
    expect(usuario.permisos).toEqual(permisosDeRol('supervisor'));
    expect(usuario.permisos).toContain('reportes.fidelizacion');
    expect(usuario.zona).toBeNull();
  });
});
