/**
 * Las mismas reglas del servidor (services/documento_service.py), para avisar antes de consultar:
 * se quitan espacios, puntos y guiones; las letras pasan a mayúsculas; cada tipo tiene su forma.
 */
import { normalizarNumero, validarNit, type ResultadoValidacion } from '@/lib/nit';

export { digitoVerificacionNit, normalizarNumero, type ResultadoValidacion } from '@/lib/nit';

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
