import { expect, test } from '@playwright/test';
import { CAFE_DEMO, TIENDA_DE_RUTA } from './demo';
import { capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/** M7 Catálogo contra el servidor real sembrado (usuarios demo `catalogo` y `vendedor`). */
// Flujos largos (varias pantallas, cuatro revisiones de axe cada uno): más que los 30 s por defecto.
test.describe.configure({ timeout: 90_000 });

test.describe('equipo de catálogo', () => {
  test('entra al catálogo, busca, crea un producto (y ve el 409 en el campo) y arma un portafolio', async ({ page }) => {
    await iniciarSesion(page, 'catalogo');
    await expect(page).toHaveURL(/\/catalogo$/);
    await expect(page).toHaveTitle('Catálogo · SAC Ríos del Desierto');
    const menu = page.getByRole('navigation', { name: 'Menú principal' });
    await expect(menu.getByRole('link')).toHaveText(['Catálogo', 'Establecimientos', 'Portafolios']);
    const buscar = page.getByRole('searchbox', { name: 'Buscar' });
    await expect(buscar).toBeFocused();

    await buscar.fill('sello');
    const tabla = page.getByRole('table', { name: 'Productos del catálogo' });
    await expect(tabla.getByText(CAFE_DEMO.nombre)).toBeVisible();
    await expect(page).toHaveURL(/\?q=sello$/);
    await revisarAccesibilidad(page);
    await capturar(page, '20-catalogo');

    // Alta: el código se escribe en minúsculas y queda en mayúsculas.
    const codigo = `e2e-${Date.now().toString(36)}`.toUpperCase();
    await page.getByRole('button', { name: 'Nuevo producto' }).click();
    const dialogo = page.getByRole('dialog', { name: 'Nuevo producto' });
    await dialogo.getByRole('textbox', { name: /Código/ }).fill(codigo.toLowerCase());
    await expect(dialogo.getByRole('textbox', { name: /Código/ })).toHaveValue(codigo);
    await dialogo.getByRole('textbox', { name: /^Nombre/ }).fill('Panela pulverizada de prueba');
    await dialogo.getByRole('textbox', { name: /^Categoría/ }).fill('Despensa');
    await dialogo.getByRole('textbox', { name: /^Presentación/ }).fill('500 g');
    await dialogo.getByRole('combobox', { name: 'IVA' }).selectOption('5');
    const precio = dialogo.getByRole('textbox', { name: /^Precio/ });
    await precio.fill('4900');
    await revisarAccesibilidad(page);
    await precio.press('Enter');
    await expect(dialogo).toBeHidden();
    await buscar.fill(codigo);
    await expect(tabla.getByText(codigo)).toBeVisible();
    await expect(tabla.getByRole('row').nth(1)).toContainText('$ 4.900');

    // El código repetido: 409 del servidor, en el campo.
    await page.getByRole('button', { name: 'Nuevo producto' }).click();
    await dialogo.getByRole('textbox', { name: /Código/ }).fill(CAFE_DEMO.codigo);
    await dialogo.getByRole('textbox', { name: /^Nombre/ }).fill('Otro café');
    await dialogo.getByRole('textbox', { name: /^Categoría/ }).fill('Bebidas');
    await dialogo.getByRole('textbox', { name: /^Precio/ }).fill('1000');
    await dialogo.getByRole('button', { name: 'Crear producto' }).click();
    await expect(dialogo.getByRole('textbox', { name: /Código/ })).toHaveAttribute('aria-invalid', 'true');
    await dialogo.getByRole('button', { name: 'Cancelar' }).click();

    // Establecimientos: filtro por tipo (y el vendedor asignado a la vista).
    await menu.getByRole('link', { name: 'Establecimientos' }).click();
    await page.getByRole('combobox', { name: 'Tipo' }).selectOption('TIENDA');
    await expect(page).toHaveURL(/tipo=TIENDA/);
    await expect(page.getByRole('table', { name: 'Establecimientos' }).getByText(TIENDA_DE_RUTA)).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '25-establecimientos');

    // Portafolio: buscar y agregar con Enter, marcar obligatorio, fecha futura (no cambia el vigente).
    await menu.getByRole('link', { name: 'Portafolios' }).click();
    await expect(page).toHaveTitle('Portafolios · SAC Ríos del Desierto');
    await expect(page.getByRole('article', { name: 'Vigente para Tienda de barrio' })).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '21-portafolios');
    await page.getByRole('button', { name: 'Nuevo portafolio' }).click();
    const constructor = page.getByRole('dialog', { name: 'Nuevo portafolio' });
    const nombre = `Minimercado e2e ${codigo}`;
    await constructor.getByRole('textbox', { name: /Nombre del portafolio/ }).fill(nombre);
    await constructor.getByRole('combobox', { name: /Tipo de establecimiento/ }).selectOption('MINIMERCADO');
    await constructor.getByLabel(/Vigente desde/).fill('2030-01-01');
    const busqueda = constructor.getByRole('searchbox', { name: /Buscar producto/ });
    await busqueda.fill(codigo);
    await expect(constructor.getByRole('button', { name: new RegExp(`^Agregar ${codigo}`) })).toBeVisible();
    await busqueda.press('Enter');
    await busqueda.fill('sello');
    await constructor.getByRole('button', { name: `Agregar ${CAFE_DEMO.codigo} ${CAFE_DEMO.nombre}` }).click();
    await constructor.getByRole('checkbox', { name: `Obligatorio: ${CAFE_DEMO.nombre}` }).check();
    await constructor.getByRole('textbox', { name: `Cantidad mínima de ${CAFE_DEMO.nombre}` }).fill('6');
    await expect(constructor.getByRole('table', { name: 'Líneas del portafolio nuevo' }).getByRole('row')).toHaveCount(3);
    await revisarAccesibilidad(page);
    await capturar(page, '22-portafolio-nuevo');
    await constructor.getByRole('button', { name: 'Crear portafolio' }).click();
    await expect(constructor).toBeHidden();
    const historial = page.getByRole('table', { name: 'Historial' });
    await expect(historial.getByText(nombre)).toBeVisible();
    await historial.getByRole('button', { name: `Ver ${nombre}` }).click();
    await expect(page.getByRole('table', { name: `Líneas de ${nombre}` }).getByRole('row')).toHaveCount(3);
  });
});

test.describe('vendedor', () => {
  test('abre su ruta y el portafolio de una tienda como lista de chequeo; el catálogo no es para él', async ({ page }) => {
    await iniciarSesion(page, 'vendedor');
    await expect(page).toHaveURL(/\/mi-ruta$/);
    await expect(page).toHaveTitle('Mi ruta · SAC Ríos del Desierto');
    const paradas = page.getByRole('list', { name: 'Establecimientos de su ruta' });
    await expect(paradas.getByRole('listitem').first()).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, '23-mi-ruta');

    await page.getByRole('link', { name: `Abrir el portafolio de ${TIENDA_DE_RUTA}` }).click();
    await expect(page).toHaveURL(/\/mi-ruta\/\d+$/);
    const obligatorios = page.getByRole('group', { name: /^Obligatorios/ });
    await expect(obligatorios).toBeVisible();
    const resumen = page.getByTestId('resumen-chequeo');
    await expect(resumen).toContainText(/^0 de \d+ revisados/);
    await obligatorios.getByRole('checkbox').first().check();
    await expect(resumen).toContainText(/^1 de \d+ revisados/);
    await revisarAccesibilidad(page);
    await capturar(page, '24-lista-chequeo');

    // Recargar conserva la casilla (se guarda en este navegador).
    await page.reload();
    await expect(page.getByTestId('resumen-chequeo')).toContainText(/^1 de \d+ revisados/);

    await page.goto('/catalogo');
    await expect(page.getByRole('heading', { name: 'No tiene permiso' })).toBeVisible();
    expect((await page.request.get('/api/productos')).status()).toBe(403);
  });
});
