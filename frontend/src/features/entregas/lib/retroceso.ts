/** Espera antes del reintento `intento` (0, 1, 2…): se duplica desde `base` hasta `maximo`, con ±20 % al azar
 * para que muchos monitores no reconecten todos en el mismo instante tras una caída del servidor. */
export function esperaReintento(intento: number, base = 1000, maximo = 30_000, azar: () => number = Math.random): number {
  const espera = Math.min(base * 2 ** Math.max(0, intento), maximo);
  return Math.round(espera * (0.8 + 0.4 * azar()));
}
