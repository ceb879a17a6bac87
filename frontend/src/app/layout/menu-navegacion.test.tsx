import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Rol } from '@/lib/roles';
import { renderizar } from '@/testing/test-utils';
import { MenuNavegacion } from './menu-navegacion';

function enlaces(rol: Rol) {
  const { unmount } = renderizar(<MenuNavegacion rol={rol} />);
  const nombres = within(screen.getByRole('navigation', { name: 'Menú principal' }))
    .getAllByRole('link')
    .map((enlace) => enlace.textContent);
  unmount();
  return nombres;
}

describe('MenuNavegacion', () => {
  it('el agente solo ve la consulta', () => {
    expect(enlaces('agente')).toEqual(['Consulta']);
  });

  it('el supervisor ve además el reporte de fidelización', () => {
    expect(enlaces('supervisor')).toEqual(['Consulta', 'Reporte de fidelización']);
  });

  it('el administrador ve además usuarios y auditoría', () => {
    expect(enlaces('admin')).toEqual(['Consulta', 'Reporte de fidelización', 'Usuarios', 'Auditoría']);
  });

  it('marca la página actual', () => {
    renderizar(<MenuNavegacion rol="admin" />, { ruta: '/usuarios' });
    expect(screen.getByRole('link', { name: 'Usuarios' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Consulta' })).not.toHaveAttribute('aria-current');
  });
});
