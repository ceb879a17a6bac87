import { expect, test } from '@playwright/test';
import { buscarConEnter, importarClientesCsv, iniciarSesion } from './utilidades';

const HOSTIL = {
  numero: '80999111',
  nombre: '<img src=x onerror="window.__xss=1">',
  apellido: "'); DROP TABLE clientes;--",
};

test('un nombre con HTML y SQL importado se muestra como texto y no se ejecuta', async ({ page, request }) => {
  // El administrador importa el cliente hostil por la API (Bearer), como lo haría una integración.
  const csv =
    'tipo_documento,numero_documento,nombre,apellido,correo,telefono\n' +
    `CC,${HOSTIL.numero},"${HOSTIL.nombre.replaceAll('"', '""')}","${HOSTIL.apellido}",,\n`;
  await importarClientesCsv(request, csv);

  const dialogos: string[] = [];
  page.on('dialog', (dialogo) => {
    dialogos.push(dialogo.message());
    void dialogo.dismiss();
  });
  await iniciarSesion(page, 'agente');
  await buscarConEnter(page, 'CC', HOSTIL.numero);
  await expect(page.getByText(HOSTIL.nombre, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(HOSTIL.apellido, { exact: false }).first()).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogos).toEqual([]);
});
