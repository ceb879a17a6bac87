import { expect, test } from '@playwright/test';
import { MARIA } from './demo';
import { buscarConEnter, capturar, iniciarSesion, revisarAccesibilidad } from './utilidades';

/** El teléfono que la siembra le da a María (services/demo_service.py: fila 2 → `+57 302 555 1002`). */
const TELEFONO_MARIA = /302\D*555\D*1002/;

test.describe('SAC 360: el cliente de un vistazo, revelar y notas', () => {
  test('el agente ve el contacto enmascarado, lo revela con un motivo y agrega y corrige una nota', async ({ page }) => {
    // Flujo largo con tres revisiones de axe sobre la ficha completa: en la máquina compartida pasa de 30 s.
    test.setTimeout(120_000);
    await iniciarSesion(page, 'agente');
    await buscarConEnter(page, MARIA.tipo, MARIA.numero);
    const ficha = page.getByTestId('resultado-cliente');
    await expect(ficha.getByRole('heading', { name: MARIA.nombre })).toBeVisible();

    // Contacto enmascarado, con «Revelar» junto a cada dato.
    await expect(ficha.getByTestId('contacto-telefono')).toHaveText('302*****02');
    await expect(ficha.getByTestId('contacto-correo')).toContainText('***@example.com');
    await expect(ficha.getByText(TELEFONO_MARIA)).toHaveCount(0);

    // El cliente de un vistazo: la fidelización se explica y la mini-gráfica enumera los 6 meses.
    const vistazo = ficha.getByTestId('vistazo-cliente');
    await expect(vistazo.getByTestId('explicacion-fidelizacion')).toContainText('calificó: sus compras pagadas ($ 6.250.000) superaron el umbral.');
    await expect(vistazo.getByTestId('explicacion-fidelizacion')).toContainText(/le faltan más de \$\s5\.000\.000|ya superó el umbral|exactamente el umbral/);
    const grafica = vistazo.getByRole('img', { name: /Compras pagadas de los últimos 6 meses/ });
    await expect(grafica).toHaveAttribute('aria-label', /octubre de \d{4}: \$\s6\.250\.000 \(3 compras\)/);
    await expect(vistazo.getByTestId('modulo-cuponeras').getByRole('link', { name: 'Ver el contrato 100200300' })).toBeVisible();
    await revisarAccesibilidad(page);

    // Revelar: primero un motivo corto (se avisa y no se envía), luego uno válido.
    await ficha.getByRole('button', { name: 'Revelar el teléfono' }).click();
    const dialogo = page.getByRole('dialog', { name: 'Revelar el teléfono' });
    await expect(dialogo).toBeVisible();
    const motivo = dialogo.getByRole('textbox', { name: /Motivo/ });
    await expect(motivo).toBeFocused();
    await motivo.fill('corto');
    await dialogo.getByRole('button', { name: 'Revelar', exact: true }).click();
    await expect(dialogo.getByText('Explique el motivo en al menos 10 caracteres (lleva 5).')).toBeVisible();
    await revisarAccesibilidad(page);
    await capturar(page, 'sac360-01-revelar-motivo-corto');
    await motivo.fill('El cliente pidió confirmar el número registrado');
    await dialogo.getByRole('button', { name: 'Revelar', exact: true }).click();
    await expect(dialogo).toBeHidden();
    await expect(ficha.getByTestId('revelado-telefono')).toHaveText(TELEFONO_MARIA);
    await expect(ficha.getByRole('button', { name: 'Revelar el teléfono' })).toHaveCount(0);
    // Los otros datos siguen enmascarados.
    await expect(ficha.getByRole('button', { name: 'Revelar el correo' })).toBeVisible();

    // Notas: agregar y verla en la lista; corregirla (dentro de los 15 minutos).
    const notas = ficha.getByTestId('notas-cliente');
    const texto = `Llamó para confirmar su teléfono (${Date.now()})`;
    await notas.getByRole('textbox', { name: /Nueva nota/ }).fill(texto);
    await notas.getByRole('textbox', { name: 'Motivo de la llamada (opcional)' }).fill('Actualización de datos');
    await notas.getByRole('button', { name: 'Agregar nota' }).click();
    const primera = notas.getByTestId('nota-cliente').first();
    await expect(primera).toContainText(texto);
    await expect(primera).toContainText('Ana Agente (demostración)');
    await expect(primera).toContainText('Motivo: Actualización de datos');
    await expect(notas.getByTestId('conteo-filas')).toHaveText(/\d+ notas?/);
    await expect(notas.getByRole('textbox', { name: /Nueva nota/ })).toHaveValue('');

    await primera.getByRole('button', { name: /Corregir la nota/ }).click();
    const correccion = primera.getByRole('textbox', { name: /Corregir la nota/ });
    await correccion.fill(`${texto} y su correo`);
    await primera.getByRole('button', { name: 'Guardar corrección' }).click();
    await expect(primera).toContainText(`${texto} y su correo`);
    await expect(primera.getByText('editada', { exact: true })).toBeVisible();
    await primera.getByRole('button', { name: 'Ver la versión anterior' }).click();
    await expect(primera.getByTestId('versiones-nota')).toContainText(texto);
    await revisarAccesibilidad(page);
    await capturar(page, 'sac360-02-revelado-y-notas');
  });

  test('el supervisor ve el contacto entero y ningún botón «Revelar»', async ({ page }) => {
    test.setTimeout(60_000);
    await iniciarSesion(page, 'supervisor');
    await buscarConEnter(page, MARIA.tipo, MARIA.numero);
    const ficha = page.getByTestId('resultado-cliente');
    await expect(ficha.getByRole('heading', { name: MARIA.nombre })).toBeVisible();
    await expect(ficha.getByText(TELEFONO_MARIA)).toBeVisible();
    await expect(ficha.getByText(/\.demo2@example\.com$/)).toBeVisible();
    await expect(ficha.getByTestId('explicacion-fidelizacion')).toBeVisible();
    await expect(ficha.getByRole('button', { name: /^Revelar/ })).toHaveCount(0);
    await expect(ficha.getByRole('heading', { name: 'Notas de llamadas' })).toBeVisible();
    await revisarAccesibilidad(page);
  });
});
