import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Usuario } from '@/features/auth/types';
import { ADMIN, AGENTE, CATALOGO, SUPERVISOR, VENDEDOR } from '@/testing/datos';
import { MONITOR } from '@/testing/datos-entregas';
import { renderizar } from '@/testing/test-utils';
import { MenuNavegacion } from './menu-navegacion';

function enlaces(usuario: Usuario) {
  const { unmount } = renderizar(<MenuNavegacion usuario={usuario} />);
  const nombres = within(screen.getByRole('navigation', { name: 'Menú principal' }))
    .getAllByRole('link')
    .map((enlace) => enlace.textContent);
  unmount();
  return nombres;
}

const CATALOGO_CONSULTA = ['Catálogo', 'Establecimientos', 'Portafolios'];

describe('MenuNavegacion', () => {
  it('el agente ve la consulta y el catálogo (solo lectura)', () => {
    expect(enlaces(AGENTE)).toEqual(['Consulta', ...CATALOGO_CONSULTA]);
  });

  it('el supervisor ve además el reporte de fidelización y el monitor de entregas', () => {
    expect(enlaces(SUPERVISOR)).toEqual(['Consulta', 'Reporte de fidelización', ...CATALOGO_CONSULTA, 'Monitor de entregas']);
  });

  it('el administrador ve además usuarios y auditoría', () => {
    expect(enlaces(ADMIN)).toEqual(['Consulta', 'Reporte de fidelización', ...CATALOGO_CONSULTA, 'Monitor de entregas', 'Usuarios', 'Auditoría']);
  });

  it('el monitor ve solo el monitor de entregas; sin el permiso no aparece', () => {
    expect(enlaces(MONITOR)).toEqual(['Monitor de entregas']);
    expect(enlaces(AGENTE)).not.toContain('Monitor de entregas');
    expect(enlaces({ ...SUPERVISOR, permisos: SUPERVISOR.permisos.filter((p) => p !== 'entregas.monitorear') })).not.toContain('Monitor de entregas');
  });

  it('el equipo de catálogo ve solo el catálogo y el vendedor solo su ruta', () => {
    expect(enlaces(CATALOGO)).toEqual(CATALOGO_CONSULTA);
    expect(enlaces(VENDEDOR)).toEqual(['Mi ruta']);
  });

  it('decide por los permisos, no por el nombre del rol', () => {
    expect(enlaces({ ...AGENTE, rol: 'admin' })).toEqual(['Consulta', ...CATALOGO_CONSULTA]);
    expect(enlaces({ ...AGENTE, permisos: ['auditoria.consultar'] })).toEqual(['Auditoría']);
  });

  it('marca la página actual', () => {
    renderizar(<MenuNavegacion usuario={ADMIN} />, { ruta: '/usuarios' });
    expect(screen.getByRole('link', { name: 'Usuarios' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Consulta' })).not.toHaveAttribute('aria-current');
  });
});
