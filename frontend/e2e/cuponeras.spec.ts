import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { CONTRATO_SIN_PORTAL, USUARIOS } from './demo';
import { buscarConEnter, capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/**
 * M6 Cuponeras contra el servidor real sembrado (`e2e/servidor-e2e.sh`), el flujo del issue 13:
 * registro → verificación por el enlace del correo → login → cupón → pago simulado → factura
 * pagada, notificación e historial; y un agente ve el mismo contrato.
 *
 * Supuestos (los verifica esta prueba al correr):
 * - La siembra de M6 trae el contrato `CONTRATO_SIN_PORTAL` (e2e/demo.ts) de un titular sin
 *   cuenta del portal, con facturas por pagar (services/cuponeras/demo_service.py).
 * - `servidor-e2e.sh` arranca con APP_ENV=development: `GET /api/correos` (como admin) trae el
 *   cuerpo, y en él el enlace `…/portal/verificar?token=…`. El host del enlace es URL_PUBLICA
 *   (no el del servidor de prueba), así que se usa solo la ruta y el token.
 * - El login del cliente es su correo, en el mismo campo "Usuario".
 * Se salta mientras el backend de M6 no esté fusionado (sin `/api/contratos` en el OpenAPI).
 */
test.describe.configure({ timeout: 120_000 });

let hayM6 = false;

test.beforeAll(async ({ request }) => {
  const respuesta = await request.get('/api/openapi.json');
  const esquema = respuesta.ok() ? ((await respuesta.json()) as { paths?: Record<string, unknown> }) : {};
  hayM6 = Boolean(esquema.paths?.['/api/contratos']);
});

/** El enlace de verificación del último correo a `correo`, leído de la bandeja como admin. */
async function enlaceVerificacion(request: APIRequestContext, correo: string): Promise<string> {
  const { usuario, contrasena } = USUARIOS.admin;
  const login = await request.post('/api/auth/login', { data: { usuario, contrasena } });
  expect(login.ok(), await login.text()).toBeTruthy();
  let enlace: string | undefined;
  await expect
    .poll(
      async () => {
        const respuesta = await request.get('/api/correos', { params: { destinatario: correo } });
        const { items } = (await respuesta.json()) as { items: { cuerpo: string | null }[] };
        enlace = items.map((c) => /https?:\/\/\S+?\/portal\/verificar\?token=[\w%-]+/.exec(c.cuerpo ?? '')?.[0]).find(Boolean);
        return enlace;
      },
      { message: 'el correo de verificación con su enlace (¿APP_ENV=development?)' },
    )
    .toBeTruthy();
  await request.post('/api/auth/logout', { headers: { 'X-CSRF-TOKEN': await csrf(request) } });
  const url = new URL(enlace!);
  return `${url.pathname}${url.search}`;
}

async function csrf(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.find((c) => c.name === 'csrf_access_token')?.value ?? '';
}

async function entrarComoCliente(page: Page, correo: string, contrasena: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Usuario' }).fill(correo);
  await page.getByLabel(/^Contraseña/).fill(contrasena);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

test.describe('portal del cliente', () => {
  test('se registra, verifica el correo, genera un cupón, lo paga y ve la factura pagada, la notificación y el historial; el agente ve lo mismo', async ({
    page,
    request,
  }) => {
    test.skip(!hayM6, 'El backend de M6 (i13-nucleo, i13-portal) aún no está en esta rama.');
    const correo = `e2e-${Date.now().toString(36)}@example.com`;
    const contrasena = 'Rio-Desierto-E2e-2026';
    const { numero, tipo, documento } = CONTRATO_SIN_PORTAL;

    // Registro desde el enlace del login.
    await page.goto('/login');
    await page.getByRole('link', { name: 'Regístrese en el portal' }).click();
    await expect(page.getByRole('heading', { name: 'Crear cuenta del portal', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: /^Correo electrónico/ }).fill(correo);
    await page.getByRole('textbox', { name: /^Nombre/ }).fill('Prueba E2E del portal');
    await page.getByLabel(/^Contraseña/).fill(contrasena);
    await page.getByLabel(/^Confirme la contraseña/).fill(contrasena);
    await page.getByRole('textbox', { name: /^Número de contrato/ }).fill(numero);
    await page.getByRole('combobox', { name: /Tipo de documento del titular/ }).selectOption(tipo);
    // Primero un documento que no coincide: el mensaje no dice qué falló.
    await page.getByRole('textbox', { name: /^Número de documento del titular/ }).fill('1111111');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect(page.getByRole('alert')).toContainText('No pudimos verificar sus datos');
    await revisarAccesibilidad(page);
    await page.getByRole('textbox', { name: /^Número de documento del titular/ }).fill(documento);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Revise su correo' })).toContainText(correo);
    await revisarAccesibilidad(page);
    await capturar(page, '60-portal-registro');

    // Sin verificar, el login responde 403 con el mensaje del servidor.
    await entrarComoCliente(page, correo, contrasena);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);

    // El enlace del correo verifica la cuenta.
    await page.goto(await enlaceVerificacion(request, correo));
    await expect(page.getByRole('status').filter({ hasText: 'Correo verificado' })).toBeVisible();
    await revisarAccesibilidad(page);

    // Login con el correo → mis contratos.
    await entrarComoCliente(page, correo, contrasena);
    await expect(page.getByRole('heading', { name: 'Mis contratos', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/portal$/);
    await revisarAccesibilidad(page);
    await page.getByRole('link', { name: `Contrato ${numero}` }).click();

    // Facturas con estado y filtro.
    const facturas = page.getByRole('table', { name: `Facturas del contrato ${numero}` });
    await expect(facturas).toBeVisible();
    await expect(facturas.getByText('Pendiente').first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Estado' }).selectOption('pagada');
    await expect(page).toHaveURL(/estado=pagada/);
    await expect(facturas.getByText('Pendiente')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Estado' }).selectOption('');
    await revisarAccesibilidad(page);

    // Generar el cupón (sin beneficios: este titular no tiene) → el cupón con su código de barras.
    await page.getByRole('button', { name: 'Generar cupón' }).click();
    await expect(page).toHaveURL(/\/portal\/cupones\/\d{13}$/);
    const numeroCupon = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: `Cupón ${numeroCupon}` })).toBeVisible();
    await expect(page.getByTestId('cadena-codigo-barras')).toHaveText(new RegExp(`^\\(415\\)\\d{13}\\(8020\\)${numeroCupon}\\(3900\\)\\d{10}\\(96\\)\\d{8}$`));
    const imagen = page.getByRole('img', { name: `Código de barras del cupón ${numeroCupon}` });
    await expect(imagen).toBeVisible();
    await expect.poll(() => imagen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const cubiertas = page.getByRole('table', { name: 'Facturas que cubre' }).getByRole('link');
    const primeraCubierta = (await cubiertas.first().textContent())!.trim();
    await revisarAccesibilidad(page);
    await capturar(page, '61-portal-cupon');

    // PDF del cupón.
    const descarga = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Descargar PDF' }).click();
    expect((await descarga).suggestedFilename()).toMatch(/\.pdf$/);

    // Pago simulado → factura pagada.
    await page.getByRole('button', { name: /^Pagar .* \(simulado\)$/ }).click();
    const aviso = page.getByRole('status').filter({ hasText: 'Pago aplicado' });
    await expect(aviso).toBeVisible();
    await expect(page.getByText('Pagado', { exact: true })).toBeVisible();
    await revisarAccesibilidad(page);
    await aviso.getByRole('link', { name: `Ver la factura ${primeraCubierta}` }).click();
    await expect(page.getByRole('heading', { name: `Factura ${primeraCubierta}`, level: 1 })).toBeVisible();
    await expect(page.getByText('Pagada', { exact: true })).toBeVisible();
    await revisarAccesibilidad(page);

    // Notificación del pago, con el contador en el encabezado.
    const contador = page.getByRole('link', { name: /^Notificaciones, \d+ sin leer$/ });
    await expect(contador).toBeVisible();
    await contador.click();
    await expect(page.getByRole('heading', { name: 'Notificaciones', level: 1 })).toBeVisible();
    await expect(page.getByText('Nueva').first()).toBeVisible();
    await revisarAccesibilidad(page);
    await page.getByRole('button', { name: 'Marcar todas como leídas' }).click();
    await expect(page.getByText('No tiene notificaciones sin leer.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Notificaciones, ninguna sin leer' })).toBeVisible();

    // Historial del contrato: el cupón y el pago.
    await page.goto(`/portal/contratos/${numero}`);
    await page.getByRole('tab', { name: 'Historial' }).click();
    const historial = page.getByRole('table', { name: `Historial del contrato ${numero}` });
    await expect(historial.locator('[data-evento="pago"]')).not.toHaveCount(0);
    await expect(historial.locator('[data-evento="cupon_generado"]')).not.toHaveCount(0);
    await revisarAccesibilidad(page);
    await capturar(page, '62-portal-historial');

    // Mis beneficios abre (este titular no tiene).
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Mis beneficios' }).click();
    await expect(page.getByRole('heading', { name: 'Mis beneficios', level: 1 })).toBeVisible();
    await revisarAccesibilidad(page);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(page).toHaveURL(/\/login/);

    // El agente ve el mismo contrato: titular, la factura pagada y el pago en el historial.
    await iniciarSesion(page, 'agente', '/contratos');
    await page.getByRole('textbox', { name: 'Número de contrato' }).fill(numero);
    await page.getByRole('button', { name: 'Buscar contrato' }).click();
    await expect(page).toHaveURL(new RegExp(`/contratos/${numero}$`));
    await expect(page.getByText(`${tipo} ${documento}`)).toBeVisible();
    const facturasSac = page.getByRole('table', { name: `Facturas del contrato ${numero}` });
    await expect(facturasSac.locator(`[data-factura="${primeraCubierta}"]`)).toContainText('Pagada');
    await revisarAccesibilidad(page);
    await facturasSac.getByRole('button', { name: `Enviar la factura ${primeraCubierta} por correo` }).click();
    await expect(page.getByTestId('anuncio-vivo')).toContainText('quedó en la bandeja de salida');
    await page.getByRole('tab', { name: 'Historial' }).click();
    await expect(page.getByRole('table', { name: `Historial del contrato ${numero}` }).locator('[data-evento="pago"]')).not.toHaveCount(0);
    await capturar(page, '63-sac-contrato');

    // …y desde la ficha del cliente en la Consulta, en la llamada.
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Consulta' }).click();
    await buscarConEnter(page, tipo, documento);
    const seccion = page.getByRole('region', { name: 'Contratos y cupones' });
    await seccion.getByRole('textbox', { name: 'Número de contrato' }).fill(numero);
    await seccion.getByRole('button', { name: 'Buscar contrato' }).click();
    await expect(seccion.getByRole('table', { name: `Facturas del contrato ${numero}` }).locator(`[data-factura="${primeraCubierta}"]`)).toContainText(
      'Pagada',
    );
    await expect(seccion.getByText('El contrato es de otro titular')).toHaveCount(0);
    await revisarAccesibilidad(page);
    await capturar(page, '65-sac-ficha-contratos');
  });
});

test.describe('bandeja de salida', () => {
  test('el administrador ve los correos y filtra por estado', async ({ page }) => {
    test.skip(!hayM6, 'El backend de M6 (i13-nucleo, i13-portal) aún no está en esta rama.');
    await iniciarSesion(page, 'admin', '/correos');
    await expect(page.getByRole('heading', { name: 'Bandeja de salida', level: 1 })).toBeVisible();
    await page.getByRole('combobox', { name: 'Estado' }).selectOption('enviado');
    await expect(page).toHaveURL(/estado=enviado/);
    await revisarAccesibilidad(page);
    await capturar(page, '64-bandeja-salida');
  });
});
