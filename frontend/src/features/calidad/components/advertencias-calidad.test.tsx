import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADVERTENCIAS, pagina } from '@/testing/datos-sac360';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { AdvertenciasCalidad } from './advertencias-calidad';

const renderizarCalidad = (puedeFusionar = false, ruta = '/calidad') => renderizar(<AdvertenciasCalidad puedeFusionar={puedeFusionar} />, { ruta });

describe('AdvertenciasCalidad', () => {
  it('lista las advertencias con su tipo en español y los clientes, con enlace a la Consulta', async () => {
    renderizarCalidad();
    const tabla = await screen.findByRole('table', { name: 'Advertencias de calidad de datos' });
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('4 advertencias');
    const filas = within(tabla).getAllByRole('row').slice(1);
    expect(filas.map((f) => within(f).getAllByRole('cell')[0]?.querySelector('[data-estado]')?.textContent)).toEqual([
      'Duplicado',
      'Teléfono no colombiano',
      'Correo mal formado',
      'Correo compartido',
    ]);
    const duplicado = filas[0] as HTMLElement;
    expect(within(duplicado).getByRole('link', { name: 'CC 1020304050' })).toHaveAttribute('href', '/?tipo=CC&numero=1020304050');
    expect(within(duplicado).getByRole('link', { name: 'CE 998877' })).toHaveAttribute('href', '/?tipo=CE&numero=998877');
    expect(within(duplicado).getAllByText('María José Peña Muñoz')).toHaveLength(2);
  });

  it('filtra por tipo con etiquetas en español y deja el filtro en la URL', async () => {
    const pedidos: (string | null)[] = [];
    servidor.use(
      http.get('*/api/calidad/advertencias', ({ request }) => {
        const tipo = new URL(request.url).searchParams.get('tipo');
        pedidos.push(tipo);
        return HttpResponse.json(pagina(ADVERTENCIAS.filter((a) => !tipo || a.tipo === tipo)));
      }),
    );
    const { persona, router } = renderizarCalidad();
    await screen.findByRole('table', { name: 'Advertencias de calidad de datos' });
    const filtro = screen.getByRole('combobox', { name: 'Tipo de advertencia' });
    expect(within(filtro).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Todas',
      'Duplicados',
      'Teléfonos no colombianos',
      'Correos mal formados',
      'Correos compartidos',
    ]);
    await persona.selectOptions(filtro, 'Teléfonos no colombianos');
    await waitFor(() => expect(screen.getByTestId('conteo-filas')).toHaveTextContent('1 advertencia'));
    expect(router.state.location.search).toBe('?tipo=telefono_invalido');
    expect(pedidos).toEqual([null, 'telefono_invalido']);
  });

  it('el supervisor no ve el botón Fusionar', async () => {
    renderizarCalidad(false);
    await screen.findByRole('table', { name: 'Advertencias de calidad de datos' });
    expect(screen.queryByRole('button', { name: /Fusionar/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Acción' })).not.toBeInTheDocument();
  });

  it('el administrador ve Fusionar en las advertencias con dos o más clientes', async () => {
    renderizarCalidad(true);
    await screen.findByRole('table', { name: 'Advertencias de calidad de datos' });
    expect(screen.getAllByRole('button', { name: /^Fusionar/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Fusionar CC 1020304050 y CE 998877',
      'Fusionar CC 79111222 y TI 1001002003',
    ]);
  });

  it('pagina y dice cuántas hay en total', async () => {
    servidor.use(
      http.get('*/api/calidad/advertencias', ({ request }) => {
        const numero = Number(new URL(request.url).searchParams.get('pagina'));
        return HttpResponse.json(pagina(ADVERTENCIAS.slice(0, 2), { pagina: numero, total: 45, paginas: 3 }));
      }),
    );
    const { persona, router } = renderizarCalidad(false, '/calidad?tipo=duplicado');
    expect(await screen.findByTestId('conteo-filas')).toHaveTextContent('Se muestran 2 de 45 advertencias');
    await persona.click(screen.getByRole('button', { name: 'Página 3' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tipo=duplicado&pagina=3'));
  });

  it('sin advertencias lo dice', async () => {
    servidor.use(http.get('*/api/calidad/advertencias', () => HttpResponse.json(pagina([]))));
    renderizarCalidad(false, '/calidad?tipo=correo_invalido');
    expect(await screen.findByText('Sin advertencias de correos mal formados.')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('0 advertencias');
  });

  it('un error del servidor se muestra en español', async () => {
    servidor.use(http.get('*/api/calidad/advertencias', () => errorApi(403, 'prohibido', 'Su rol no permite consultar la calidad de datos.')));
    renderizarCalidad();
    expect(await screen.findByRole('alert')).toHaveTextContent('Su rol no permite consultar la calidad de datos.');
  });
});
