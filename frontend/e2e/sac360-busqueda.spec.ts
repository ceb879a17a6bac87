import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MARIA } from './demo';
import { capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/** Teléfono sembrado de María (services/demo_service.py: `+57 3{n:02d} 555 {1000 + n}`, n = 2). */
const TELEFONO_MARIA = '+57 302 555 1002';

test.describe('M10: caja de búsqueda única, recientes y atajos', () => {
  test('el agente busca por teléfono con +57 y espacios, abre al cliente, lo ve en recientes y usa los atajos', async ({ page }) => {
    await iniciarSesion(page, 'agente');
    // El formulario por documento sigue igual y con el foco al entrar.
    await expect(page.getByRole('textbox', { name: 'Número de documento' })).toBeFocused();

    const caja = page.getByTestId('caja-busqueda');
    await expect(caja).toHaveAttribute('role', 'combobox');
    await caja.click();
    await caja.pressSequentially(TELEFONO_MARIA);
    const busqueda = page.getByRole('search', { name: 'Búsqueda de clientes' });
    const maria = page.getByTestId('resultados-busqueda').getByTestId('resultado-busqueda').filter({ hasText: MARIA.nombre });
    await expect(maria).toBeVisible();
    await expect(busqueda.getByTestId('modo-busqueda')).toHaveText('Teléfono');
    await expect(busqueda.getByTestId('modo-busqueda')).toHaveAttribute('data-confirmado', 'true');
    // Contacto enmascarado para el agente: primeros 3 y últimos 2 dígitos.
    await expect(maria).toContainText(`${MARIA.tipo} ${MARIA.numero}`);
    await expect(maria).toContainText('Tel. 302*****02');
    await expect(maria).not.toContainText('555');
    await expect(maria).toContainText('Exacta');
    await expect(busqueda.getByTestId('conteo-filas')).toHaveText('1 cliente');
    await revisarAccesibilidad(page);
    await capturar(page, '30-caja-busqueda-telefono');

    // Elegirlo lo abre como la consulta por documento.
    await caja.press('ArrowDown');
    await expect(caja).toHaveAttribute('aria-activedescendant', (await maria.getAttribute('id')) ?? '');
    await caja.press('Enter');
    const titulo = page.getByRole('heading', { name: MARIA.nombre });
    await expect(titulo).toBeVisible();
    await expect(page).toHaveURL(/\?tipo=CC&numero=1020304050$/);
    await expect(caja).toBeFocused();

    // Y aparece en «Mis clientes recientes».
    const recientes = page.getByRole('region', { name: 'Mis clientes recientes' });
    await expect(recientes.getByTestId('cliente-reciente').first().getByRole('link')).toHaveText(MARIA.nombre);
    await revisarAccesibilidad(page);
    await capturar(page, '31-cliente-abierto-y-recientes');

    // «/» enfoca la caja desde fuera de un campo; «Esc» la limpia.
    await titulo.click();
    await page.keyboard.press('/');
    await expect(caja).toBeFocused();
    await expect(caja).toHaveValue(TELEFONO_MARIA);
    await page.keyboard.press('Escape');
    await expect(caja).toHaveValue('');

    // «/» dentro de un campo de texto se escribe, no es atajo.
    const numero = page.getByRole('textbox', { name: 'Número de documento' });
    await numero.click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await numero.fill(MARIA.numero);

    // «?» muestra la hoja de atajos.
    await titulo.click();
    await page.keyboard.press('?');
    const hoja = page.getByRole('dialog', { name: 'Atajos de teclado' });
    await expect(hoja).toBeVisible();
    await expect(hoja.getByRole('row')).toHaveCount(8);
    await revisarAccesibilidad(page);
    await capturar(page, '32-hoja-atajos');
    await page.keyboard.press('Escape');
    await expect(hoja).toBeHidden();
    // El botón visible también la abre.
    await page.getByRole('button', { name: 'Atajos (?)' }).click();
    await expect(hoja).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(hoja).toBeHidden();

    // Alt+C descarga el CSV del cliente abierto, como el botón.
    await titulo.click();
    const [descarga] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+KeyC')]);
    expect(descarga.suggestedFilename()).toMatch(/^cliente_CC_1020304050_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync(await descarga.path()).toString('utf8')).toContain('María José');
  });

  test('una búsqueda por nombre corta o un NIT con dígito errado explican por qué', async ({ page }) => {
    await iniciarSesion(page, 'agente');
    const caja = page.getByTestId('caja-busqueda');
    await caja.fill('ma');
    await expect(caja).toHaveAccessibleDescription('Para buscar por nombre escriba al menos 3 caracteres.');
    await caja.fill('NIT 900.123.456-7');
    await expect(page.getByText('El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).')).toBeVisible();
    await expect(caja).toHaveAttribute('aria-invalid', 'true');
    await caja.fill('maria pena');
    await expect(page.getByTestId('resultado-busqueda').filter({ hasText: MARIA.nombre })).toBeVisible();
    await expect(page.getByTestId('modo-busqueda')).toHaveText('Nombre');
    await revisarAccesibilidad(page);
  });
});
