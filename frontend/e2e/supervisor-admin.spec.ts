import { expect, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { EMPRESA, MARIA } from './demo';
import { capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/** Mes anterior en Bogotá, como lo calcula el servidor (UTC−5 fijo). */
function mesAnterior(): string {
  const bogota = new Date(Date.now() - 5 * 3600 * 1000);
  const anio = bogota.getUTCFullYear();
  const mes = bogota.getUTCMonth(); // 0-11: el mes anterior en base 1
  return mes === 0 ? `${anio - 1}-12` : `${anio}-${String(mes).padStart(2, '0')}`;
}

test.describe('supervisor', () => {
  test('ve la vista previa del mes anterior y descarga el Excel del reporte', async ({ page }) => {
    await iniciarSesion(page, 'supervisor');
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Reporte de fidelización' }).click();
    await expect(page).toHaveTitle('Reporte de fidelización · SAC Ríos del Desierto');
    const resumen = page.getByTestId('resumen-reporte');
    await expect(resumen).toBeVisible();
    const tabla = page.getByRole('table', { name: /Clientes fidelizados de/ });
    await expect(tabla.getByText(MARIA.numero)).toBeVisible();
    await expect(tabla.getByText(EMPRESA.nombre)).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '06-reporte-fidelizacion');

    const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Excel' }).click()]);
    expect(descarga.suggestedFilename()).toBe(`fidelizacion_${mesAnterior()}.xlsx`);
    const hojas = await readXlsxFile(await descarga.path());
    expect(hojas.length).toBeGreaterThanOrEqual(2);
    const todo = JSON.stringify(hojas);
    expect(todo).toContain(MARIA.numero);
    expect(todo).toContain('María José');
  });

  test('un umbral altísimo da un reporte vacío amable, no un error', async ({ page }) => {
    await iniciarSesion(page, 'supervisor', `/reportes/fidelizacion?umbral=999999999999`);
    await expect(page.getByText('Sin clientes para este periodo')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('administrador', () => {
  // Flujo largo (tres pantallas, tres revisiones de axe y dos capturas): más que los 30 s por defecto.
  test.describe.configure({ timeout: 90_000 });

  test('administra usuarios y lee la auditoría con filtros', async ({ page }) => {
    await iniciarSesion(page, 'admin');
    const menu = page.getByRole('navigation', { name: 'Menú principal' });
    await expect(menu.getByRole('link')).toHaveText([
      'Consulta',
      'Contratos',
      'Reporte de fidelización',
      'Historial de reportes',
      'Calidad de datos',
      'Catálogo',
      'Establecimientos',
      'Portafolios',
      'Monitor de entregas',
      'Usuarios',
      'Auditoría',
      'Bandeja de salida',
    ]);

    // Una consulta para que quede en la auditoría.
    const numero = page.getByRole('textbox', { name: 'Número de documento' });
    await numero.fill(MARIA.numero);
    await numero.press('Enter');
    await expect(page.getByRole('heading', { name: MARIA.nombre })).toBeVisible();

    await menu.getByRole('link', { name: 'Usuarios' }).click();
    const usuarios = page.getByRole('table', { name: 'Usuarios del sistema' });
    await expect(usuarios.getByText('supervisor', { exact: true })).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '07-usuarios');

    const login = `e2e${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const dialogo = page.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialogo.getByRole('textbox', { name: 'Usuario' }).fill(login);
    await dialogo.getByRole('textbox', { name: 'Nombre completo' }).fill('Prueba de navegador');
    await dialogo.getByLabel(/^Contraseña inicial/).fill('Clave-Segura-2026-e2e');
    await revisarAccesibilidad(page);
    await dialogo.getByRole('button', { name: 'Crear usuario' }).click();
    await expect(dialogo).toBeHidden();
    await expect(usuarios.getByText(login, { exact: true })).toBeVisible();
    await page.getByRole('combobox', { name: `Rol de ${login}` }).selectOption('supervisor');
    await expect(page.getByText(`${login} ahora es Supervisor.`)).toBeVisible();
    await page.getByRole('button', { name: `Desactivar a ${login}` }).click();
    await expect(page.getByRole('button', { name: `Activar a ${login}` })).toBeVisible();

    await menu.getByRole('link', { name: 'Auditoría' }).click();
    await expect(page).toHaveTitle('Auditoría · SAC Ríos del Desierto');
    const registros = page.getByRole('table', { name: 'Registros de auditoría' });
    await expect(registros.getByText('Consulta de cliente').first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Tipo de documento' }).selectOption('CC');
    await page.getByRole('textbox', { name: 'Número de documento' }).fill(MARIA.numero);
    await page.getByRole('textbox', { name: 'Usuario' }).fill('admin');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect(page).toHaveURL(/numero_documento=1020304050/);
    await expect(registros.getByRole('row').nth(1)).toContainText('admin');
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
    await revisarAccesibilidad(page);
    await capturar(page, '08-auditoria');
  });
});
