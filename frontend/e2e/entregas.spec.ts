import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { CLAVE_DISPOSITIVO_DEMO } from './demo';
import { capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/**
 * M8 contra el servidor real sembrado: el usuario demo `monitor` abre el monitor y la prueba
 * registra un pedido como lo hace el script de Cargo Express (POST con la clave del dispositivo
 * `demo` en `X-Api-Key`): el pedido y las cifras cambian en la pantalla sin recargarla.
 */
test.describe.configure({ timeout: 90_000 });

/** Hora local de Bogotá sin desfase, como la manda el script (`2026-11-23 17:03:04.322968`). */
function marcaBogota(instante = new Date()): string {
  return new Date(instante.getTime() - 5 * 3600_000).toISOString().replace('T', ' ').replace('Z', '000');
}

async function registrarPedido(request: APIRequestContext, pedidoId: string) {
  const respuesta = await request.post('/registrar_pedido_entregado', {
    headers: { 'X-Api-Key': CLAVE_DISPOSITIVO_DEMO },
    data: {
      pedido_id: pedidoId,
      repartidor: { IdRepartidor: 106, Nombre: 'Pedro Gómez' },
      productos: [
        { IdProducto: 'pk0004', producto: 'Pendrive', precio: 12.0 },
        { IdProducto: 'pk0004', producto: 'Pendrive', precio: 12.0 },
        { IdProducto: 'pk0010', producto: 'Clip sujetapapeles', precio: 0.2 },
      ],
      timestamp: marcaBogota(),
    },
  });
  expect(respuesta.status(), await respuesta.text()).toBe(200);
  expect(await respuesta.json()).toEqual({ pedido_id: pedidoId, estado: 'registrado', unidades: 3, total: '24.20' });
}

const cifra = (page: Page, nombre: string | RegExp) => page.getByRole('group', { name: nombre }).locator('p').nth(1);
const numero = async (page: Page, nombre: string | RegExp) => Number((await cifra(page, nombre).innerText()).replace(/\./g, ''));

async function abrirMonitor(page: Page) {
  await iniciarSesion(page, 'monitor');
  await expect(page).toHaveURL(/\/entregas$/);
  await expect(page).toHaveTitle('Monitor de entregas · SAC Ríos del Desierto');
  await expect(page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link')).toHaveText(['Monitor de entregas']);
  await expect(page.getByTestId('estado-conexion')).toHaveAttribute('data-estado', 'en-vivo');
  await expect(page.getByRole('status').filter({ hasText: 'Conexión en vivo' })).toBeVisible();
  await expect(cifra(page, 'Pedidos en los últimos 10 minutos')).not.toHaveText('—');
}

test('el monitor ve llegar un pedido registrado con la clave del dispositivo, sin recargar', async ({ page, request }) => {
  await abrirMonitor(page);
  const antesHora = await numero(page, 'Pedidos en la última hora');
  const antesDiez = await numero(page, 'Pedidos en los últimos 10 minutos');
  const repartidores = page.getByRole('table', { name: 'Entregas e ingresos por repartidor' });
  const pedro = repartidores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Pedro Gómez' }) });
  const entregasPedro = Number(await pedro.getByRole('cell').first().innerText());
  await revisarAccesibilidad(page);

  // Si la página se recargara, esta marca desaparecería.
  await page.evaluate(() => Object.assign(window, { sinRecargar: true }));
  const pedidoId = randomUUID();
  await registrarPedido(request, pedidoId);

  const feed = page.getByRole('table', { name: 'Últimos pedidos' });
  const fila = feed.getByRole('row').nth(1);
  await expect(fila).toContainText(pedidoId);
  await expect(fila).toContainText('Pedro Gómez');
  await expect(fila).toContainText('24,20');
  await expect(fila).toContainText('2 × Pendrive, 1 × Clip sujetapapeles');
  await expect(cifra(page, 'Pedidos en la última hora')).toHaveText(String(antesHora + 1));
  await expect(cifra(page, 'Pedidos en los últimos 10 minutos')).toHaveText(String(antesDiez + 1));
  await expect(pedro.getByRole('cell').first()).toHaveText(String(entregasPedro + 1));
  expect(await page.evaluate(() => (window as unknown as { sinRecargar?: boolean }).sinRecargar)).toBe(true);
  await revisarAccesibilidad(page);
  await capturar(page, '30-monitor-entregas');
});

test('sin conexión se marca la caída; al volver se anuncia, reconecta solo y relee las cifras', async ({ page, context, request }) => {
  // Chromium no corta un flujo ya abierto al pasar a «sin conexión»: aquí cada flujo lo sirve la
  // prueba y termina enseguida (como el cierre programado del servidor), así el monitor reconecta
  // una y otra vez; al «cortar», la reconexión falla de verdad (flujo abortado y red apagada).
  let cortado = false;
  await page.route('**/api/entregas/eventos', (route) =>
    cortado
      ? route.abort('internetdisconnected')
      : route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'retry: 3000\n: conectado\n\n' }),
  );
  await abrirMonitor(page);
  const antesHora = await numero(page, 'Pedidos en la última hora');
  const estado = page.getByTestId('estado-conexion');
  await expect(estado).toHaveAttribute('role', 'status');
  await expect(estado).toHaveAttribute('aria-live', 'polite');

  cortado = true;
  await context.setOffline(true);
  await expect(estado).toHaveAttribute('data-estado', 'caida', { timeout: 15_000 });
  await expect(estado).toContainText('Se perdió la conexión en vivo');
  await expect(estado).toContainText('Sin conexión');
  await revisarAccesibilidad(page);
  await capturar(page, '31-monitor-sin-conexion');

  // Lo registrado mientras estaba caído llega al volver (relectura), sin recargar la página.
  const pedidoId = randomUUID();
  await registrarPedido(request, pedidoId);
  cortado = false;
  await context.setOffline(false);
  await expect(estado).toContainText('Conexión en vivo restablecida', { timeout: 40_000 });
  await expect(estado).toHaveAttribute('data-estado', 'en-vivo');
  await expect(cifra(page, 'Pedidos en la última hora')).toHaveText(String(antesHora + 1));
  await expect(page.getByRole('table', { name: 'Últimos pedidos' }).getByRole('row').nth(1)).toContainText(pedidoId);
});

test('sin el permiso entregas.monitorear no hay menú del monitor y /entregas no abre', async ({ page }) => {
  await iniciarSesion(page, 'agente', '/entregas');
  await expect(page.getByRole('heading', { name: 'No tiene permiso' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Monitor de entregas' })).toHaveCount(0);
});
