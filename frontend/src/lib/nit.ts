/**
 * NIT colombiano con el dígito de verificación DIAN, con las mismas reglas del servidor
 * (services/documento_service.py). Lo usan la consulta de clientes y los establecimientos.
 */
const PESOS_DIAN = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export type ResultadoValidacion = { valido: true; numero: string } | { valido: false; motivo: string };

/** Quita espacios, puntos y guiones y pasa las letras a mayúsculas. */
export function normalizarNumero(numero: string): string {
  return numero.replace(/[\s.-]/g, '').toUpperCase();
}

/** Dígito de verificación DIAN de la base de un NIT (pesos desde el dígito de la derecha). */
export function digitoVerificacionNit(base: string): number {
  const digitos = [...base].reverse();
  const suma = digitos.reduce((acumulado, digito, i) => acumulado + Number(digito) * (PESOS_DIAN[i] ?? 0), 0);
  const residuo = suma % 11;
  return residuo === 0 || residuo === 1 ? residuo : 11 - residuo;
}

/** Un NIT ya normalizado: 9 dígitos, o 10 si trae el dígito de verificación (y debe coincidir). */
export function validarNit(limpio: string): ResultadoValidacion {
  if (!/^\d+$/.test(limpio)) return { valido: false, motivo: 'El número de documento solo admite dígitos.' };
  if (limpio.length === 9) return { valido: true, numero: limpio };
  if (limpio.length !== 10) {
    return {
      valido: false,
      motivo: 'El NIT debe tener 9 dígitos, con o sin dígito de verificación (ej. 900123456-7).',
    };
  }
  const base = limpio.slice(0, 9);
  const esperado = digitoVerificacionNit(base);
  if (Number(limpio[9]) !== esperado) {
    return {
      valido: false,
      motivo: `El dígito de verificación del NIT no coincide (para ${base} debe ser ${esperado}).`,
    };
  }
  return { valido: true, numero: limpio };
}
