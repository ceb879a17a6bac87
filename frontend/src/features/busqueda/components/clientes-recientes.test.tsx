import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { RECIENTE_EMPRESA, RECIENTE_MARIA } from '@/testing/datos-busqueda';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { esAperturaDeCliente } from '../api/recientes';
import type { ClienteReciente } from '../types';
import { ClientesRecientes } from './clientes-recientes';

const enlaceDe = ({ tipo, numero }: { tipo: string; numero: string }) => `/?tipo=${tipo}&numero=${numero}`;

function servirRecientes(...respuestas: ClienteReciente[][]) {
  let pedidas = 0;
  servidor.use(
    http.get('*/api/yo/clientes-recientes', () => {
      const items = respuestas[Math.min(pedidas, respuestas.length - 1)] ?? [];
      pedidas += 1;
      return HttpResponse.json({ items });
    }),
  );
  return () => pedidas;
}

describe('ClientesRecientes', () => {
  it('lista los clientes que abrió, con cuántos son, y cada uno abre su consulta', async () => {
    servirRecientes([RECIENTE_MARIA, RECIENTE_EMPRESA]);
    const { persona, router } = renderizar(<ClientesRecientes enlaceDe={enlaceDe} />);
    const panel = screen.getByRole('region', { name: 'Mis clientes recientes' });
    const items = await within(panel).findAllByTestId('cliente-reciente');
    expect(items).toHaveLength(2);
    expect(within(panel).getByTestId('conteo-filas')).toHaveTextContent('2 clientes');
    expect(items[0]).toHaveTextContent('María José Peña Muñoz');
    expect(items[0]).toHaveTextContent('CC 1020304050');
    // Una empresa no tiene apellido: sin espacio de más.
    expect(within(items[1]!).getByRole('link')).toHaveAccessibleName('Comercializadora Andina del Caribe S.A.S.');

    const enlace = within(items[0]!).getByRole('link', { name: 'María José Peña Muñoz' });
    expect(enlace).toHaveAttribute('href', '/?tipo=CC&numero=1020304050');
    await persona.click(enlace);
    expect(router.state.location.search).toBe('?tipo=CC&numero=1020304050');
  });

  it('sin clientes abiertos lo dice', async () => {
    servirRecientes([]);
    renderizar(<ClientesRecientes enlaceDe={enlaceDe} />);
    expect(await screen.findByText('Aún no ha abierto clientes. Los que abra aparecerán aquí.')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('0 clientes');
  });

  it('se refresca cuando se abre un cliente (consulta por documento o resumen)', async () => {
    const pedidas = servirRecientes([RECIENTE_EMPRESA], [RECIENTE_MARIA, RECIENTE_EMPRESA]);
    const { queryClient } = renderizar(<ClientesRecientes enlaceDe={enlaceDe} />);
    expect(await screen.findAllByTestId('cliente-reciente')).toHaveLength(1);

    // Otras consultas no cuentan como abrir un cliente.
    await queryClient.fetchQuery({ queryKey: ['clientes', 'busqueda', 'maria', 20], queryFn: () => ({}) });
    expect(pedidas()).toBe(1);

    await queryClient.fetchQuery({ queryKey: ['clientes', 'buscar', 'CC', '1020304050'], queryFn: () => ({}) });
    await waitFor(() => expect(screen.getAllByTestId('cliente-reciente')).toHaveLength(2));
    expect(pedidas()).toBe(2);
    expect(screen.getAllByTestId('cliente-reciente')[0]).toHaveTextContent('María José Peña Muñoz');
  });

  it('muestra el error del servidor si no se pueden cargar', async () => {
    servidor.use(http.get('*/api/yo/clientes-recientes', () => errorApi(503, 'servicio_no_disponible', 'La base de datos no está disponible.')));
    renderizar(<ClientesRecientes enlaceDe={enlaceDe} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('La base de datos no está disponible.');
  });
});

describe('esAperturaDeCliente', () => {
  it('abrir es la consulta por documento o el resumen de un cliente', () => {
    expect(esAperturaDeCliente(['clientes', 'buscar', 'CC', '1'])).toBe(true);
    expect(esAperturaDeCliente(['clientes', 7, 'resumen'])).toBe(true);
    expect(esAperturaDeCliente(['clientes', 'busqueda', 'maria', 20])).toBe(false);
    expect(esAperturaDeCliente(['clientes', 7, 'compras', 1])).toBe(false);
    expect(esAperturaDeCliente(['reportes', 'fidelizacion', 'resumen'])).toBe(false);
  });
});
