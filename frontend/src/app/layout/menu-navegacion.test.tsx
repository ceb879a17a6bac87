import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Usuario } from '@/features/auth/types';
import { ADMIN, AGENTE, CATALOGO, SUPERVISOR, VENDEDOR } from '@/testing/datos';
import { CLIENTE } from '@/testing/datos-cuponeras';
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
const REPORTES_Y_CALIDAD = ['Reporte de fidelización', 'Historial de reportes', 'Calidad de datos'];

describe('MenuNavegacion', () => {
  it('el agente ve la consulta, los contratos y el catálogo (solo lectura)', () => {
    expect(enlaces(AGENTE)).toEqual(['Consulta', 'Contratos', ...CATALOGO_CONSULTA]);
  });

  it('el supervisor ve además los reportes, la calidad de datos y el monitor de entregas', () => {
    expect(enlaces(SUPERVISOR)).toEqual(['Consulta', 'Contratos', ...REPORTES_Y_CALIDAD, ...CATALOGO_CONSULTA, 'Monitor de entregas']);
  });

  it('el historial de reportes y la calidad de datos dependen de su propio permiso', () => {
    const sin = (permiso: string) => ({ ...SUPERVISOR, permisos: SUPERVISOR.permisos.filter((p) => p !== permiso) });
    expect(enlaces(sin('reportes.historial'))).not.toContain('Historial de reportes');
    expect(enlaces(sin('reportes.historial'))).toContain('Calidad de datos');
    expect(enlaces(sin('calidad.consultar'))).not.toContain('Calidad de datos');
    expect(enlaces(AGENTE)).not.toContain('Historial de reportes');
    expect(enlaces(AGENTE)).not.toContain('Calidad de datos');
  });

  it('el administrador ve además usuarios, auditoría y la bandeja de salida', () => {
    expect(enlaces(ADMIN)).toEqual([
      'Consulta',
      'Contratos',
      ...REPORTES_Y_CALIDAD,
      ...CATALOGO_CONSULTA,
      'Monitor de entregas',
      'Usuarios',
      'Auditoría',
      'Bandeja de salida',
    ]);
  });

  it('el monitor ve solo el monitor de entregas; sin el permiso no aparece', () => {
    expect(enlaces(MONITOR)).toEqual(['Monitor de entregas']);
    expect(enlaces(AGENTE)).not.toContain('Monitor de entregas');
    expect(enlaces({ ...SUPERVISOR, permisos: SUPERVISOR.permisos.filter((p) => p !== 'entregas.monitorear') })).not.toContain('Monitor de entregas');
  });

  it('el cliente del portal ve solo lo suyo', () => {
    expect(enlaces(CLIENTE)).toEqual(['Mis contratos', 'Mis beneficios', 'Notificaciones']);
  });

  it('en el portal marca la entrada más específica', () => {
    renderizar(<MenuNavegacion usuario={CLIENTE} />, { ruta: '/portal/beneficios' });
    expect(screen.getByRole('link', { name: 'Mis beneficios' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Mis contratos' })).not.toHaveAttribute('aria-current');
  });

  it('el equipo de catálogo ve solo el catálogo y el vendedor solo su ruta', () => {
    expect(enlaces(CATALOGO)).toEqual(CATALOGO_CONSULTA);
    expect(enlaces(VENDEDOR)).toEqual(['Mi ruta']);
  });

  it('decide por los permisos, no por el nombre del rol', () => {
    expect(enlaces({ ...AGENTE, rol: 'admin' })).toEqual(['Consulta', 'Contratos', ...CATALOGO_CONSULTA]);
    expect(enlaces({ ...AGENTE, permisos: ['auditoria.consultar'] })).toEqual(['Auditoría']);
  });

  it('en el historial marca su entrada, no la del reporte de fidelización', () => {
    renderizar(<MenuNavegacion usuario={SUPERVISOR} />, { ruta: '/reportes/historial' });
    expect(screen.getByRole('link', { name: 'Historial de reportes' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Reporte de fidelización' })).not.toHaveAttribute('aria-current');
  });

  it('marca la página actual', () => {
    renderizar(<MenuNavegacion usuario={ADMIN} />, { ruta: '/usuarios' });
    expect(screen.getByRole('link', { name: 'Usuarios' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Consulta' })).not.toHaveAttribute('aria-current');
  });
});
