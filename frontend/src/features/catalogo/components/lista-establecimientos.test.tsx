import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DROGUERIA_SALUD, TIENDA_LUCHO } from '@/testing/datos-catalogo';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar } from '@/testing/test-utils';
import { ListaEstablecimientos } from './lista-establecimientos';

// Formularios largos en jsdom sobre una máquina compartida de 2 núcleos: margen amplio, sin aflojar nada.
const LENTO = 90_000;

function capturar(metodo: 'post' | 'patch', ruta: string, respuesta?: () => Response) {
  const cuerpos: unknown[] = [];
  servidor.use(
    http[metodo](ruta, async ({ request }) => {
      const cuerpo = (await request.json()) as Record<string, unknown>;
      cuerpos.push(cuerpo);
      return respuesta ? respuesta() : HttpResponse.json({ ...TIENDA_LUCHO, ...cuerpo }, { status: metodo === 'post' ? 201 : 200 });
    }),
  );
  return cuerpos;
}

describe('ListaEstablecimientos', () => {
  it('lista con el vendedor y su zona, y filtra por tipo, ciudad, vendedor y texto', async () => {
    const pedidas: string[] = [];
    servidor.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/establecimientos') pedidas.push(url.search);
    });
    const { persona, router } = renderizar(<ListaEstablecimientos puedeEditar={false} />, { ruta: '/establecimientos' });
    const tabla = await screen.findByRole('table', { name: 'Establecimientos' });
    const fila = within(tabla).getByText(TIENDA_LUCHO.nombre).closest('tr') as HTMLElement;
    expect(fila).toHaveTextContent('Tienda de barrio');
    expect(fila).toHaveTextContent('Víctor Vendedor');
    expect(fila).toHaveTextContent('vendedor · zona Norte');
    expect(within(tabla).getByText(DROGUERIA_SALUD.nombre).closest('tr')).toHaveTextContent('Sin vendedor');
    expect(screen.queryByRole('button', { name: 'Nuevo establecimiento' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Editar / })).not.toBeInTheDocument();

    await escribir(persona, screen.getByRole('textbox', { name: 'Ciudad' }), 'Bogotá');
    await escribir(persona, screen.getByRole('textbox', { name: 'Vendedor (usuario)' }), 'vendedor');
    await escribir(persona, screen.getByRole('textbox', { name: 'Nombre o NIT' }), 'lucho');
    await persona.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?q=lucho&ciudad=Bogot%C3%A1&vendedor=vendedor'));
    await persona.selectOptions(screen.getByRole('combobox', { name: 'Tipo' }), 'TIENDA');
    await waitFor(() => expect(pedidas.at(-1)).toContain('tipo=TIENDA'));
    const ultima = new URLSearchParams(pedidas.at(-1));
    expect(Object.fromEntries(ultima)).toMatchObject({ q: 'lucho', tipo: 'TIENDA', ciudad: 'Bogotá', vendedor: 'vendedor', pagina: '1' });
  }, LENTO);

  it('crea: valida el NIT (dígito DIAN) y las coordenadas dentro de Colombia antes de enviar', async () => {
    const cuerpos = capturar('post', '*/api/establecimientos');
    const { persona } = renderizar(<ListaEstablecimientos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo establecimiento' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo establecimiento' });
    const campo = (nombre: RegExp) => within(dialogo).getByRole('textbox', { name: nombre });
    await escribir(persona, campo(/^nit/i), '900.123.456-7');
    await escribir(persona, campo(/^latitud/i), '6,27');
    await escribir(persona, campo(/^longitud/i), '-60');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear establecimiento' }));
    expect(await within(dialogo).findByText('El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).')).toBeInTheDocument();
    expect(within(dialogo).getByText('La longitud debe estar dentro de Colombia (entre −82,0 y −66,8).')).toBeInTheDocument();
    expect(within(dialogo).getByText('Escriba la ciudad.')).toBeInTheDocument();
    expect(campo(/^latitud/i)).not.toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(campo(/^nombre/i)).toHaveFocus());
    expect(cuerpos).toEqual([]);
  }, LENTO);

  it('crea: envía el cuerpo del contrato y el 422 del vendedor va en su campo', async () => {
    let respuesta = () => errorApi(422, 'datos_invalidos', 'Revise los datos.', { campos: { vendedor: ['El usuario agente no es un vendedor.'] } });
    const cuerpos = capturar('post', '*/api/establecimientos', () => respuesta());
    const { persona } = renderizar(<ListaEstablecimientos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo establecimiento' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo establecimiento' });
    const campo = (nombre: RegExp) => within(dialogo).getByRole('textbox', { name: nombre });
    await escribir(persona, campo(/^nombre/i), 'Minimercado La 80');
    await persona.selectOptions(within(dialogo).getByRole('combobox', { name: /tipo/i }), 'MINIMERCADO');
    await escribir(persona, campo(/^nit/i), '900123456-8');
    await escribir(persona, campo(/^ciudad/i), 'Medellín');
    await escribir(persona, campo(/^departamento/i), 'Antioquia');
    await escribir(persona, campo(/^dirección/i), 'Calle 80 # 65-10');
    await escribir(persona, campo(/^latitud/i), '6,27');
    await escribir(persona, campo(/^longitud/i), '-75.59');
    await escribir(persona, campo(/^vendedor/i), 'agente');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear establecimiento' }));
    expect(await within(dialogo).findByText('El usuario agente no es un vendedor.')).toBeInTheDocument();
    expect(campo(/^vendedor/i)).toHaveAttribute('aria-invalid', 'true');
    expect(cuerpos).toEqual([
      {
        nombre: 'Minimercado La 80',
        tipo: 'MINIMERCADO',
        nit: '9001234568',
        ciudad: 'Medellín',
        departamento: 'Antioquia',
        direccion: 'Calle 80 # 65-10',
        telefono: null,
        latitud: 6.27,
        longitud: -75.59,
        vendedor: 'agente',
      },
    ]);

    respuesta = () => HttpResponse.json({ ...DROGUERIA_SALUD, id: 50, nombre: 'Minimercado La 80' }, { status: 201 });
    await persona.clear(campo(/^vendedor/i));
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear establecimiento' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nuevo establecimiento' })).not.toBeInTheDocument());
    expect((cuerpos[1] as { vendedor: unknown }).vendedor).toBeNull();
  }, LENTO);

  it('asigna o quita el vendedor con PATCH {vendedor}; edita solo lo que cambió', async () => {
    const cambios = capturar('patch', '*/api/establecimientos/:id');
    const { persona } = renderizar(<ListaEstablecimientos puedeEditar />);
    await persona.click(await screen.findByRole('button', { name: `Asignar vendedor a ${DROGUERIA_SALUD.nombre}` }));
    let dialogo = await screen.findByRole('dialog', { name: `Vendedor de ${DROGUERIA_SALUD.nombre}` });
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /usuario del vendedor/i }), 'vendedor');
    await persona.keyboard('{Enter}');
    await waitFor(() => expect(cambios).toEqual([{ vendedor: 'vendedor' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await persona.click(screen.getByRole('button', { name: `Editar ${TIENDA_LUCHO.nombre}` }));
    dialogo = await screen.findByRole('dialog', { name: `Editar ${TIENDA_LUCHO.nombre}` });
    const telefono = within(dialogo).getByRole('textbox', { name: /teléfono/i });
    await persona.clear(telefono);
    await escribir(persona, telefono, '601 555 0199');
    await persona.click(within(dialogo).getByRole('button', { name: 'Guardar cambios' }));
    await waitFor(() => expect(cambios).toEqual([{ vendedor: 'vendedor' }, { telefono: '601 555 0199' }]));
  }, LENTO);
});
