import { expect, test, type APIRequestContext, type Download } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { USUARIOS } from './demo';
import { capturar, importarClientesCsv, iniciarSesion, revisarAccesibilidad } from './utilidades';

/** Datos sucios que el administrador importa por la API: la misma persona con dos documentos, un correo mal formado y un teléfono extranjero. */
const SUCIOS = {
  cedula: '80555111',
  extranjeria: '5551112',
  nombre: 'Rocío Duplicada',
  apellido: 'Prueba Calidad',
  otro: '80555113',
};

function importarDatosSucios(request: APIRequestContext): Promise<void> {
  return importarClientesCsv(
    request,
    'tipo_documento,numero_documento,nombre,apellido,correo,telefono\n' +
      `CC,${SUCIOS.cedula},${SUCIOS.nombre},${SUCIOS.apellido},rocio.calidad@example.com,+57 315 555 0101\n` +
      `CE,${SUCIOS.extranjeria},${SUCIOS.nombre},${SUCIOS.apellido},,315-555-0101\n` +
      `CC,${SUCIOS.otro},Tomás,Sin Arroba,tomas.example.com,+1 212 555 0100\n`,
  );
}

async function sha256De(descarga: Download): Promise<string> {
  return createHash('sha256')
    .update(await readFile(await descarga.path()))
    .digest('hex');
}

test.describe('M10: el supervisor y sus reportes que se guardan solos', () => {
  // Tres pantallas, dos descargas y dos revisiones de axe: más que los 30 s por defecto.
  test.describe.configure({ timeout: 90_000 });

  test('genera el reporte, lo encuentra en el historial, lo vuelve a bajar idéntico y abre Calidad de datos', async ({ page, request }) => {
    await importarDatosSucios(request);
    await iniciarSesion(page, 'supervisor');
    const menu = page.getByRole('navigation', { name: 'Menú principal' });
    await menu.getByRole('link', { name: 'Reporte de fidelización' }).click();
    const resumen = page.getByTestId('resumen-reporte');
    await expect(resumen).toBeVisible();
    // Las cifras de la vista previa (etiqueta y valor de cada una): cantidad de clientes y suma.
    const cifras = resumen.locator('p');
    const [clientes, suma] = await Promise.all([cifras.nth(1).textContent(), cifras.nth(3).textContent()]);

    const [primera] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Excel' }).click()]);
    const shaPrimera = await sha256De(primera);

    await page.getByRole('link', { name: 'Ver el historial de reportes generados' }).click();
    await expect(page).toHaveTitle('Historial de reportes · SAC Ríos del Desierto');
    await expect(menu.getByRole('link', { name: 'Historial de reportes' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('conteo-filas')).toContainText(/reportes? generados?/);
    const tabla = page.getByRole('table', { name: 'Historial de reportes' });
    const fila = tabla.getByRole('row').nth(1);
    const celdas = fila.getByRole('cell');
    await expect(celdas.nth(2)).toHaveText(clientes ?? '');
    await expect(celdas.nth(3)).toHaveText(suma ?? '');
    await expect(celdas.nth(4)).toContainText(USUARIOS.supervisor.nombre);
    await expect(celdas.nth(5)).toHaveText('Pantalla');
    await expect(fila.locator('[data-sha256]')).toHaveAttribute('title', shaPrimera);
    await revisarAccesibilidad(page);
    await capturar(page, '20-historial-reportes');

    const [segunda] = await Promise.all([page.waitForEvent('download'), fila.getByRole('button', { name: /^Descargar de nuevo/ }).click()]);
    expect(segunda.suggestedFilename()).toBe(primera.suggestedFilename());
    expect(await sha256De(segunda)).toBe(shaPrimera);
    // Volver a bajar no genera un reporte nuevo.
    await page.reload();
    await expect(tabla.getByRole('row').nth(1).locator('[data-sha256]')).toHaveAttribute('title', shaPrimera);

    await menu.getByRole('link', { name: 'Calidad de datos' }).click();
    await expect(page).toHaveTitle('Calidad de datos · SAC Ríos del Desierto');
    await expect(page.getByTestId('conteo-filas')).toContainText(/advertencias?/);
    await expect(page.getByRole('combobox', { name: 'Tipo de advertencia' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Fusionar/ })).toHaveCount(0);
    await revisarAccesibilidad(page);
    await capturar(page, '21-calidad-datos');
    const advertencias = page.getByRole('table', { name: 'Advertencias de calidad de datos' });
    await expect(advertencias.getByRole('row').filter({ hasText: 'Correo mal formado' }).getByRole('link', { name: `CC ${SUCIOS.otro}` })).toBeVisible();
    await expect(advertencias.getByRole('row').filter({ hasText: 'Teléfono no colombiano' }).getByRole('link', { name: `CC ${SUCIOS.otro}` })).toBeVisible();

    await page.getByRole('combobox', { name: 'Tipo de advertencia' }).selectOption({ label: 'Duplicados' });
    await expect(page).toHaveURL(/tipo=duplicado/);
    const duplicado = advertencias.getByRole('row').filter({ hasText: `CE ${SUCIOS.extranjeria}` });
    await expect(duplicado.getByRole('link', { name: `CC ${SUCIOS.cedula}` })).toBeVisible();
    await expect(advertencias.getByText('Correo mal formado')).toHaveCount(0);
    await revisarAccesibilidad(page);

    // El enlace abre al cliente en la Consulta.
    await duplicado.getByRole('link', { name: `CC ${SUCIOS.cedula}` }).click();
    await expect(page).toHaveURL(new RegExp(`/\\?tipo=CC&numero=${SUCIOS.cedula}$`));
    await expect(page.getByRole('heading', { name: `${SUCIOS.nombre} ${SUCIOS.apellido}` })).toBeVisible();
  });
});

test.describe('M10: el administrador ante un duplicado', () => {
  test.describe.configure({ timeout: 60_000 });

  // La fusión completa contra el servidor real está en sac360-fusion.spec.ts (sobre el duplicado de la demostración).
  test('ve Fusionar en el duplicado y el diálogo explica, pide el motivo y es accesible', async ({ page, request }) => {
    await importarDatosSucios(request);
    await iniciarSesion(page, 'admin', '/calidad?tipo=duplicado');
    await page.getByRole('button', { name: `Fusionar CC ${SUCIOS.cedula} y CE ${SUCIOS.extranjeria}` }).click();
    const dialogo = page.getByRole('dialog', { name: 'Fusionar clientes' });
    await expect(dialogo.getByRole('radio', { name: `${SUCIOS.nombre} ${SUCIOS.apellido} · CC ${SUCIOS.cedula}` }).first()).toBeChecked();
    await expect(dialogo.getByText('No se puede deshacer.')).toBeVisible();
    await dialogo.getByRole('button', { name: 'Fusionar definitivamente' }).click();
    await expect(dialogo.getByText('Escriba el motivo (mínimo 10 caracteres).')).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '22-dialogo-fusion');
    await dialogo.getByRole('button', { name: 'Cancelar' }).click();
    await expect(dialogo).toBeHidden();
  });
});
