import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ARROZ, CAFE, PORTAFOLIO_DROGUERIA_INACTIVO, PORTAFOLIO_TIENDA } from '@/testing/datos-catalogo';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar, sinNbsp } from '@/testing/test-utils';
import { GestionPortafolios } from './gestion-portafolios';

// Formularios largos en jsdom sobre una máquina compartida de 2 núcleos: margen amplio, sin aflojar nada.
const LENTO = 90_000;

describe('GestionPortafolios', () => {
  it('muestra el vigente de cada tipo y el historial; abre uno con sus líneas', async () => {
    const { persona } = renderizar(<GestionPortafolios puedeEditar={false} />);
    const vigenteTienda = await screen.findByRole('article', { name: 'Vigente para Tienda de barrio' });
    expect(vigenteTienda).toHaveTextContent(PORTAFOLIO_TIENDA.nombre);
    expect(vigenteTienda).toHaveTextContent('3 líneas');
    expect(screen.getByRole('article', { name: 'Vigente para Droguería' })).toHaveTextContent('Sin portafolio vigente');

    const historial = screen.getByRole('table', { name: 'Historial' });
    const filas = within(historial).getAllByRole('row').slice(1);
    expect(filas.map((f) => (f as HTMLTableRowElement).cells[0]?.textContent)).toEqual(['Tienda básica 2026', 'Tienda básica 2025', 'Droguería piloto']);
    expect(filas[0]).toHaveTextContent('Vigente hoy');
    expect(filas[1]).toHaveTextContent('Anterior');
    expect(filas[2]).toHaveTextContent('Inactivo');
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('3 portafolios');
    expect(screen.queryByRole('button', { name: 'Nuevo portafolio' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Desactivar|Activar) / })).not.toBeInTheDocument();

    await persona.click(within(filas[0] as HTMLElement).getByRole('button', { name: `Ver ${PORTAFOLIO_TIENDA.nombre}` }));
    const dialogo = await screen.findByRole('dialog', { name: PORTAFOLIO_TIENDA.nombre });
    const lineas = await within(dialogo).findByRole('table', { name: `Líneas de ${PORTAFOLIO_TIENDA.nombre}` });
    const filasLineas = within(lineas).getAllByRole('row').slice(1);
    // Obligatorias primero.
    expect(filasLineas.map((f) => (f as HTMLTableRowElement).cells[1]?.firstChild?.textContent)).toEqual(['Arroz blanco', 'Leche entera', 'Café molido']);
    expect(sinNbsp(filasLineas[2]?.textContent)).toContain('$ 13.500');
    expect(filasLineas[0]).toHaveTextContent('Obligatorio');
    expect(within(dialogo).getByTestId('conteo-filas')).toHaveTextContent('3 líneas');
  }, LENTO);

  it('si el servidor tiene más portafolios de los que trae la página, lo dice (nada se corta en silencio)', async () => {
    servidor.use(
      http.get('*/api/portafolios', () =>
        HttpResponse.json({ items: [PORTAFOLIO_DROGUERIA_INACTIVO], pagina: 1, por_pagina: 100, total: 130, paginas: 2 }),
      ),
    );
    renderizar(<GestionPortafolios puedeEditar={false} />);
    await screen.findByRole('table', { name: 'Historial' });
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('Se muestran 1 de 130 portafolios');
  });

  it('acepta el detalle con las líneas planas (`productos`) que usa la rama del backend', async () => {
    const { lineas, ...resto } = PORTAFOLIO_TIENDA;
    servidor.use(
      http.get('*/api/portafolios/:id', () =>
        HttpResponse.json({
          ...resto,
          lineas: lineas.length,
          obligatorias: 2,
          productos: lineas.map(({ producto: { activo, ...p }, ...l }) => ({ ...p, producto_activo: activo, ...l })),
        }),
      ),
    );
    const { persona } = renderizar(<GestionPortafolios puedeEditar={false} />);
    const [verVigente] = await screen.findAllByRole('button', { name: `Ver ${PORTAFOLIO_TIENDA.nombre}` });
    await persona.click(verVigente as HTMLElement);
    const dialogo = await screen.findByRole('dialog', { name: PORTAFOLIO_TIENDA.nombre });
    const tabla = await within(dialogo).findByRole('table', { name: `Líneas de ${PORTAFOLIO_TIENDA.nombre}` });
    expect(within(tabla).getAllByRole('row')).toHaveLength(4);
    expect(within(dialogo).getByText(/3 líneas, 2 obligatorias/)).toBeInTheDocument();
  }, LENTO);

  it('arma uno nuevo: busca y agrega (Enter), no repite, exige mínimo ≥ 1 y envía lo del contrato', async () => {
    const cuerpos: unknown[] = [];
    let respuesta = () =>
      errorApi(422, 'datos_invalidos', 'Revise los datos.', { campos: { vigente_desde: ['Ya hay otro portafolio del tipo con esa fecha.'] } });
    servidor.use(
      http.post('*/api/portafolios', async ({ request }) => {
        cuerpos.push(await request.json());
        return respuesta();
      }),
    );
    const { persona } = renderizar(<GestionPortafolios puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo portafolio' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo portafolio' });
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /nombre del portafolio/i }), 'Tienda 2027');
    const fecha = within(dialogo).getByLabelText(/vigente desde/i);
    await persona.clear(fecha);
    await escribir(persona, fecha, '2027-01-01');

    const busqueda = within(dialogo).getByRole('searchbox', { name: /buscar producto/i });
    await persona.type(busqueda, 'caf');
    await within(dialogo).findByRole('button', { name: `Agregar ${CAFE.codigo} ${CAFE.nombre}` }, { timeout: 10_000 });
    await persona.keyboard('{Enter}');
    const lineas = await within(dialogo).findByRole('table', { name: 'Líneas del portafolio nuevo' });
    expect(within(lineas).getAllByRole('row')).toHaveLength(2);
    expect(busqueda).toHaveValue('');
    expect(busqueda).toHaveFocus();
    expect(screen.getAllByTestId('anuncio-vivo').some((a) => a.textContent?.includes('Agregado Café molido'))).toBe(true);

    // El mismo producto no se agrega dos veces.
    await persona.type(busqueda, 'caf');
    expect(await within(dialogo).findByRole('button', { name: `${CAFE.nombre} (ya agregado)` }, { timeout: 10_000 })).toBeDisabled();
    await persona.keyboard('{Enter}');
    expect(within(lineas).getAllByRole('row')).toHaveLength(2);

    await persona.clear(busqueda);
    await persona.type(busqueda, 'arroz');
    await persona.click(await within(dialogo).findByRole('button', { name: `Agregar ${ARROZ.codigo} ${ARROZ.nombre}` }, { timeout: 10_000 }));
    await persona.click(within(dialogo).getByRole('checkbox', { name: `Obligatorio: ${ARROZ.nombre}` }));
    await escribir(persona, within(dialogo).getByRole('textbox', { name: `Precio sugerido de ${ARROZ.nombre}` }), '3500');
    const cantidadCafe = within(dialogo).getByRole('textbox', { name: `Cantidad mínima de ${CAFE.nombre}` });
    await persona.clear(cantidadCafe);
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear portafolio' }));
    expect(await within(dialogo).findByText('La cantidad mínima debe ser un entero mayor o igual a 1.')).toBeInTheDocument();
    expect(cuerpos).toEqual([]);

    await escribir(persona, cantidadCafe, '6');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear portafolio' }));
    expect(await within(dialogo).findByText('Ya hay otro portafolio del tipo con esa fecha.')).toBeInTheDocument();
    expect(cuerpos).toEqual([
      {
        nombre: 'Tienda 2027',
        tipo_establecimiento: 'TIENDA',
        vigente_desde: '2027-01-01',
        productos: [
          { codigo: CAFE.codigo, cantidad_minima: 6, obligatorio: false },
          { codigo: ARROZ.codigo, cantidad_minima: 1, obligatorio: true, precio_sugerido: 3500 },
        ],
      },
    ]);

    respuesta = () => HttpResponse.json({ ...PORTAFOLIO_TIENDA, id: 70, nombre: 'Tienda 2027', vigente: false }, { status: 201 });
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear portafolio' }));
    await waitFor(() => expect(cuerpos).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nuevo portafolio' })).not.toBeInTheDocument(), { timeout: 10_000 });
  }, LENTO);

  it('sin productos no envía y lo dice; activa o desactiva con PATCH {activo}', async () => {
    const cambios: unknown[] = [];
    servidor.use(
      http.patch('*/api/portafolios/:id', async ({ request, params }) => {
        cambios.push({ id: Number(params.id), ...((await request.json()) as object) });
        return HttpResponse.json({ ...PORTAFOLIO_DROGUERIA_INACTIVO, activo: true });
      }),
    );
    const { persona } = renderizar(<GestionPortafolios puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: `Activar ${PORTAFOLIO_DROGUERIA_INACTIVO.nombre}` }));
    await waitFor(() => expect(cambios).toEqual([{ id: PORTAFOLIO_DROGUERIA_INACTIVO.id, activo: true }]));

    await persona.click(screen.getByRole('button', { name: 'Nuevo portafolio' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo portafolio' });
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /nombre del portafolio/i }), 'Vacío');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear portafolio' }));
    expect(await within(dialogo).findByText('Agregue al menos un producto.')).toBeInTheDocument();
  }, LENTO);
});
