/**
 * El modo que la caja adelanta mientras se escribe, con la misma regla del servidor
 * (services/busqueda_service.interpretar, contrato M10 «Which mode»). El servidor tiene la última
 * palabra: cuando responde, se muestra el modo que él usó.
 */
import type { ModoBusqueda } from '../types';

export const MINIMO_NOMBRE = 3;

/** `documento-o-telefono`: solo dígitos que además forman un número colombiano. */
export type ModoAdelantado = ModoBusqueda | 'documento-o-telefono';

export type Prediccion =
  | { estado: 'vacia' }
  | { estado: 'corta'; motivo: string }
  | { estado: 'lista'; modo: ModoAdelantado };

export const ETIQUETA_MODO: Record<ModoAdelantado, string> = {
  documento: 'Documento',
  telefono: 'Teléfono',
  correo: 'Correo',
  nombre: 'Nombre',
  'documento-o-telefono': 'Documento o teléfono',
};

const CON_TIPO = /^(CC|CE|TI|PA|NIT)(?:\s+|[:.\-#]\s*|(?=\d))(.*\d.*)$/i;
const TELEFONO_COLOMBIANO = /^(3\d{2}|60\d)\d{7}$/;
const SOLO_CIFRAS_Y_SEPARADORES = /^\+?[\d\s.-]+$/;
const ALFANUMERICO_CON_DIGITO = /^(?=.*\d)[A-Za-z0-9]+$/;

/** Las palabras como las compara el servidor: minúsculas, sin tildes, letras y dígitos. */
export function palabrasNormalizadas(texto: string): string[] {
  const sinTildes = texto.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return sinTildes.match(/[a-z0-9]+/g) ?? [];
}

export function esTelefonoColombiano(digitos: string): boolean {
  return TELEFONO_COLOMBIANO.test(digitos);
}

/** Qué se va a buscar con lo escrito, o por qué aún no se puede buscar. */
export function predecirModo(texto: string): Prediccion {
  const consulta = texto.trim();
  if (!consulta) return { estado: 'vacia' };
  if (consulta.includes('@')) return { estado: 'lista', modo: 'correo' };
  if (CON_TIPO.test(consulta)) return { estado: 'lista', modo: 'documento' };
  const digitos = consulta.replace(/\D/g, '');
  const conIndicativo =
    digitos.length === 12 && digitos.startsWith('57') && SOLO_CIFRAS_Y_SEPARADORES.test(consulta) && esTelefonoColombiano(digitos.slice(2));
  if (/[+()]/.test(consulta) || conIndicativo) return { estado: 'lista', modo: 'telefono' };
  const compacto = consulta.replace(/[\s.-]/g, '');
  if (ALFANUMERICO_CON_DIGITO.test(compacto)) {
    const tambienTelefono = /^\d+$/.test(compacto) && esTelefonoColombiano(compacto);
    return { estado: 'lista', modo: tambienTelefono ? 'documento-o-telefono' : 'documento' };
  }
  if (palabrasNormalizadas(consulta).join('').length < MINIMO_NOMBRE) {
    return { estado: 'corta', motivo: `Para buscar por nombre escriba al menos ${MINIMO_NOMBRE} caracteres.` };
  }
  return { estado: 'lista', modo: 'nombre' };
}
