import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CAFE, LECHE } from '@/testing/datos-catalogo';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar, sinNbsp } from '@/testing/test-utils';
import { CatalogoProductos } from './catalogo-productos';

/** Registra las búsquedas que llegan al servidor (sin `por_pagina`, que siempre va). */
function espiarBusquedas() {
  const busquedas: Record<string, string>[] = [];
  servidor.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/productos') {
      const parametros = Object.fromEntries(url.searchParams);
      delete parametros.por_pagina;
      busquedas.push(parametros);
    }
  });
  return busquedas;
}

function capturarCuerpo(metodo: 'post' | 'patch', ruta: string, respuesta?: () => Response) {
  const cuerpos: unknown[] = [];
  servidor.use(
    http[metodo](ruta, async ({ request }) => {
      const cuerpo = (await request.json()) as Record<string, unknown>;
      cuerpos.push(cuerpo);
      return respuesta ? respuesta() : HttpResponse.json({ ...LECHE, ...cuerpo }, { status: metodo === 'post' ? 201 : 200 });
    }),
  );
  return cuerpos;
}

// Formularios largos en jsdom sobre una máquina compartida de 2 núcleos: margen amplio, sin aflojar nada.
const LENTO = 90_000;

describe('CatalogoProductos', () => {
  it('lista con precio en COP e IVA; busca mientras se escribe, con retraso, y filtra por estado', async () => {
    const busquedas = espiarBusquedas();
    const { persona, router } = renderizar(<CatalogoProductos puedeEditar={false} />, { ruta: '/catalogo' });
    const tabla = await screen.findByRole('table', { name: 'Productos del catálogo' });
    expect(within(tabla).getAllByRole('row')).toHaveLength(5);
    const filaCafe = within(tabla).getByText('CAF-250').closest('tr') as HTMLElement;
    expect(sinNbsp(filaCafe.textContent)).toContain('$ 12.900');
    expect(filaCafe).toHaveTextContent('5 %');
    expect(screen.getByRole('searchbox', { name: 'Buscar' })).toHaveFocus();

    await persona.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'cafe');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Productos del catálogo' })).getAllByRole('row')).toHaveLength(2), { timeout: 10_000 });
    expect(screen.getByText('Café molido')).toBeInTheDocument();
    // Una sola búsqueda para la palabra entera, no una por tecla.
    expect(busquedas.filter((b) => b.q)).toEqual([{ q: 'cafe', pagina: '1' }]);
    expect(router.state.location.search).toBe('?q=cafe');
    expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('1 producto');

    await persona.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'false');
    await waitFor(() => expect(busquedas.at(-1)).toEqual({ q: 'cafe', activo: 'false', pagina: '1' }));
    expect(await screen.findByText('No hay productos con estos filtros.')).toBeInTheDocument();
  }, LENTO);

  it('sin permiso de edición no hay botones de crear, editar ni desactivar', async () => {
    renderizar(<CatalogoProductos puedeEditar={false} />);
    const tabla = await screen.findByRole('table', { name: 'Productos del catálogo' });
    expect(within(tabla).queryByRole('columnheader', { name: 'Acciones' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nuevo producto' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Editar|Desactivar|Activar) / })).not.toBeInTheDocument();
  }, LENTO);

  it('crea un producto: el código pasa a mayúsculas y el cuerpo lleva lo que pide el contrato', async () => {
    const cuerpos = capturarCuerpo('post', '*/api/productos');
    const { persona } = renderizar(<CatalogoProductos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo producto' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo producto' });
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /código/i }), 'pan-tajado-01');
    expect(within(dialogo).getByRole('textbox', { name: /código/i })).toHaveValue('PAN-TAJADO-01');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /^nombre/i }), 'Pan tajado');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /categoría/i }), 'Panadería');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /presentación/i }), '500 g');
    await persona.selectOptions(within(dialogo).getByRole('combobox', { name: 'IVA' }), '5');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /precio/i }), '6900');
    await persona.keyboard('{Enter}');
    await waitFor(() =>
      expect(cuerpos).toEqual([{ codigo: 'PAN-TAJADO-01', nombre: 'Pan tajado', categoria: 'Panadería', presentacion: '500 g', precio: 6900, iva: 5 }]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nuevo producto' })).not.toBeInTheDocument());
  }, LENTO);

  it('valida en línea como el contrato y no envía: Ñ o tildes, longitud, nombre y precio', async () => {
    const cuerpos = capturarCuerpo('post', '*/api/productos');
    const { persona } = renderizar(<CatalogoProductos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo producto' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo producto' });
    const codigo = within(dialogo).getByRole('textbox', { name: /código/i });
    await escribir(persona, codigo, 'año-1');
    await persona.tab();
    expect(within(dialogo).getByText('El código no admite Ñ ni letras con tilde: use A–Z, 0–9 y guion.')).toBeInTheDocument();
    await persona.clear(codigo);
    await escribir(persona, codigo, 'ab');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /^nombre/i }), 'X');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /precio/i }), '0');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear producto' }));
    expect(await within(dialogo).findByText('El código debe tener entre 3 y 30 caracteres.')).toBeInTheDocument();
    expect(within(dialogo).getByText('El nombre debe tener entre 2 y 120 caracteres.')).toBeInTheDocument();
    expect(within(dialogo).getByText('Escriba la categoría.')).toBeInTheDocument();
    expect(within(dialogo).getByText('El precio debe ser mayor que cero.')).toBeInTheDocument();
    await waitFor(() => expect(codigo).toHaveFocus());
    expect(codigo).toHaveAttribute('aria-invalid', 'true');
    expect(cuerpos).toEqual([]);
  }, LENTO);

  it('muestra en su campo el 409 (código existente) y los motivos del 422 (details.campos)', async () => {
    let respuesta = () => errorApi(409, 'conflicto', 'Ya existe un producto con el código LAC-001.');
    capturarCuerpo('post', '*/api/productos', () => respuesta());
    const { persona } = renderizar(<CatalogoProductos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo producto' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo producto' });
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /código/i }), 'LAC-001');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /^nombre/i }), 'Leche');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /categoría/i }), 'Lácteos');
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /precio/i }), '4500');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear producto' }));
    expect(await within(dialogo).findByText('Ya existe un producto con el código LAC-001.')).toBeInTheDocument();
    expect(within(dialogo).getByRole('textbox', { name: /código/i })).toHaveAttribute('aria-invalid', 'true');

    respuesta = () =>
      errorApi(422, 'datos_invalidos', 'Revise los datos.', { campos: { precio: ['El precio debe ser mayor que cero.'], marca: ['Marca demasiado larga.'] } });
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear producto' }));
    expect(await within(dialogo).findByText('Marca demasiado larga.')).toBeInTheDocument();
    expect(within(dialogo).getByText('El precio debe ser mayor que cero.')).toBeInTheDocument();
    expect(within(dialogo).queryByText('Ya existe un producto con el código LAC-001.')).not.toBeInTheDocument();
    expect(within(dialogo).getByRole('textbox', { name: /marca/i })).toHaveAttribute('aria-invalid', 'true');
  }, LENTO);

  it('edita con PATCH parcial (solo lo que cambió) y desactiva', async () => {
    const cambios = capturarCuerpo('patch', '*/api/productos/:codigo');
    const { persona } = renderizar(<CatalogoProductos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: `Editar ${CAFE.codigo}` }));
    const dialogo = await screen.findByRole('dialog', { name: `Editar producto ${CAFE.codigo}` });
    expect(within(dialogo).getByRole('textbox', { name: /código/i })).toHaveAttribute('readonly');
    const precio = within(dialogo).getByRole('textbox', { name: /precio/i });
    await persona.clear(precio);
    await escribir(persona, precio, '13500');
    await persona.click(within(dialogo).getByRole('button', { name: 'Guardar cambios' }));
    await waitFor(() => expect(cambios).toEqual([{ precio: 13500 }]));

    await persona.click(screen.getByRole('button', { name: `Desactivar ${CAFE.codigo}` }));
    await waitFor(() => expect(cambios).toEqual([{ precio: 13500 }, { activo: false }]));
  }, LENTO);
});
