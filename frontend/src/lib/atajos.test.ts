import { afterEach, describe, expect, it } from 'vitest';
import { accionDeTecla, atajoDelEvento, esCampoDeEscritura } from './atajos';

const tecla = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

/** Despacha la tecla desde `objetivo` y devuelve la acción que vería el escucha de la ventana. */
function accionDesde(objetivo: HTMLElement, init: KeyboardEventInit) {
  let accion: ReturnType<typeof atajoDelEvento> = null;
  const escucha = (evento: KeyboardEvent) => {
    accion = atajoDelEvento(evento);
  };
  window.addEventListener('keydown', escucha);
  objetivo.dispatchEvent(tecla(init));
  window.removeEventListener('keydown', escucha);
  return accion;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('accionDeTecla', () => {
  it('reconoce / ? Esc', () => {
    expect(accionDeTecla(tecla({ key: '/', code: 'Slash' }))).toEqual({ tipo: 'buscar' });
    expect(accionDeTecla(tecla({ key: '?', shiftKey: true }))).toEqual({ tipo: 'ayuda' });
    expect(accionDeTecla(tecla({ key: 'Escape' }))).toEqual({ tipo: 'limpiar' });
  });

  it('Alt+C/E/T exportan, por la tecla física aunque el carácter sea otro (macOS: Alt+C = «ç»)', () => {
    expect(accionDeTecla(tecla({ key: 'ç', code: 'KeyC', altKey: true }))).toEqual({ tipo: 'exportar', formato: 'csv' });
    expect(accionDeTecla(tecla({ key: '€', code: 'KeyE', altKey: true }))).toEqual({ tipo: 'exportar', formato: 'xlsx' });
    expect(accionDeTecla(tecla({ key: 't', code: 'KeyT', altKey: true }))).toEqual({ tipo: 'exportar', formato: 'txt' });
    // Distribución donde la letra está en otra tecla física: vale la letra.
    expect(accionDeTecla(tecla({ key: 'c', code: 'KeyJ', altKey: true }))).toEqual({ tipo: 'exportar', formato: 'csv' });
  });

  it('no son atajos: letras sin Alt, Ctrl+Alt (AltGr), Cmd, teclas mantenidas ni composición', () => {
    expect(accionDeTecla(tecla({ key: 'c', code: 'KeyC' }))).toBeNull();
    expect(accionDeTecla(tecla({ key: '€', code: 'KeyE', altKey: true, ctrlKey: true }))).toBeNull();
    expect(accionDeTecla(tecla({ key: '/', metaKey: true }))).toBeNull();
    expect(accionDeTecla(tecla({ key: 'c', code: 'KeyC', altKey: true, repeat: true }))).toBeNull();
    expect(accionDeTecla(tecla({ key: '/', isComposing: true }))).toBeNull();
    expect(accionDeTecla(tecla({ key: 'x', code: 'KeyX', altKey: true }))).toBeNull();
  });
});

describe('atajoDelEvento: nunca mientras se escribe', () => {
  it.each([
    ['input de texto', '<input type="text" />'],
    ['input de búsqueda', '<input type="search" />'],
    ['textarea', '<textarea></textarea>'],
    ['select', '<select><option>a</option></select>'],
    ['contenteditable', '<div contenteditable="true"><span>hola</span></div>'],
  ])('en un %s no dispara / ni ? ni Alt+C ni Esc', (_, html) => {
    document.body.innerHTML = html;
    const campo = document.body.querySelector('span') ?? (document.body.firstElementChild as HTMLElement);
    expect(esCampoDeEscritura(campo)).toBe(true);
    expect(accionDesde(campo as HTMLElement, { key: '/' })).toBeNull();
    expect(accionDesde(campo as HTMLElement, { key: '?' })).toBeNull();
    expect(accionDesde(campo as HTMLElement, { key: 'c', code: 'KeyC', altKey: true })).toBeNull();
    expect(accionDesde(campo as HTMLElement, { key: 'Escape' })).toBeNull();
  });

  it('en un botón, una casilla o el cuerpo de la página sí dispara', () => {
    document.body.innerHTML = '<button>Buscar</button><input type="checkbox" />';
    expect(accionDesde(document.body.querySelector('button')!, { key: '/' })).toEqual({ tipo: 'buscar' });
    expect(accionDesde(document.body.querySelector('input')!, { key: '?' })).toEqual({ tipo: 'ayuda' });
    expect(accionDesde(document.body, { key: 'c', code: 'KeyC', altKey: true })).toEqual({ tipo: 'exportar', formato: 'csv' });
  });

  it('dentro de un diálogo abierto no dispara, ni si alguien ya atendió la tecla', () => {
    document.body.innerHTML = '<div role="dialog"><button>Cerrar</button></div><button id="fuera">x</button>';
    expect(accionDesde(document.body.querySelector('[role="dialog"] button')!, { key: '/' })).toBeNull();
    const fuera = document.getElementById('fuera')!;
    fuera.addEventListener('keydown', (evento) => evento.preventDefault());
    expect(accionDesde(fuera, { key: '/' })).toBeNull();
  });
});
