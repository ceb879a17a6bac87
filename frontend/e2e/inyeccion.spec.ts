import { expect, test } from '@playwright/test';
import { USUARIOS } from './demo';
import { buscarConEnter, iniciarSesion } from './utilidades';

const HOSTIL = {
  numero: '80999111',
  nombre: '<img src=x onerror="window.__xss=1">',
  apellido: "'); DROP TABLE clientes;--",
};

test('un nombre con HTML y SQL importado se muestra como texto y no se ejecuta', async ({ page, request }) => {
  // El administrador importa el cliente hostil por la API (Bearer), como lo haría una integración.
  const { usuario, contrasena } = USUARIOS.admin;
  const login = await request.post('/api/auth/login', { data: { usuario, contrasena } });
  expect(login.ok()).toBeTruthy();
  const { access_token: token } = await login.json();
  const csv =
    'tipo_documento,numero_documento,nombre,apellido,correo,telefono\n' +
    `CC,${HOSTIL.numero},"${HOSTIL.nombre.replaceAll('"', '""')}","${HOSTIL.apellido}",,\n`;
  const importacion = await request.post('/api/importaciones', {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { clientes: { name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') } },
  });
  expect(importacion.status(), await importacion.text()).toBe(200);

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
