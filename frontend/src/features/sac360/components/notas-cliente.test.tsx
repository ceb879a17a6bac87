import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { NotaCliente } from '../resumen-types';
import { nota, paginaNotas } from '@/testing/datos-sac360-resumen';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar } from '@/testing/test-utils';
import { NotasCliente } from './notas-cliente';

const haceMinutos = (minutos: number) => new Date(Date.now() - minutos * 60_000).toISOString();

/** Un servidor de notas en memoria: GET pagina, POST agrega al principio, PATCH corrige. */
function servidorDeNotas(iniciales: NotaCliente[]) {
  const notas = [...iniciales];
  const pedidos: { metodo: string; cuerpo?: unknown; url: string }[] = [];
  servidor.use(
    http.get('*/api/clientes/1/notas', ({ request }) => {
      pedidos.push({ metodo: 'GET', url: request.url });
      return HttpResponse.json(paginaNotas(notas));
    }),
    http.post('*/api/clientes/1/notas', async ({ request }) => {
      const cuerpo = (await request.json()) as { texto: string; motivo?: string };
      pedidos.push({ metodo: 'POST', cuerpo, url: request.url });
      const nueva = nota(100 + notas.length, { texto: cuerpo.texto, motivo: cuerpo.motivo ?? null, creada_en: new Date().toISOString() });
      notas.unshift(nueva);
      return HttpResponse.json(nueva, { status: 201 });
    }),
    http.patch('*/api/clientes/1/notas/:notaId', async ({ request, params }) => {
      const cuerpo = (await request.json()) as { texto: string };
      pedidos.push({ metodo: 'PATCH', cuerpo, url: request.url });
      const i = notas.findIndex((n) => n.id === Number(params.notaId));
      const anterior = notas[i]!;
      notas[i] = { ...anterior, texto: cuerpo.texto, editada_en: new Date().toISOString(), versiones: [{ texto: anterior.texto, reemplazada_en: new Date().toISOString() }] };
      return HttpResponse.json(notas[i]);
    }),
  );
  return pedidos;
}

describe('NotasCliente', () => {
  it('lista las notas con autor, hora de Bogotá, «editada» con sus versiones y el conteo', async () => {
    servidorDeNotas([
      nota(2, {
        texto: 'Llamó por la factura de octubre',
        motivo: 'Facturación',
        editada_en: '2026-11-20T09:40:00-05:00',
        versiones: [{ texto: 'Llamo por la factura', reemplazada_en: '2026-11-20T09:40:00-05:00' }],
      }),
      nota(1, { texto: 'Pidió cambiar el correo', autor: { usuario: 'supervisor', nombre: 'Saúl Supervisor' } }),
    ]);
    const { persona } = renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    expect(await screen.findByText('Llamó por la factura de octubre')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('2 notas');
    const items = screen.getAllByTestId('nota-cliente');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Ana Agente');
    expect(items[0]).toHaveTextContent(/20 .*nov.* 2026, 09:30/);
    expect(items[0]).toHaveTextContent('Motivo: Facturación');
    expect(within(items[0]!).getByText('editada')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Saúl Supervisor');
    // Notas viejas (más de 15 minutos): nadie las corrige.
    expect(screen.queryByRole('button', { name: /Corregir/ })).not.toBeInTheDocument();
    await persona.click(within(items[0]!).getByRole('button', { name: 'Ver la versión anterior' }));
    expect(screen.getByTestId('versiones-nota')).toHaveTextContent('«Llamo por la factura»');
  });

  it('agrega una nota (texto y motivo) y la ve primero en la lista; sin texto no la envía', async () => {
    const pedidos = servidorDeNotas([]);
    const { persona } = renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    expect(await screen.findByText('Este cliente todavía no tiene notas.')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('0 notas');

    await persona.click(screen.getByRole('button', { name: 'Agregar nota' }));
    expect(await screen.findByText('Escriba la nota.')).toBeInTheDocument();

    await escribir(persona, screen.getByRole('textbox', { name: /Nueva nota/ }), '  Quedó en volver a llamar el lunes  ');
    await escribir(persona, screen.getByRole('textbox', { name: 'Motivo de la llamada (opcional)' }), 'Seguimiento');
    await persona.click(screen.getByRole('button', { name: 'Agregar nota' }));
    expect(await screen.findByText('Quedó en volver a llamar el lunes')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('1 nota');
    expect(pedidos.filter((p) => p.metodo === 'POST').map((p) => p.cuerpo)).toEqual([{ texto: 'Quedó en volver a llamar el lunes', motivo: 'Seguimiento' }]);
    expect(screen.getByRole('textbox', { name: /Nueva nota/ })).toHaveValue('');
  });

  it('el autor corrige su nota dentro de los 15 minutos; la versión anterior queda', async () => {
    const pedidos = servidorDeNotas([nota(7, { texto: 'Texto con eror', creada_en: haceMinutos(2) })]);
    const { persona } = renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    await persona.click(await screen.findByRole('button', { name: /Corregir la nota/ }));
    const campo = screen.getByRole('textbox', { name: /Corregir la nota/ });
    await persona.clear(campo);
    await escribir(persona, campo, 'Texto sin error');
    await persona.click(screen.getByRole('button', { name: 'Guardar corrección' }));
    expect(await screen.findByText('Texto sin error')).toBeInTheDocument();
    expect(screen.getByText('editada')).toBeInTheDocument();
    expect(pedidos.filter((p) => p.metodo === 'PATCH').map((p) => [new URL(p.url).pathname, p.cuerpo])).toEqual([
      ['/api/clientes/1/notas/7', { texto: 'Texto sin error' }],
    ]);
  });

  it('no ofrece corregir la nota de otro usuario', async () => {
    servidorDeNotas([nota(7, { creada_en: haceMinutos(1), autor: { usuario: 'supervisor', nombre: 'Saúl Supervisor' } })]);
    renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    expect(await screen.findByText('Nota 7')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Corregir/ })).not.toBeInTheDocument();
  });

  it('el botón Corregir desaparece solo al vencer el plazo', async () => {
    // Reloj falso que igual avanza: MSW y las esperas siguen funcionando y el plazo se salta de golpe.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      servidorDeNotas([nota(7, { creada_en: haceMinutos(10) })]);
      renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
      expect(await screen.findByRole('button', { name: /Corregir la nota/ })).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
      expect(screen.getByRole('button', { name: /Corregir la nota/ })).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(61_000));
      expect(screen.queryByRole('button', { name: /Corregir la nota/ })).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('muestra el 403 del servidor si ya no se puede corregir', async () => {
    servidorDeNotas([nota(7, { creada_en: haceMinutos(3) })]);
    servidor.use(
      http.patch('*/api/clientes/1/notas/7', () => errorApi(403, 'prohibido', 'La nota solo se puede corregir durante 15 minutos tras escribirla.')),
    );
    const { persona } = renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    await persona.click(await screen.findByRole('button', { name: /Corregir la nota/ }));
    await escribir(persona, screen.getByRole('textbox', { name: /Corregir la nota/ }), ' más');
    await persona.click(screen.getByRole('button', { name: 'Guardar corrección' }));
    const alerta = await screen.findByRole('alert');
    expect(alerta).toHaveTextContent('No se puede corregir la nota');
    expect(alerta).toHaveTextContent('La nota solo se puede corregir durante 15 minutos tras escribirla.');
  });

  it('pagina cuando hay más notas que las de una página', async () => {
    const paginas: string[] = [];
    servidor.use(
      http.get('*/api/clientes/1/notas', ({ request }) => {
        const pagina = new URL(request.url).searchParams.get('pagina') ?? '1';
        paginas.push(pagina);
        return HttpResponse.json(paginaNotas(pagina === '1' ? [nota(12), nota(11)] : [nota(2)], Number(pagina), 12, 2));
      }),
    );
    const { persona } = renderizar(<NotasCliente clienteId={1} usuarioActual="agente" />);
    expect(await screen.findByText('Nota 12')).toBeInTheDocument();
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('Se muestran 2 de 12 notas');
    await persona.click(screen.getByRole('button', { name: 'Página 2' }));
    expect(await screen.findByText('Nota 2')).toBeInTheDocument();
    expect(paginas).toEqual(['1', '2']);
  });
});
