import { defineConfig } from '@playwright/test';
import { ARGUMENTOS_CHROMIUM, CHROMIUM } from './e2e/chromium.mjs';

/**
 * Pruebas de navegador contra el servidor Flask real (base temporal sembrada) en el Chromium de
 * Debian: aquí no se descargan navegadores. `npm run e2e` construye el frontend antes.
 */
const PUERTO = Number(process.env.E2E_PORT ?? 5099);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${PUERTO}`,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: ARGUMENTOS_CHROMIUM },
  },
  webServer: {
    command: 'bash e2e/servidor-e2e.sh',
    url: `http://127.0.0.1:${PUERTO}/api/salud`,
    env: { PORT: String(PUERTO) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
