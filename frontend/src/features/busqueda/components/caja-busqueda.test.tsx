import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ENCONTRADA_MARIA, encontrado, respuestaBusqueda } from '@/testing/datos-busqueda';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import type { RespuestaBusqueda } from '../types';
import { CajaBusqueda } from './caja-busqueda';

const caja = () => screen.getByTestId('caja-busqueda');
const modo = () => screen.getByTestId('modo-busqueda');

/** Registra cada `q` pedido y responde lo que diga `responder`. */
function espiarBusquedas(responder: (q: string, request: Request) => Promise<Response> | Response) {
  const pedidas: string[] = [];
  servidor.use(
    http.get('*/api/clientes/busqueda', ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      pedidas.push(q);
      return responder(q, request);
    }),
  );
  return pedidas;
}

function montar(alElegir = vi.fn()) {
  const vista = renderizar(<CajaBusqueda alElegir={alElegir} />);
  // Sin pausa entre teclas: escribir de corrido, como una persona rápida.
  return { ...vista, persona: userEvent.setup({ delay: null }), alElegir };
}

describe('CajaBusqueda', () => {
  it('es un combobox con nombre, ayuda y el atajo /', () => {
    montar();
    const campo = screen.getByRole('combobox', { name: 'Buscar cliente' });
    expect(campo).toBe(caja());
    expect(campo).toHaveAttribute('aria-keyshortcuts', '/');
    expect(campo).toHaveAttribute('aria-expanded', 'false');
    expect(campo).toHaveAccessibleDescription(/Documento \(con o sin tipo\), teléfono, correo o parte del nombre/);
  });

  it('adelanta el modo mientras escribe, antes de que responda el servidor, y luego muestra el que él usó', async () => {
    const enEspera: (() => void)[] = [];
    const pedidas = espiarBusquedas(async () => {
      await new Promise<void>((resolver) => enEspera.push(resolver));
      return HttpResponse.json(respuestaBusqueda('telefono', [ENCONTRADA_MARIA]));
    });
    const { persona } = montar();
    await persona.type(caja(), '+57 302');
    expect(modo()).toHaveTextContent('Teléfono');
    expect(modo()).toHaveAttribute('data-confirmado', 'false');

    await persona.clear(caja());
    await persona.type(caja(), 'maria.pe@');
    expect(modo()).toHaveTextContent('Correo');
    await persona.clear(caja());
    await persona.type(caja(), 'CC 1020');
    expect(modo()).toHaveTextContent('Documento');
    await persona.clear(caja());
    await persona.type(caja(), '3025551002');
    expect(modo()).toHaveTextContent('Documento o teléfono');

    // El servidor decide: ese número no es documento de nadie, pero sí el teléfono de María.
    await waitFor(() => expect(pedidas).toContain('3025551002'));
    for (const liberar of enEspera) liberar();
    await waitFor(() => expect(modo()).toHaveAttribute('data-confirmado', 'true'));
    expect(modo()).toHaveTextContent('Teléfono');
  });

  it('espera a que deje de escribir: una sola petición con el texto completo', async () => {
    const pedidas = espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('nombre', [ENCONTRADA_MARIA])));
    const { persona } = montar();
    await persona.type(caja(), 'maria pena');
    expect(pedidas).toEqual([]);
    expect(await screen.findByTestId('resultado-busqueda')).toBeInTheDocument();
    expect(pedidas).toEqual(['maria pena']);
  });

  it('muestra cada cliente con su documento, la marca exacta/parcial y el contacto tal como llega', async () => {
    espiarBusquedas(() =>
      HttpResponse.json(respuestaBusqueda('nombre', [ENCONTRADA_MARIA, encontrado(9, { nombre: 'María', apellido: 'Peñaloza', telefono: null })])),
    );
    const { persona } = montar();
    await persona.type(caja(), 'maria pe');
    const lista = await screen.findByTestId('resultados-busqueda');
    expect(lista).toHaveAttribute('role', 'listbox');
    const opciones = within(lista).getAllByTestId('resultado-busqueda');
    expect(opciones).toHaveLength(2);
    expect(opciones[0]).toHaveAttribute('role', 'option');
    expect(opciones[0]).toHaveTextContent('María José Peña Muñoz');
    expect(opciones[0]).toHaveTextContent('CC 1020304050 · Tel. 302*****02 · ma***@example.com');
    expect(within(opciones[0]!).getByText('Exacta')).toBeInTheDocument();
    expect(within(opciones[1]!).getByText('Parcial')).toBeInTheDocument();
    expect(opciones[1]).toHaveTextContent('CC 30000009');
    expect(opciones[1]).not.toHaveTextContent('Tel.');
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('2 clientes');
    expect(caja()).toHaveAttribute('aria-expanded', 'true');
    expect(caja()).toHaveAttribute('aria-controls', lista.id);
    expect(modo()).toHaveTextContent('Nombre');
  });

  it('cuando el servidor corta la lista lo dice: «Se muestran 20 de 134 clientes»', async () => {
    const veinte = Array.from({ length: 20 }, (_, i) => encontrado(i + 1, { apellido: 'Gómez' }));
    espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('nombre', veinte, 134)));
    const { persona } = montar();
    await persona.type(caja(), 'gomez');
    expect(await screen.findAllByTestId('resultado-busqueda')).toHaveLength(20);
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('Se muestran 20 de 134 clientes');
  });

  it('con menos de 3 letras explica por qué no busca y no consulta al servidor', async () => {
    const pedidas = espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('nombre', [])));
    const { persona } = montar();
    await persona.type(caja(), 'ma');
    expect(caja()).toHaveAccessibleDescription('Para buscar por nombre escriba al menos 3 caracteres.');
    expect(screen.queryByTestId('modo-busqueda')).not.toBeInTheDocument();
    await new Promise((resolver) => setTimeout(resolver, 300));
    expect(pedidas).toEqual([]);
  });

  it('muestra junto a la caja el motivo de un 422 (NIT con dígito de verificación errado)', async () => {
    const motivo = 'El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).';
    espiarBusquedas(() => errorApi(422, 'datos_invalidos', motivo, { campos: { numero_documento: [motivo] } }));
    const { persona } = montar();
    await persona.type(caja(), 'NIT 900123456-7');
    expect(await screen.findByText(motivo)).toBeInTheDocument();
    expect(caja()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('resultados-busqueda')).not.toBeInTheDocument();
  });

  it('usa el motivo del campo q de un 422 (búsqueda corta según el servidor)', async () => {
    espiarBusquedas(() =>
      errorApi(422, 'datos_invalidos', 'Datos inválidos.', { campos: { q: ['Para buscar por nombre escriba al menos 3 caracteres.'] } }),
    );
    const { persona } = montar();
    await persona.type(caja(), 'a b c');
    expect(await screen.findByText('Para buscar por nombre escriba al menos 3 caracteres.')).toBeInTheDocument();
  });

  it('dice claramente cuando no hay resultados', async () => {
    espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('correo', [])));
    const { persona } = montar();
    await persona.type(caja(), 'nadie@example.com');
    expect(await screen.findByTestId('sin-resultados')).toHaveTextContent('Ningún cliente coincide con «nadie@example.com».');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('conserva los resultados anteriores mientras llega la búsqueda nueva y aborta la que quedó vieja', async () => {
    const abortadas: string[] = [];
    espiarBusquedas(async (q, request) => {
      if (q === 'mar') return HttpResponse.json(respuestaBusqueda('nombre', [ENCONTRADA_MARIA]));
      request.signal.addEventListener('abort', () => abortadas.push(q));
      await delay(q === 'maria' ? 'infinite' : 50);
      return HttpResponse.json(respuestaBusqueda('nombre', [encontrado(7, { nombre: 'Mariana' })]));
    });
    const { persona } = montar();
    await persona.type(caja(), 'mar');
    await screen.findByText('María José Peña Muñoz');

    await persona.type(caja(), 'ia');
    await waitFor(() => expect(screen.getByTestId('resultados-busqueda')).toHaveAttribute('aria-busy', 'true'));
    await new Promise((resolver) => setTimeout(resolver, 250));
    // «maria» ya se pidió y no responde: la lista anterior sigue a la vista (atenuada).
    expect(screen.getByText('María José Peña Muñoz')).toBeInTheDocument();
    expect(screen.getByTestId('modo-busqueda')).toHaveAttribute('data-confirmado', 'false');

    await persona.type(caja(), 'na');
    expect(await screen.findByText('Mariana Prueba')).toBeInTheDocument();
    expect(screen.getByTestId('resultados-busqueda')).toHaveAttribute('aria-busy', 'false');
    await waitFor(() => expect(abortadas).toEqual(['maria']));
  });

  it('se recorre con ↑ ↓ y Enter abre el cliente activo; el foco se queda en la caja', async () => {
    const respuesta: RespuestaBusqueda = respuestaBusqueda('nombre', [ENCONTRADA_MARIA, encontrado(2), encontrado(3)]);
    espiarBusquedas(() => HttpResponse.json(respuesta));
    const { persona, alElegir } = montar();
    await persona.type(caja(), 'cliente');
    const opciones = await screen.findAllByTestId('resultado-busqueda');

    await persona.keyboard('{ArrowDown}');
    expect(caja()).toHaveAttribute('aria-activedescendant', opciones[0]!.id);
    expect(opciones[0]).toHaveAttribute('aria-selected', 'true');
    await persona.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(caja()).toHaveAttribute('aria-activedescendant', opciones[0]!.id);
    await persona.keyboard('{ArrowUp}');
    expect(caja()).toHaveAttribute('aria-activedescendant', opciones[2]!.id);
    await persona.keyboard('{ArrowUp}{Enter}');

    expect(alElegir).toHaveBeenCalledExactlyOnceWith({ tipo: 'CC', numero: '30000002' });
    expect(caja()).toHaveFocus();
    expect(caja()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('resultados-busqueda')).not.toBeInTheDocument();
    // ↓ vuelve a abrir la lista.
    await persona.keyboard('{ArrowDown}');
    expect(screen.getByTestId('resultados-busqueda')).toBeInTheDocument();
  });

  it('Enter sin opción activa abre el primero; un clic abre el elegido', async () => {
    espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('telefono', [ENCONTRADA_MARIA, encontrado(5)])));
    const { persona, alElegir } = montar();
    await persona.type(caja(), '+57 302 555 1002');
    await screen.findAllByTestId('resultado-busqueda');
    await persona.keyboard('{Enter}');
    expect(alElegir).toHaveBeenLastCalledWith({ tipo: 'CC', numero: '1020304050' });

    await persona.click(caja());
    await persona.click(screen.getByText('Cliente 5 Prueba'));
    expect(alElegir).toHaveBeenLastCalledWith({ tipo: 'CC', numero: '30000005' });
  });

  it('Esc dentro de la caja la limpia', async () => {
    espiarBusquedas(() => HttpResponse.json(respuestaBusqueda('nombre', [ENCONTRADA_MARIA])));
    const { persona } = montar();
    await persona.type(caja(), 'maria');
    await screen.findByTestId('resultados-busqueda');
    await persona.keyboard('{Escape}');
    expect(caja()).toHaveValue('');
    expect(caja()).toHaveFocus();
    expect(screen.queryByTestId('resultados-busqueda')).not.toBeInTheDocument();
    expect(screen.queryByTestId('modo-busqueda')).not.toBeInTheDocument();
  });
});
