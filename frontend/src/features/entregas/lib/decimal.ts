/** Decimal en texto ("140.50", "-3", "0.2") → centavos exactos como `bigint` (para ordenar sin coma flotante). */
export function centavos(texto: string): bigint {
  const partes = /^(-?)(\d+)(?:\.(\d*))?$/.exec(texto.trim());
  if (!partes) return 0n;
  const fraccion = `${partes[3] ?? ''}00`.slice(0, 2);
  const valor = BigInt(partes[2] ?? '0') * 100n + BigInt(fraccion);
  return partes[1] ? -valor : valor;
}

/** Compara dos decimales en texto: negativo si `a` < `b`. */
export function compararDecimales(a: string, b: string): number {
  const diferencia = centavos(a) - centavos(b);
  return diferencia === 0n ? 0 : diferencia < 0n ? -1 : 1;
}
