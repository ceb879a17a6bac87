import { http, HttpResponse, sse } from 'msw';
import { ENTREGA_RECIENTE, metricasDiezMinutos, metricasHora } from '../datos-entregas';

/** M8 por defecto: métricas (la hora, o los 10 minutos si llega `desde`), recientes y un flujo abierto sin eventos. */
export const handlersEntregas = [
  http.get('*/api/entregas/metricas', ({ request }) =>
    HttpResponse.json(new URL(request.url).searchParams.has('desde') ? metricasDiezMinutos() : metricasHora()),
  ),
  http.get('*/api/entregas/recientes', () => HttpResponse.json({ entregas: [ENTREGA_RECIENTE], total: 1, truncado: false })),
  sse('*/api/entregas/eventos', () => undefined),
];
