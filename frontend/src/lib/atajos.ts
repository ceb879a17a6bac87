/**
 * Atajos de teclado de las pantallas del SAC (contrato M10, «Shortcuts»): qué tecla hace qué y
 * cuándo no se disparan (nunca mientras se escribe en un campo de texto).
 */

export type FormatoAtajo = 'csv' | 'xlsx' | 'txt';

export type AccionAtajo =
  | { tipo: 'buscar' }
  | { tipo: 'limpiar' }
  | { tipo: 'exportar'; formato: FormatoAtajo }
  | { tipo: 'ayuda' };

export interface Atajo {
  /** Teclas como se muestran en la hoja de atajos, una por `<kbd>`. */
  teclas: readonly string[];
  descripcion: string;
}

/** La hoja de atajos, en el orden en que se muestra. */
export const ATAJOS: readonly Atajo[] = [
  { teclas: ['/'], descripcion: 'Ir a la caja de búsqueda' },
  { teclas: ['Esc'], descripcion: 'Limpiar la caja de búsqueda' },
  { teclas: ['↑', '↓', 'Enter'], descripcion: 'Recorrer los resultados y abrir el cliente elegido' },
  { teclas: ['Alt', 'C'], descripcion: 'Exportar el cliente abierto en CSV' },
  { teclas: ['Alt', 'E'], descripcion: 'Exportar el cliente abierto en Excel' },
  { teclas: ['Alt', 'T'], descripcion: 'Exportar el cliente abierto en TXT' },
  { teclas: ['?'], descripcion: 'Mostrar esta hoja de atajos' },
];

const TIPOS_SIN_ESCRITURA = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** ¿El foco está en un lugar donde se escribe? (input de texto, textarea, select o contenteditable). */
export function esCampoDeEscritura(objetivo: EventTarget | null): boolean {
  if (!(objetivo instanceof HTMLElement)) return false;
  if (objetivo instanceof HTMLInputElement) return !TIPOS_SIN_ESCRITURA.has(objetivo.type);
  if (objetivo instanceof HTMLTextAreaElement || objetivo instanceof HTMLSelectElement) return true;
  return objetivo.isContentEditable || objetivo.closest('[contenteditable=""], [contenteditable="true"]') !== null;
}

const EXPORTAR_POR_CODIGO: Record<string, FormatoAtajo> = { KeyC: 'csv', KeyE: 'xlsx', KeyT: 'txt' };
const EXPORTAR_POR_LETRA: Record<string, FormatoAtajo> = { c: 'csv', e: 'xlsx', t: 'txt' };

/**
 * La acción de una pulsación, o `null`. Alt+letra se reconoce por `code` (tecla física: en macOS
 * Alt+C escribe «ç») o por `key`; Ctrl+Alt (AltGr en Windows, que escribe @, €…) no es atajo.
 */
export function accionDeTecla(evento: KeyboardEvent): AccionAtajo | null {
  if (evento.isComposing || evento.ctrlKey || evento.metaKey) return null;
  if (evento.altKey) {
    const formato = EXPORTAR_POR_CODIGO[evento.code] ?? EXPORTAR_POR_LETRA[evento.key.toLowerCase()];
    return formato && !evento.repeat ? { tipo: 'exportar', formato } : null;
  }
  if (evento.key === '/') return { tipo: 'buscar' };
  if (evento.key === '?') return { tipo: 'ayuda' };
  if (evento.key === 'Escape') return { tipo: 'limpiar' };
  return null;
}

/**
 * La acción que corresponde a la pulsación, o `null` si no es atajo o si no debe dispararse:
 * mientras se escribe en un campo, dentro de un diálogo abierto o si alguien ya la atendió.
 */
export function atajoDelEvento(evento: KeyboardEvent): AccionAtajo | null {
  if (evento.defaultPrevented || esCampoDeEscritura(evento.target)) return null;
  if (evento.target instanceof Element && evento.target.closest('[role="dialog"], [aria-modal="true"]')) return null;
  return accionDeTecla(evento);
}
