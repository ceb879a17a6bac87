import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ProveedorFechas } from '@/components/ui/proveedor-fechas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import type { PaginaAuditoria } from '../types';
import { RegistroAuditoria } from './registro-auditoria';

const PAGINA: PaginaAuditoria = {
  items: [
    {
      id: 9,
      fecha: '2026-11-23T10:15:00-05:00',
      usuario: 'agente',
      ip: '10.0.0.7',
      accion: 'consulta',
      tipo_documento: 'CC',
      cliente_id: 1,
      parametros: { tipo_documento: 'CC' },
      resultado: 'no_encontrado',
      estado_http: 404,
    },
  ],
  pagina: 1,
  por_pagina: 25,
  total: 1,
  paginas: 1,
};

describe('RegistroAuditoria', () => {
  it('aplica los filtros de la URL y los del formulario', async () => {
    const consultas: string[] = [];
    servidor.use(
      http.get('*/api/auditoria', ({ request }) => {
        consultas.push(new URL(request.url).search);
        return HttpResponse.json(PAGINA);
      }),
    );
    const { persona, router } = renderizar(
      <ProveedorFechas>
        <RegistroAuditoria />
      </ProveedorFechas>,
      { ruta: '/auditoria?usuario=agente&desde=2026-11-01' },
    );
    const tabla = await screen.findByRole('table', { name: 'Registros de auditoría' });
    expect(within(tabla).getByText('Consulta de cliente')).toBeInTheDocument();
    expect(within(tabla).getByText('No encontrado')).toBeInTheDocument();
    expect(consultas[0]).toBe('?pagina=1&usuario=agente&desde=2026-11-01&por_pagina=25');

    await persona.selectOptions(screen.getByRole('combobox', { name: 'Acción' }), 'exportacion');
    await persona.click(screen.getByRole('button', { name: 'Filtrar' }));
    expect(router.state.location.search).toBe('?usuario=agente&desde=2026-11-01&accion=exportacion');
    await waitFor(() => expect(consultas.at(-1)).toContain('accion=exportacion'));
  });
});
