import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import type { UsuarioSistema } from '../types';
import { GestionUsuarios } from './gestion-usuarios';

const USUARIOS: UsuarioSistema[] = [
  { id: 1, usuario: 'admin', nombre: 'Adela Admin', rol: 'admin', activo: true, creado_en: '2026-11-01T08:00:00-05:00' },
  { id: 2, usuario: 'agente', nombre: 'Ana Agente', rol: 'agente', activo: true, creado_en: '2026-11-02T08:00:00-05:00' },
];

describe('GestionUsuarios', () => {
  it('lista, cambia el rol y desactiva (PATCH) sin permitir tocarse a sí mismo', async () => {
    const cambios: unknown[] = [];
    servidor.use(
      http.get('*/api/usuarios', () => HttpResponse.json(USUARIOS)),
      http.patch('*/api/usuarios/2', async ({ request }) => {
        const cambio = (await request.json()) as Partial<UsuarioSistema>;
        cambios.push(cambio);
        return HttpResponse.json({ ...USUARIOS[1], ...cambio });
      }),
    );
    const { persona } = renderizar(<GestionUsuarios usuarioActual="admin" />);
    const tabla = await screen.findByRole('table', { name: 'Usuarios del sistema' });
    expect(within(tabla).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('combobox', { name: 'Rol de admin' })).toBeDisabled();

    await persona.selectOptions(screen.getByRole('combobox', { name: 'Rol de agente' }), 'supervisor');
    await waitFor(() => expect(cambios).toEqual([{ rol: 'supervisor' }]));
    await persona.click(screen.getByRole('button', { name: 'Desactivar a agente' }));
    await waitFor(() => expect(cambios).toEqual([{ rol: 'supervisor' }, { activo: false }]));
    expect(await within(tabla).findByText('Inactivo')).toBeInTheDocument();
  });

  it('crea un usuario y muestra en su campo el conflicto que responde el servidor', async () => {
    servidor.use(
      http.get('*/api/usuarios', () => HttpResponse.json(USUARIOS)),
      http.post('*/api/usuarios', () => errorApi(409, 'conflicto', 'Ya existe un usuario con ese nombre.')),
    );
    const { persona } = renderizar(<GestionUsuarios usuarioActual="admin" />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo usuario' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo usuario' });
    await persona.type(within(dialogo).getByRole('textbox', { name: /^usuario/i }), 'agente');
    await persona.type(within(dialogo).getByRole('textbox', { name: /nombre completo/i }), 'Otra Agente');
    await persona.type(within(dialogo).getByLabelText(/contraseña inicial/i), 'Clave-Segura-2026');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear usuario' }));
    expect(await within(dialogo).findByText('Ya existe un usuario con ese nombre.')).toBeInTheDocument();
  });

  it('un vendedor necesita zona: se pide antes de enviar y va en el cuerpo; los demás roles no la llevan', async () => {
    const cuerpos: unknown[] = [];
    servidor.use(
      http.get('*/api/usuarios', () => HttpResponse.json(USUARIOS)),
      http.post('*/api/usuarios', async ({ request }) => {
        const cuerpo = (await request.json()) as Record<string, unknown>;
        cuerpos.push(cuerpo);
        return HttpResponse.json({ id: 9, activo: true, creado_en: '2026-11-29T08:00:00-05:00', zona: null, ...cuerpo }, { status: 201 });
      }),
    );
    const { persona } = renderizar(<GestionUsuarios usuarioActual="admin" />);
    await persona.click(await screen.findByRole('button', { name: 'Nuevo usuario' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Nuevo usuario' });
    expect(within(dialogo).queryByRole('textbox', { name: /^zona/i })).not.toBeInTheDocument();
    await persona.type(within(dialogo).getByRole('textbox', { name: /^usuario/i }), 'vnorte');
    await persona.type(within(dialogo).getByRole('textbox', { name: /nombre completo/i }), 'Vera Norte');
    await persona.type(within(dialogo).getByLabelText(/contraseña inicial/i), 'Clave-Segura-2026');
    await persona.selectOptions(within(dialogo).getByRole('combobox', { name: 'Rol' }), 'vendedor');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear usuario' }));
    expect(await within(dialogo).findByText('Escriba la zona del vendedor.')).toBeInTheDocument();
    expect(cuerpos).toEqual([]);

    await persona.type(within(dialogo).getByRole('textbox', { name: /^zona/i }), 'Bogotá Norte');
    await persona.click(within(dialogo).getByRole('button', { name: 'Crear usuario' }));
    await waitFor(() =>
      expect(cuerpos).toEqual([{ usuario: 'vnorte', nombre: 'Vera Norte', rol: 'vendedor', contrasena: 'Clave-Segura-2026', zona: 'Bogotá Norte' }]),
    );
  }, 45_000);
});
