import { http, HttpResponse } from 'msw';
import { AGENTE, paginaCompras, RESULTADO_MARIA, RESUMEN_OCTUBRE, TIPOS } from '../datos';
import { handlersBusqueda } from './busqueda';
import { handlersCatalogo } from './catalogo';
import { handlersCuponeras } from './cuponeras';
import { handlersEntregas } from './entregas';
import { handlersSac360 } from './sac360';
import { errorApi } from './respuestas';
import { handlersSac360Resumen } from './sac360-resumen';

/** Una API "feliz" por defecto; cada prueba reemplaza lo que necesita con `servidor.use(...)`. */
export const handlers = [
  http.get('*/api/auth/me', () => HttpResponse.json(AGENTE)),
  http.get('*/api/tipos-documento', () => HttpResponse.json(TIPOS)),
  http.get('*/api/clientes/buscar', ({ request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get('tipo_documento') === 'CC' && url.searchParams.get('numero_documento') === '1020304050') {
      return HttpResponse.json(RESULTADO_MARIA);
    }
    return errorApi(404, 'no_encontrado', 'No se encontró un cliente con ese documento.');
  }),
  http.get('*/api/clientes/:id/compras', () => HttpResponse.json(paginaCompras(RESULTADO_MARIA.compras))),
  http.get('*/api/reportes/fidelizacion/resumen', () => HttpResponse.json(RESUMEN_OCTUBRE)),
  ...handlersBusqueda,
  ...handlersCatalogo,
  ...handlersCuponeras,
  ...handlersEntregas,
  ...handlersSac360,
  ...handlersSac360Resumen,
];
