import { expect, test } from '@playwright/test';
import { buscarConEnter, iniciarSesion, revisarAccesibilidad } from './utilidades';

/**
 * El administrador fusiona el duplicado de los datos de demostración (Paola Andrea Restrepo Gil
 * bajo CC 1032456789 y CE 7654321) desde Calidad de datos; después el documento absorbido lleva al
 * cliente que lo conserva, por la consulta de tipo y número y por la caja de búsqueda.
 */
test('el administrador fusiona un duplicado y el documento absorbido encuentra al sobreviviente', async ({ page }) => {
  test.setTimeout(90_000);
  await iniciarSesion(page, 'admin', '/calidad?tipo=duplicado');
  const fusionar = page.getByRole('button', { name: 'Fusionar CC 1032456789 y CE 7654321' });
  await fusionar.click();
  const dialogo = page.getByRole('dialog', { name: 'Fusionar clientes' });
  await dialogo.getByRole('textbox', { name: /Motivo/ }).fill('corto');
  await dialogo.getByRole('button', { name: 'Fusionar definitivamente' }).click();
  await expect(dialogo.getByText(/mínimo 10 caracteres/)).toBeVisible();

  await dialogo.getByRole('textbox', { name: /Motivo/ }).fill('Misma persona: Paola con su cédula de extranjería antigua');
  await dialogo.getByRole('button', { name: 'Fusionar definitivamente' }).click();
  await expect(dialogo.getByRole('status')).toContainText('Clientes fusionados');
  await revisarAccesibilidad(page);
  await dialogo.getByRole('button', { name: 'Volver a la lista' }).click();
  await expect(fusionar).toHaveCount(0);

  // Consulta por tipo y número con el documento absorbido: el cliente que lo conserva, con aviso.
  await page.goto('/');
  await buscarConEnter(page, 'CE', '7654321');
  await expect(page.getByTestId('por-alias')).toContainText('CE 7654321 pertenecía a un cliente que se fusionó');
  await expect(page.getByTestId('resultado-cliente')).toHaveAttribute('data-documento', 'CC-1032456789');

  // La caja de búsqueda: el documento absorbido da un solo resultado, el sobreviviente.
  const caja = page.getByTestId('caja-busqueda');
  await caja.fill('CE 7654321');
  const resultados = page.getByTestId('resultado-busqueda');
  await expect(resultados).toHaveCount(1);
  await expect(resultados.first()).toContainText('1032456789');
  await revisarAccesibilidad(page);
});
