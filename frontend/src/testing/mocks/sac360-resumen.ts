import { http, HttpResponse } from 'msw';
import { paginaNotas, resumenMaria } from '../datos-sac360-resumen';

/** Resumen del cliente y sus notas (vacías) por defecto: la ficha de la consulta los pide. */
export const handlersSac360Resumen = [
  http.get('*/api/clientes/:id/resumen', () => HttpResponse.json(resumenMaria())),
  http.get('*/api/clientes/:id/notas', () => HttpResponse.json(paginaNotas([]))),
];
