import { Notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useRef } from 'react';
import { useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { useAccionAtajo } from '@/hooks/use-atajos';
import type { FormatoAtajo } from '@/lib/atajos';
import { renderizar } from '@/testing/test-utils';
import { BotonAtajos, ProveedorAtajos } from './atajos-teclado';

/** Una pantalla con caja de búsqueda (registra `buscar` y `limpiar`) y, si se pide, un cliente abierto. */
function Caja({ alExportar }: { alExportar?: (formato: FormatoAtajo) => void }) {
  const campo = useRef<HTMLInputElement>(null);
  useAccionAtajo('buscar', () => campo.current?.focus());
  useAccionAtajo('limpiar', () => {
    if (!campo.current?.value) return false;
    campo.current.value = '';
  });
  return (
    <>
      <input ref={campo} aria-label="Caja" defaultValue="maria" />
      {alExportar ? <Exportar alExportar={alExportar} /> : null}
    </>
  );
}

function Exportar({ alExportar }: { alExportar: (formato: FormatoAtajo) => void }) {
  useAccionAtajo('exportar', ({ formato }) => alExportar(formato));
  return null;
}

function Pantallas({ alExportar }: { alExportar?: (formato: FormatoAtajo) => void }) {
  const { pathname } = useLocation();
  return (
    <>
      <Notifications />
      <BotonAtajos />
      <textarea aria-label="Nota" />
      <button type="button">Otro botón</button>
      {pathname === '/' ? <Caja alExportar={alExportar} /> : <p>Otra pantalla</p>}
    </>
  );
}

function montar(ruta = '/', alExportar?: (formato: FormatoAtajo) => void) {
  return renderizar(
    <ProveedorAtajos rutaBusqueda="/">
      <Pantallas alExportar={alExportar} />
    </ProveedorAtajos>,
    { ruta },
  );
}

const caja = () => screen.getByRole('textbox', { name: 'Caja' });

describe('atajos de teclado del SAC', () => {
  it('/ enfoca la caja sin escribir la barra; Esc fuera de un campo la limpia', async () => {
    const { persona } = montar();
    await persona.click(screen.getByRole('button', { name: 'Otro botón' }));
    await persona.keyboard('/');
    expect(caja()).toHaveFocus();
    expect(caja()).toHaveValue('maria');

    await persona.click(screen.getByRole('button', { name: 'Otro botón' }));
    await persona.keyboard('{Escape}');
    expect(caja()).toHaveValue('');
    // Con la caja ya vacía, Esc no se consume: sigue su curso para quien más lo escuche.
    const otraVez = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(otraVez);
    expect(otraVez.defaultPrevented).toBe(false);
  });

  it('nunca se disparan mientras se escribe en un campo', async () => {
    const alExportar = vi.fn();
    const { persona } = montar('/', alExportar);
    const nota = screen.getByRole('textbox', { name: 'Nota' });
    await persona.click(nota);
    await persona.keyboard('a/b?{Alt>}c{/Alt}{Escape}');
    expect(nota).toHaveFocus();
    expect(nota).toHaveValue('a/b?');
    expect(alExportar).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(caja()).toHaveValue('maria');
  });

  it('Alt+C / Alt+E / Alt+T exportan el cliente abierto, también si Alt+letra escribe otro carácter', async () => {
    const alExportar = vi.fn();
    const { persona } = montar('/', alExportar);
    await persona.keyboard('{Alt>}c{/Alt}{Alt>}e{/Alt}{Alt>}t{/Alt}');
    expect(alExportar.mock.calls).toEqual([['csv'], ['xlsx'], ['txt']]);
    fireEvent.keyDown(document.body, { key: 'ç', code: 'KeyC', altKey: true });
    expect(alExportar).toHaveBeenLastCalledWith('csv');
  });

  it('sin cliente abierto, Alt+C avisa en vez de exportar', async () => {
    const { persona } = montar();
    await persona.keyboard('{Alt>}c{/Alt}');
    expect(await screen.findByText('No hay un cliente abierto')).toBeInTheDocument();
    expect(screen.getByText('Abra un cliente para exportar su ficha.')).toBeInTheDocument();
  });

  it('? y el botón «Atajos (?)» abren la hoja de atajos; Esc la cierra sin limpiar la caja', async () => {
    const { persona } = montar();
    await persona.keyboard('?');
    const hoja = await screen.findByRole('dialog', { name: 'Atajos de teclado' });
    const filas = within(hoja).getAllByRole('row');
    expect(filas).toHaveLength(8);
    expect(within(hoja).getByRole('row', { name: /^Alt\s*\+\s*C\s*Exportar el cliente abierto en CSV$/ })).toBeInTheDocument();
    expect(within(hoja).getByText(/No se disparan mientras escribe en un campo de texto/)).toBeInTheDocument();
    await persona.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(caja()).toHaveValue('maria');

    await persona.click(screen.getByRole('button', { name: 'Atajos (?)' }));
    expect(await screen.findByRole('dialog', { name: 'Atajos de teclado' })).toBeInTheDocument();
  });

  it('/ en otra pantalla lleva a la de búsqueda y enfoca la caja', async () => {
    const { persona, router } = montar('/otra');
    expect(screen.getByText('Otra pantalla')).toBeInTheDocument();
    await persona.keyboard('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    await waitFor(() => expect(caja()).toHaveFocus());
  });

  it('fuera del proveedor (pantallas que no son del SAC) el botón no aparece', () => {
    renderizar(<BotonAtajos />);
    expect(screen.queryByRole('button', { name: 'Atajos (?)' })).not.toBeInTheDocument();
  });
});
