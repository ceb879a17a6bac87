/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_DESARROLLO = process.env.VITE_PROXY_API ?? 'http://127.0.0.1:5000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: API_DESARROLLO, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Sin polyfill en línea: la app debe funcionar bajo una CSP estricta (script-src 'self').
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/event-source.ts', './src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    pool: 'threads',
    // Sin aislar cada archivo: la suite tarda la mitad en 2 núcleos (cada prueba limpia lo suyo).
    isolate: false,
    maxWorkers: 2,
    testTimeout: 15000,
  },
});
