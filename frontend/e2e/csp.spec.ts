import { expect, test } from '@playwright/test';
import { MARIA } from './demo';
import { iniciarSesion } from './utilidades';

/** La política que se podrá poner en producción: sin scripts en línea ni eval. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

test('la app funciona bajo una Content-Security-Policy estricta', async ({ page }) => {
  // El servidor aún no envía la CSP: la prueba la agrega a cada documento HTML.
  await page.route('**/*', async (ruta) => {
    if (ruta.request().resourceType() !== 'document') return ruta.continue();
    const respuesta = await ruta.fetch();
    await ruta.fulfill({ response: respuesta, headers: { ...respuesta.headers(), 'content-security-policy': CSP } });
  });
  const violaciones: string[] = [];
  page.on('console', (mensaje) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(mensaje.text())) violaciones.push(mensaje.text());
  });

  await iniciarSesion(page, 'agente');
  const numero = page.getByRole('textbox', { name: 'Número de documento' });
  await numero.fill(MARIA.numero);
  await numero.press('Enter');
  await expect(page.getByRole('heading', { name: MARIA.nombre })).toBeVisible();
  const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'TXT' }).click()]);
  expect(descarga.suggestedFilename()).toMatch(/\.txt$/);
  expect(violaciones).toEqual([]);
});
