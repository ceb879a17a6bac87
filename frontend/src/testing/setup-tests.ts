import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { configurarApiClient } from '@/lib/api-client';
import { servidor } from './mocks/servidor';

// `findBy…`/`waitFor` esperan hasta 5 s (no 1 s): en la máquina compartida de 2 núcleos, la primera
// carga de una ruta perezosa (transformar sus módulos) puede pasar del segundo. No afloja ninguna
// afirmación: solo espera más antes de fallar.
configure({ asyncUtilTimeout: 5000 });

// jsdom no trae lo que Mantine consulta del navegador.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class ResizeObserverFalso {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverFalso;
window.HTMLElement.prototype.scrollIntoView = () => undefined;

beforeAll(() => servidor.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  // El almacén de notificaciones de Mantine es global: sin limpiarlo, un aviso de una prueba
  // aparece (con role="alert") en la siguiente que monte <Notifications /> en el mismo hilo.
  notifications.clean();
  notifications.cleanQueue();
  servidor.resetHandlers();
  configurarApiClient({ alExpirarSesion: () => undefined });
  for (const cookie of document.cookie.split(';')) {
    const nombre = cookie.split('=')[0]?.trim();
    if (nombre) document.cookie = `${nombre}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
});
afterAll(() => servidor.close());
