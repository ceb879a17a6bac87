/**
 * jsdom no trae EventSource: el paquete `eventsource` lo implementa sobre fetch, así MSW (`sse()`)
 * intercepta el flujo /api/entregas/eventos como cualquier otra petición. Va en su propio archivo de
 * preparación, antes de setup-tests.ts: MSW exige EventSource al crear los manejadores `sse()`.
 */
import { EventSource as EventSourceFetch } from 'eventsource';

if (!('EventSource' in globalThis)) {
  Object.defineProperty(globalThis, 'EventSource', { writable: true, configurable: true, value: EventSourceFetch });
}
