import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { RUTA, TIENDA_LUCHO } from '@/testing/datos-catalogo';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import { ListaChequeo } from './lista-chequeo';
import { MiRuta } from './mi-ruta';

// Formularios largos en jsdom sobre una máquina compartida de 2 núcleos: margen amplio, sin aflojar nada.
const LENTO = 90_000;

afterEach(() => window.localStorage.clear());

describe('Mi ruta', () => {
  it('lista los establecimientos del vendedor con su portafolio vigente y enlaza a cada uno', async () => {
    renderizar(<MiRuta />);
    const lista = await screen.findByRole('list', { name: 'Establecimientos de su ruta' });
    const paradas = within(lista).getAllByRole('listitem');
    expect(paradas).toHaveLength(2);
    expect(paradas[0]).toHaveTextContent(TIENDA_LUCHO.nombre);
    expect(paradas[0]).toHaveTextContent('Tienda básica 2026: 3 productos, 2 obligatorios');
    expect(paradas[1]).toHaveTextContent('Sin portafolio vigente para este tipo de establecimiento.');
    expect(within(paradas[0] as HTMLElement).getByRole('link', { name: `Abrir el portafolio de ${TIENDA_LUCHO.nombre}` })).toHaveAttribute(
      'href',
      `/mi-ruta/${TIENDA_LUCHO.id}`,
    );
    expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('2 establecimientos en su ruta');
  });

  it('sin establecimientos asignados lo explica', async () => {
    servidor.use(http.get('*/api/vendedores/yo/ruta', () => Response.json({ establecimientos: [] })));
    renderizar(<MiRuta />);
    expect(await screen.findByText(/Aún no tiene establecimientos asignados/)).toBeInTheDocument();
  });

  it('abre el portafolio como lista de chequeo: obligatorios aparte, mínimo y precio sugerido; las casillas se recuerdan', async () => {
    const { persona, unmount } = renderizar(<ListaChequeo establecimientoId={TIENDA_LUCHO.id} />);
    const obligatorios = await screen.findByRole('group', { name: 'Obligatorios (2)' });
    const opcionales = screen.getByRole('group', { name: 'Opcionales (1)' });
    expect(within(obligatorios).getAllByRole('checkbox')).toHaveLength(2);
    const leche = within(obligatorios).getByRole('checkbox', { name: /Leche entera/ });
    expect(sinNbsp(document.getElementById(leche.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(
      'LAC-001 · 1 L · mínimo 12 · precio sugerido $ 4.800',
    );
    expect(within(opcionales).getByRole('checkbox', { name: /Café molido/ })).not.toBeChecked();
    expect(await screen.findByText(`${TIENDA_LUCHO.nombre}`)).toBeInTheDocument();
    expect(screen.getByTestId('resumen-chequeo')).toHaveTextContent('0 de 3 revisados · faltan 2 obligatorios');

    await persona.click(leche);
    await persona.click(within(obligatorios).getByRole('checkbox', { name: /Arroz blanco/ }));
    expect(leche).toBeChecked();
    expect(screen.getByTestId('resumen-chequeo')).toHaveTextContent('2 de 3 revisados · obligatorios completos');
    expect(screen.getAllByTestId('anuncio-vivo').some((a) => a.textContent === '2 de 3 revisados · obligatorios completos')).toBe(true);

    // Volver a abrirlo (misma visita, mismo día) conserva las marcas.
    unmount();
    renderizar(<ListaChequeo establecimientoId={TIENDA_LUCHO.id} />);
    expect(await screen.findByRole('checkbox', { name: /Leche entera/ })).toBeChecked();
    await persona.click(screen.getByRole('button', { name: 'Desmarcar todo' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Leche entera/ })).not.toBeChecked());
  }, LENTO);

  it('un 404 "sin portafolio vigente" se explica con un mensaje claro, no como un error', async () => {
    renderizar(<ListaChequeo establecimientoId={RUTA.establecimientos[1]?.id ?? 12} />);
    const alerta = await screen.findByRole('alert');
    expect(alerta).toHaveTextContent('Sin portafolio vigente');
    expect(alerta).toHaveTextContent('Hoy no hay un portafolio vigente para este tipo de establecimiento');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(await screen.findByText('Panadería El Trigal')).toBeInTheDocument();
  });

  it('un 403 (tienda de otro vendedor) dice que no está en su ruta', async () => {
    servidor.use(
      http.get('*/api/establecimientos/:id/portafolio', () => errorApi(403, 'prohibido', 'Este establecimiento no está asignado a su ruta.')),
    );
    renderizar(<ListaChequeo establecimientoId={999} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Este establecimiento no está en su ruta');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
