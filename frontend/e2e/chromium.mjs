/**
 * El Chromium de Debian (aquí no se descargan navegadores) y sus opciones, para las pruebas e2e
 * (playwright.config.ts) y la medición del frontend (scripts/medir.mjs). Sin las de red de fondo,
 * Chromium intenta conexiones que esta red cerrada rechaza.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARGUMENTOS_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
