import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USUARIOS } from './demo';

const CARPETA_CAPTURAS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'capturas');

export async function iniciarSesion(page: Page, rol: keyof typeof USUARIOS, ruta = '/'): Promise<void> {
  const { usuario, contrasena, nombre } = USUARIOS[rol];
  await page.goto(ruta);
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Usuario' }).fill(usuario);
  await page.getByLabel(/^Contraseña/).fill(contrasena);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByTestId('usuario-actual')).toContainText(nombre);
}

/** axe-core: ninguna violación seria o crítica de WCAG 2.1 A/AA en la página tal como está. */
export async function revisarAccesibilidad(page: Page): Promise<void> {
  const resultado = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const graves = resultado.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(graves, graves.join('\n')).toEqual([]);
}

/** Captura de pantalla de página completa en test-results/capturas/ (no se versiona). */
export async function capturar(page: Page, nombre: string): Promise<void> {
  mkdirSync(CARPETA_CAPTURAS, { recursive: true });
  await page.screenshot({ path: path.join(CARPETA_CAPTURAS, `${nombre}.png`), fullPage: true });
}

export async function buscarConEnter(page: Page, tipo: string, numero: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Tipo de documento' }).selectOption(tipo);
  const campo = page.getByRole('textbox', { name: 'Número de documento' });
  await campo.fill(numero);
  await campo.press('Enter');
}

/** El administrador importa un CSV de clientes por la API (Bearer), como lo haría una integración. */
export async function importarClientesCsv(request: APIRequestContext, csv: string): Promise<void> {
  const { usuario, contrasena } = USUARIOS.admin;
  const login = await request.post('/api/auth/login', { data: { usuario, contrasena } });
  expect(login.ok()).toBeTruthy();
  const { access_token: token } = await login.json();
  const importacion = await request.post('/api/importaciones', {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { clientes: { name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') } },
  });
  expect(importacion.status(), await importacion.text()).toBe(200);
}
