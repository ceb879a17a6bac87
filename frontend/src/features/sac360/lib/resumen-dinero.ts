import { formatoCop, formatoDecimal } from '@/lib/formato';

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;
/** Un `number` representa sin error cualquier decimal de hasta 15 cifras (pesos con centavos hasta billones). */
const CIFRAS_EXACTAS = 15;

/**
 * Decimal en texto (`"4999999.99"`) → centavos exactos como `bigint`, sin coma flotante: así el
 * borde exacto del umbral (`5000000.00` no es «más de» `5000000.00`) se compara sin redondeos.
 * Los dígitos más allá del centavo se descartan (el servidor ya los cuantiza). `null` si no es decimal.
 */
export function aCentavos(texto: string): bigint | null {
  const partes = DECIMAL.exec(texto.trim());
  if (!partes) return null;
  const [, signo = '', enteros = '0', fraccion = ''] = partes;
  const valor = BigInt(enteros) * 100n + BigInt(fraccion.padEnd(2, '0').slice(0, 2));
  return signo ? -valor : valor;
}

/**
 * Pesos COP a partir del texto decimal del servidor, con `formatoCop` (centavos solo si los hay).
 * Si el texto tiene más cifras de las que un `number` guarda exactas, se agrupa el texto mismo.
 */
export function copDeTexto(texto: string): string {
  const centavos = aCentavos(texto);
  if (centavos === null) return texto;
  const cifras = (centavos < 0n ? -centavos : centavos).toString().length;
  if (cifras <= CIFRAS_EXACTAS) return formatoCop(Number(centavos) / 100);
  const conCentavos = centavos % 100n !== 0n;
  const [entero = '0', fraccion = ''] = texto.trim().split('.');
  return `$\u00a0${formatoDecimal(conCentavos ? `${entero}.${fraccion.slice(0, 2)}` : entero, conCentavos ? 2 : 0)}`;
}

/** −1, 0 o 1 según `a` sea menor, igual o mayor que `b` (decimales en texto). */
export function compararDinero(a: string, b: string): number {
  const x = aCentavos(a) ?? 0n;
  const y = aCentavos(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}
