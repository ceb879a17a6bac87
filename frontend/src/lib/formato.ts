/** Formatos para personas en Colombia: pesos COP y fechas en hora de Bogotá. */
export const ZONA_BOGOTA = 'America/Bogota';

const cop = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const copConCentavos = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const entero = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });
const fechaHora = new Intl.DateTimeFormat('es-CO', {
  timeZone: ZONA_BOGOTA,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const hora = new Intl.DateTimeFormat('es-CO', {
  timeZone: ZONA_BOGOTA,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const fecha = new Intl.DateTimeFormat('es-CO', {
  timeZone: ZONA_BOGOTA,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});
const mesLargo = new Intl.DateTimeFormat('es-CO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * `5000000` → `$ 5.000.000` (el espacio es de no separación, como lo da Intl). Los centavos se
 * muestran solo si los hay: redondear 4.999.999,99 a `$ 5.000.000` confundiría con el umbral.
 */
export function formatoCop(valor: number): string {
  const centavos = Math.round(valor * 100) % 100 !== 0;
  return (centavos ? copConCentavos : cop).format(valor);
}

export function formatoEntero(valor: number): string {
  return entero.format(valor);
}

/**
 * Decimal exacto que llega como texto (`"1234567.5"`, `"-0.20"`) → `1.234.567,50` con los separadores
 * de es-CO, sin pasar por números de coma flotante: nunca pierde ni inventa centavos. Completa con
 * ceros hasta `decimales` y conserva los dígitos que sobren; un texto que no es decimal queda igual.
 */
export function formatoDecimal(texto: string, decimales = 2): string {
  const partes = /^(-?)(\d+)(?:\.(\d*))?$/.exec(texto.trim());
  if (!partes) return texto;
  const [, signo = '', enteros = '0', fraccion = ''] = partes;
  const sinCeros = enteros.replace(/^0+(?=\d)/, '');
  const agrupado = sinCeros.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimalesTexto = fraccion.padEnd(decimales, '0');
  return `${signo}${agrupado}${decimalesTexto ? `,${decimalesTexto}` : ''}`;
}

function aFecha(valor: string | Date): Date | null {
  const d = typeof valor === 'string' ? new Date(valor) : valor;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Instante ISO → `31 oct 2026, 11:30 p. m.` en hora de Bogotá. */
export function formatoFechaHora(valor: string | null | undefined): string {
  const d = valor ? aFecha(valor) : null;
  return d ? fechaHora.format(d) : '—';
}

/** Instante ISO → `05:03:04 p. m.` (hora de Bogotá, con segundos). */
export function formatoHora(valor: string | null | undefined): string {
  const d = valor ? aFecha(valor) : null;
  return d ? hora.format(d) : '—';
}

export function formatoFecha(valor: string | null | undefined): string {
  const d = valor ? aFecha(valor) : null;
  return d ? fecha.format(d) : '—';
}

/** `2026-10` → `octubre de 2026`. */
export function nombreMes(mes: string): string {
  const coincidencia = /^(\d{4})-(\d{2})$/.exec(mes);
  if (!coincidencia) return mes;
  return mesLargo.format(new Date(Date.UTC(Number(coincidencia[1]), Number(coincidencia[2]) - 1, 1)));
}

/** Fecha sin hora `2026-12-01` (un día de Bogotá) → `01 dic 2026`, sin correrse por la zona. */
export function formatoDia(valor: string | null | undefined): string {
  const coincidencia = valor ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(valor) : null;
  if (!coincidencia) return formatoFecha(valor);
  return formatoFecha(`${coincidencia[1]}-${coincidencia[2]}-${coincidencia[3]}T12:00:00-05:00`);
}

const diaIso = new Intl.DateTimeFormat('en-CA', { timeZone: ZONA_BOGOTA, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Hoy en Bogotá como `AAAA-MM-DD` (las fechas de vigencia son días de Bogotá). */
export function hoyEnBogota(ahora: Date = new Date()): string {
  return diaIso.format(ahora);
}
