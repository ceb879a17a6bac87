/**
 * Las mismas reglas del servidor (services/documento_service.py), para avisar antes de consultar:
 * se quitan espacios, puntos y guiones; las letras pasan a mayúsculas; cada tipo tiene su forma.
 */
const PESOS_DIAN = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export type ResultadoValidacion = { valido: true; numero: string } | { valido: false; motivo: string };

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

/** Valida el número para el tipo dado y devuelve el número normalizado o el motivo en español. */
export function validarDocumento(tipo: string, numero: string): ResultadoValidacion {
  const limpio = normalizarNumero(numero);
  if (!limpio) return { valido: false, motivo: 'El número de documento es obligatorio.' };
  if (tipo === 'PA') {
    return /^[A-Z0-9]{5,20}$/.test(limpio)
      ? { valido: true, numero: limpio }
      : { valido: false, motivo: 'El pasaporte debe tener entre 5 y 20 letras o dígitos.' };
  }
  if (!/^\d+$/.test(limpio)) return { valido: false, motivo: 'El número de documento solo admite dígitos.' };
  switch (tipo) {
    case 'CC':
    case 'CE': {
      if (limpio.length >= 3 && limpio.length <= 10) return { valido: true, numero: limpio };
      const nombre = tipo === 'CC' ? 'La cédula' : 'La cédula de extranjería';
      return { valido: false, motivo: `${nombre} debe tener entre 3 y 10 dígitos.` };
    }
    case 'TI':
      return limpio.length === 10 || limpio.length === 11
        ? { valido: true, numero: limpio }
        : { valido: false, motivo: 'La tarjeta de identidad debe tener 10 u 11 dígitos.' };
    case 'NIT':
      return validarNit(limpio);
    default:
      return { valido: false, motivo: 'Seleccione un tipo de documento válido.' };
  }
}

function validarNit(limpio: string): ResultadoValidacion {
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
