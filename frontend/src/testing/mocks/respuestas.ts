import { HttpResponse } from 'msw';

/** Respuesta de error con la forma única de la API. */
export function errorApi(estado: number, code: string, message: string, details: Record<string, unknown> = {}) {
  return HttpResponse.json({ error: { code, message, details } }, { status: estado });
}
