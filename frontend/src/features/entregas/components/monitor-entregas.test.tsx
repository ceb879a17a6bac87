import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse, sse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ENTREGA_RECIENTE, EVENTO_NUEVO, metricasDiezMinutos, metricasHora } from '@/testing/datos-entregas';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import type { EventoEntrega } from '../types';
import { MonitorEntregas } from './monitor-entregas';

/** Lo que la prueba usa de cada conexión SSE simulada. */
interface ConexionSse {
  send(mensaje: { event: 'entrega'; id: string; data: EventoEntrega }): void;
  close(): void;
}

const cifra = (nombre: string | RegExp) => screen.getByRole('group', { name: nombre });

/** Flujo SSE simulado que guarda cada conexión para mandarle eventos o cortarla desde la prueba. */
function flujoControlado() {
  const conexiones: ConexionSse[] = [];
  servidor.use(
    sse<{ message: unknown; entrega: EventoEntrega }>('*/api/entregas/eventos', ({ client }) => {
      conexiones.push(client);
    }),
  );
  return conexiones;
}

/** Métricas de la hora que la prueba puede cambiar; cuenta las lecturas y registra las ventanas pedidas. */
function metricasControladas() {
  const estado = { hora: metricasHora(), lecturas: 0, caido: false, ventanas: [] as Record<string, string>[] };
  servidor.use(
    http.get('*/api/entregas/metricas', ({ request }) => {
      if (estado.caido) return HttpResponse.error();
      const parametros = Object.fromEntries(new URL(request.url).searchParams);
      if (parametros.desde) {
        estado.ventanas.push(parametros);
        return HttpResponse.json(metricasDiezMinutos());
      }
      estado.lecturas += 1;
      return HttpResponse.json(estado.hora);
    }),
  );
  return estado;
}

describe('MonitorEntregas', () => {
  it('muestra las seis métricas con los montos exactos que envía el servidor', async () => {
    const estado = metricasControladas();
    const { persona } = renderizar(<MonitorEntregas />);

    expect(await screen.findByRole('group', { name: 'Pedidos en la última hora' })).toHaveTextContent('42');
    await waitFor(() => expect(cifra('Pedidos en los últimos 10 minutos')).toHaveTextContent('3'));
    // La ventana de 10 minutos termina en el `hasta` del servidor (no en el reloj del navegador).
    expect(estado.ventanas[0]).toEqual({ desde: '2026-11-23T21:55:00.000Z', hasta: '2026-11-23T22:05:00.000Z' });
    expect(cifra('Promedio de unidades por pedido')).toHaveTextContent('4,29');
    expect(cifra('Promedio de unidades por pedido')).toHaveTextContent('Ticket promedio 19,34');
    expect(cifra(/Retraso de registro/)).toHaveTextContent('35 ms');
    expect(cifra(/Retraso de registro/)).toHaveTextContent('máximo 1.400 ms');
    expect(screen.getByText(/no en pesos colombianos/)).toBeInTheDocument();

    // Entregas por hora e ingresos por repartidor: 9.007.199.254.740.993 centavos no caben en un double.
    const repartidores = screen.getByRole('table', { name: 'Entregas e ingresos por repartidor' });
    const juan = within(repartidores).getByRole('rowheader', { name: 'María López' }).closest('tr') as HTMLElement;
    expect(within(juan).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '5,00', '12', '90.071.992.547.409,93']);
    const pedro = within(repartidores).getByRole('rowheader', { name: 'Pedro Gómez' }).closest('tr') as HTMLElement;
    expect(within(pedro).getAllByRole('cell').map((c) => c.textContent)).toEqual(['7', '7,00', '31', '140,50']);

    // Productos más vendidos: por unidades (orden del servidor) y por ingresos.
    const nombresProductos = (nombre: RegExp) =>
      within(screen.getByRole('table', { name: nombre }))
        .getAllByRole('rowheader')
        .map((fila) => fila.textContent);
    expect(nombresProductos(/por unidades/)).toEqual(['Pendrivepk0004', 'Goma de borrarpk0009', 'Estuche para gafaspk0002']);
    await persona.click(screen.getByRole('radio', { name: 'Por ingresos' }));
    expect(nombresProductos(/por ingresos/)).toEqual(['Estuche para gafaspk0002', 'Pendrivepk0004', 'Goma de borrarpk0009']);
    expect(within(screen.getByRole('table', { name: /por ingresos/ })).getByText('1.000,10')).toBeInTheDocument();

    // Feed: el pedido de `recientes` con sus líneas.
    const feed = await screen.findByRole('table', { name: 'Últimos pedidos' });
    expect(within(feed).getAllByRole('row')[1]).toHaveTextContent('2 × Pendrive, 1 × Goma de borrar');
    expect(within(feed).getAllByRole('row')[1]).toHaveTextContent('24,50');
  });

  it('un pedido nuevo del flujo en vivo aparece arriba del feed y las métricas se releen sin recargar', async () => {
    const conexiones = flujoControlado();
    const estado = metricasControladas();
    let recientes = [ENTREGA_RECIENTE];
    let totalServidor = 57; // el feed trae solo los últimos: dice de cuántos (nada se corta en silencio)
    servidor.use(
      http.get('*/api/entregas/recientes', () => HttpResponse.json({ entregas: recientes, total: totalServidor, truncado: totalServidor > recientes.length })),
    );
    renderizar(<MonitorEntregas />);
    await waitFor(() => expect(screen.getByTestId('estado-conexion')).toHaveAttribute('data-estado', 'en-vivo'));
    await screen.findByRole('table', { name: 'Últimos pedidos' });
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('Se muestran 1 de 57 pedidos registrados');
    const lecturasAntes = estado.lecturas;

    // Lo que el servidor devolverá al releer (con las líneas del pedido nuevo).
    estado.hora = metricasHora({ entregas: 43, unidades: 185, ingresos: '2046.60' });
    recientes = [
      {
        ...ENTREGA_RECIENTE,
        pedido_id: EVENTO_NUEVO.pedido_id,
        repartidor: { id_repartidor: 101, nombre: 'María López' },
        lineas: [{ id_producto: 'pk0004', producto: 'Pendrive', cantidad: 100, precio: '12.00' }],
        unidades: 100,
        total: '1200.00',
      },
      ENTREGA_RECIENTE,
    ];
    totalServidor = 58;
    conexiones[0]?.send({ event: 'entrega', id: '43', data: EVENTO_NUEVO });

    // Al instante, con el nombre del repartidor tomado de las métricas.
    const feed = screen.getByRole('table', { name: 'Últimos pedidos' });
    await waitFor(() => expect(within(feed).getAllByRole('row')[1]).toHaveTextContent(EVENTO_NUEVO.pedido_id));
    expect(within(feed).getAllByRole('row')[1]).toHaveTextContent('María López');
    expect(within(feed).getAllByRole('row')[1]).toHaveTextContent('1.200,00');
    expect(within(feed).getAllByRole('row')[2]).toHaveTextContent(ENTREGA_RECIENTE.pedido_id);
    expect(screen.getByTestId('conteo-filas')).toHaveTextContent('Se muestran 2 de 58 pedidos registrados');

    // Luego, métricas y feed releídos del servidor.
    await waitFor(() => expect(cifra('Pedidos en la última hora')).toHaveTextContent('43'));
    expect(cifra('Pedidos en la última hora')).toHaveTextContent('ingresos 2.046,60');
    await waitFor(() => expect(within(feed).getAllByRole('row')[1]).toHaveTextContent('100 × Pendrive'));
    expect(estado.lecturas).toBe(lecturasAntes + 1);
    expect(conexiones).toHaveLength(1);
  });

  it('marca la caída de la conexión en vivo, reintenta con retroceso y al volver lo anuncia y relee las métricas', async () => {
    const conexiones = flujoControlado();
    const estado = metricasControladas();
    renderizar(<MonitorEntregas esperaBaseMs={20} graciaMs={0} />);
    const marca = screen.getByRole('status');
    expect(marca).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(marca).toHaveTextContent('Conexión en vivo'));
    expect(marca).toHaveTextContent('En vivo');

    // Se cae el servidor: el flujo se corta y las relecturas fallan.
    estado.caido = true;
    const lecturasAntes = estado.lecturas;
    conexiones[0]?.close();
    await waitFor(() => expect(marca).toHaveTextContent('Se perdió la conexión en vivo'));
    expect(marca).toHaveAttribute('data-estado', 'caida');
    expect(marca).toHaveTextContent('Sin conexión');
    // Las cifras siguen a la vista mientras tanto.
    expect(cifra('Pedidos en la última hora')).toHaveTextContent('42');

    // Vuelve con otras cifras: reabre el flujo, relee y anuncia el regreso.
    estado.hora = metricasHora({ entregas: 50 });
    estado.caido = false;
    await waitFor(() => expect(marca).toHaveTextContent('Conexión en vivo restablecida'), { timeout: 8000 });
    expect(marca).toHaveAttribute('data-estado', 'en-vivo');
    expect(conexiones).toHaveLength(2);
    expect(estado.lecturas).toBeGreaterThan(lecturasAntes);
    await waitFor(() => expect(cifra('Pedidos en la última hora')).toHaveTextContent('50'));
  });

  it('un corte breve (como el cierre programado del flujo) reconecta y relee sin marcar la caída', async () => {
    const conexiones = flujoControlado();
    const estado = metricasControladas();
    renderizar(<MonitorEntregas esperaBaseMs={20} graciaMs={5000} />);
    const marca = screen.getByRole('status');
    await waitFor(() => expect(marca).toHaveAttribute('data-estado', 'en-vivo'));
    const lecturasAntes = estado.lecturas;
    const estados: string[] = [];
    const observador = new MutationObserver(() => estados.push(marca.getAttribute('data-estado') ?? ''));
    observador.observe(marca, { attributes: true, attributeFilter: ['data-estado'] });

    conexiones[0]?.close();
    await waitFor(() => expect(conexiones).toHaveLength(2));
    await waitFor(() => expect(estado.lecturas).toBeGreaterThan(lecturasAntes));
    observador.disconnect();
    expect(estados).not.toContain('caida');
    expect(marca).toHaveAttribute('data-estado', 'en-vivo');
    expect(marca).not.toHaveTextContent('restablecida');
  });

  it('si la sesión venció mientras no había flujo, la refresca con el cliente HTTP antes de reabrirlo', async () => {
    const conexiones = flujoControlado();
    const estado = metricasControladas();
    const sesion = { vencida: false, refrescos: 0, flujosRechazados: 0 };
    servidor.use(
      http.post('*/api/auth/refresh', () => {
        sesion.refrescos += 1;
        sesion.vencida = false;
        return HttpResponse.json({ mensaje: 'ok' });
      }),
      http.get('*/api/entregas/metricas', () => (sesion.vencida ? errorApi(401, 'no_autenticado', 'La sesión expiró. Inicie sesión de nuevo.') : undefined)),
      http.get('*/api/entregas/eventos', () => {
        if (!sesion.vencida) return undefined;
        sesion.flujosRechazados += 1;
        return errorApi(401, 'no_autenticado', 'La sesión expiró. Inicie sesión de nuevo.');
      }),
    );
    renderizar(<MonitorEntregas esperaBaseMs={20} graciaMs={5000} />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveAttribute('data-estado', 'en-vivo'));

    sesion.vencida = true;
    conexiones[0]?.close();
    await waitFor(() => expect(conexiones).toHaveLength(2));
    expect(sesion.refrescos).toBe(1);
    expect(sesion.flujosRechazados).toBe(0);
    expect(estado.lecturas).toBeGreaterThan(1);
    expect(screen.getByRole('status')).toHaveAttribute('data-estado', 'en-vivo');
  });

  it('si el servidor niega las métricas, lo dice con su mensaje', async () => {
    servidor.use(
      http.get('*/api/entregas/metricas', () =>
        HttpResponse.json({ error: { code: 'prohibido', message: 'No tiene permiso para esta operación.', details: {} } }, { status: 403 }),
      ),
    );
    renderizar(<MonitorEntregas />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No tiene permiso para esta operación.');
  });
});
