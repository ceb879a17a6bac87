import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { MARIA } from './demo';
import { buscarConEnter, capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

test.describe('agente SAC', () => {
  test('inicia sesión, busca con Enter, ve las compras y exporta CSV, Excel y TXT', async ({ page }) => {
    await page.goto('/');
    await revisarAccesibilidad(page);
    await capturar(page, '01-login');

    await iniciarSesion(page, 'agente');
    await expect(page).toHaveTitle('Consulta de cliente · SAC Ríos del Desierto');
    const numero = page.getByRole('textbox', { name: 'Número de documento' });
    await expect(numero).toBeFocused();
    await revisarAccesibilidad(page);
    await capturar(page, '02-consulta-vacia');

    await numero.fill(MARIA.numero);
    await numero.press('Enter');
    await expect(page.getByRole('heading', { name: MARIA.nombre })).toBeVisible();
    await expect(page).toHaveURL(/\?tipo=CC&numero=1020304050$/);
    await expect(page.getByTestId('anuncio-vivo')).toHaveText(`Cliente encontrado: ${MARIA.nombre}`);
    await expect(page.getByText('★ Cliente fidelizado')).toBeVisible();
    const compras = page.getByRole('table', { name: 'Compras' });
    await expect(compras.getByRole('row').nth(1)).toBeVisible();
    expect(await compras.getByRole('row').count()).toBeGreaterThan(3);
    await expect(compras.getByText('Pagada').first()).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '03-consulta-resultado');

    for (const [boton, extension] of [
      ['CSV', 'csv'],
      ['Excel', 'xlsx'],
      ['TXT', 'txt'],
    ] as const) {
      const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: boton }).click()]);
      expect(descarga.suggestedFilename()).toMatch(new RegExp(`^cliente_CC_1020304050_\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
      const ruta = await descarga.path();
      const contenido = readFileSync(ruta);
      if (extension === 'csv') {
        expect([...contenido.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(contenido.toString('utf8')).toContain('María José');
      } else if (extension === 'txt') {
        expect(contenido.toString('utf8')).toContain('María José');
      } else {
        expect(contenido.subarray(0, 2).toString('latin1')).toBe('PK');
        const hojas = await readXlsxFile(ruta);
        expect(hojas.map((h) => h.sheet)).toEqual(expect.arrayContaining(['Cliente', 'Compras']));
        const cliente = hojas.find((h) => h.sheet === 'Cliente');
        expect(JSON.stringify(cliente?.data)).toContain('María José');
      }
    }
  });

  test('un documento inválido o inexistente muestra el mensaje del servidor', async ({ page }) => {
    await iniciarSesion(page, 'agente');
    // Inexistente: 404 del servidor.
    await buscarConEnter(page, 'CC', '11223344');
    await expect(page.getByTestId('no-encontrado')).toContainText('No existe un cliente con ese tipo y número de documento.');
    await expect(page.getByTestId('anuncio-vivo')).toHaveText('No se encontró el cliente con CC 11223344');
    await capturar(page, '04-consulta-no-encontrado');

    // NIT con DV errado escrito en la URL: la validación la hace el servidor (422) y se ve en el campo.
    await page.goto('/?tipo=NIT&numero=9001234567');
    await expect(page.getByText('El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Número de documento' })).toHaveAttribute('aria-invalid', 'true');

    // Y en el formulario se avisa antes de consultar, con el mismo mensaje.
    await buscarConEnter(page, 'NIT', '900.123.456-7');
    await expect(page.getByText('El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).')).toBeVisible();
    await revisarAccesibilidad(page);
  });

  test('no ve el reporte en el menú; su URL dice "No tiene permiso" y la API responde 403', async ({ page }) => {
    await iniciarSesion(page, 'agente');
    const menu = page.getByRole('navigation', { name: 'Menú principal' });
    await expect(menu.getByRole('link', { name: 'Consulta' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Reporte de fidelización' })).toHaveCount(0);
    await expect(menu.getByRole('link', { name: 'Usuarios' })).toHaveCount(0);

    await page.goto('/reportes/fidelizacion');
    await expect(page.getByRole('heading', { name: 'No tiene permiso' })).toBeVisible();
    await expect(page).toHaveTitle('No tiene permiso · SAC Ríos del Desierto');
    await revisarAccesibilidad(page);
    await capturar(page, '05-sin-permiso');

    const respuesta = await page.request.get('/api/reportes/fidelizacion/resumen');
    expect(respuesta.status()).toBe(403);
    expect((await respuesta.json()).error.code).toBe('prohibido');
  });

  test('cerrar sesión termina la sesión: volver a / muestra el inicio de sesión', async ({ page }) => {
    await iniciarSesion(page, 'agente');
    await buscarConEnter(page, MARIA.tipo, MARIA.numero);
    await expect(page.getByRole('heading', { name: MARIA.nombre })).toBeVisible();
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();

    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });
});
