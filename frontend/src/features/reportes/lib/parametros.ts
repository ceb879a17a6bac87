import { esMesFuturo, esMesValido, mesAnteriorBogota, UMBRAL_POR_DEFECTO } from './meses';
import type { ParametrosReporte } from '../types';

/** Parámetros de la URL (`?mes=2026-10&umbral=5000000`) o los de siempre: mes anterior y 5.000.000. */
export function parametrosDeUrl(parametros: URLSearchParams, ahora: Date = new Date()): ParametrosReporte {
  const mes = parametros.get('mes');
  const textoUmbral = parametros.get('umbral');
  const umbral = Number(textoUmbral);
  return {
    mes: esMesValido(mes) && !esMesFuturo(mes, ahora) ? mes : mesAnteriorBogota(ahora),
    umbral: textoUmbral !== null && textoUmbral !== '' && Number.isFinite(umbral) && umbral >= 0 ? Math.trunc(umbral) : UMBRAL_POR_DEFECTO,
  };
}
