import { http, HttpResponse } from 'msw';
import { ADVERTENCIAS, HISTORIAL, pagina } from '../datos-sac360';

/** M10: historial de reportes y calidad de datos. */
export const handlersSac360 = [
  http.get('*/api/reportes/historial', () => HttpResponse.json(HISTORIAL)),
  http.get('*/api/calidad/advertencias', ({ request }) => {
    const tipo = new URL(request.url).searchParams.get('tipo');
    return HttpResponse.json(pagina(ADVERTENCIAS.filter((a) => !tipo || a.tipo === tipo)));
  }),
];
