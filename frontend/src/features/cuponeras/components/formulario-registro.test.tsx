import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar } from '@/testing/test-utils';
import { FormularioRegistro } from './formulario-registro';

const CONTRASENA = 'Rio-Seguro-2026';

async function llenar(persona: ReturnType<typeof renderizar>['persona'], { contrasena, confirmacion, ...cambios }: Record<string, string> = {}) {
  const valores: Record<string, string> = {
    'Correo electrónico': 'nueva@example.com',
    Nombre: 'Nora Nueva',
    'Número de contrato': '100200300',
    'Número de documento del titular': '1020304050',
    ...cambios,
  };
  for (const [etiqueta, valor] of Object.entries(valores)) {
    await escribir(persona, screen.getByRole('textbox', { name: new RegExp(`^${etiqueta}`) }), valor);
  }
  await escribir(persona, screen.getByLabelText(/^Contraseña/, { selector: 'input' }), contrasena ?? CONTRASENA);
  await escribir(persona, screen.getByLabelText(/^Confirme la contraseña/, { selector: 'input' }), confirmacion ?? CONTRASENA);
}

describe('FormularioRegistro', () => {
  it('envía los datos del contrato y pide revisar el correo', async () => {
    let cuerpo: unknown = null;
    servidor.use(
      http.post('*/api/auth/registro', async ({ request }) => {
        cuerpo = await request.json();
        return HttpResponse.json({ correo: 'nueva@example.com', verificacion: 'pendiente' }, { status: 201 });
      }),
    );
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona, { 'Correo electrónico': '  nueva@example.com ' });
    await persona.selectOptions(screen.getByRole('combobox', { name: /tipo de documento del titular/i }), 'CE');
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    const aviso = await screen.findByRole('status');
    expect(aviso).toHaveTextContent('Revise su correo');
    expect(aviso).toHaveTextContent('nueva@example.com');
    expect(cuerpo).toEqual({
      correo: 'nueva@example.com',
      nombre: 'Nora Nueva',
      contrasena: CONTRASENA,
      tipo_documento: 'CE',
      numero_documento: '1020304050',
      numero_contrato: '100200300',
    });
    expect(screen.getByRole('link', { name: 'Ir a iniciar sesión' })).toHaveAttribute('href', '/login');
  });

  it('ante datos que no coinciden muestra el mensaje del servidor sin señalar ningún campo', async () => {
    servidor.use(
      http.post('*/api/auth/registro', () =>
        errorApi(422, 'datos_no_coinciden', 'Los datos no coinciden con ningún contrato. Revíselos e intente de nuevo.'),
      ),
    );
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona);
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    const alerta = await screen.findByRole('alert');
    expect(alerta).toHaveTextContent('Los datos no coinciden con ningún contrato. Revíselos e intente de nuevo.');
    for (const campo of screen.getAllByRole('textbox')) expect(campo).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('muestra junto a la contraseña el motivo de una contraseña débil', async () => {
    servidor.use(
      http.post('*/api/auth/registro', () =>
        errorApi(422, 'datos_invalidos', 'La contraseña es demasiado común.', { campos: { contrasena: ['La contraseña es demasiado común.'] } }),
      ),
    );
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona, { contrasena: 'contrasena123', confirmacion: 'contrasena123' });
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    expect(await screen.findByText('La contraseña es demasiado común.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Contraseña/, { selector: 'input' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('un correo ya registrado (409) se señala en el campo del correo', async () => {
    servidor.use(http.post('*/api/auth/registro', () => errorApi(409, 'conflicto', 'Ya existe una cuenta con ese correo.')));
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona);
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    expect(await screen.findByText('Ya existe una cuenta con ese correo.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Correo electrónico/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('un 429 por demasiados intentos se muestra arriba del formulario', async () => {
    servidor.use(http.post('*/api/auth/registro', () => errorApi(429, 'demasiados_intentos', 'Demasiados intentos. Espere 60 segundos.')));
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona);
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Demasiados intentos. Espere 60 segundos.');
  });

  it('revisa antes de enviar: contraseñas distintas y contrato mal escrito, con el foco en el primer error', async () => {
    let llamadas = 0;
    servidor.use(
      http.post('*/api/auth/registro', () => {
        llamadas += 1;
        return HttpResponse.json({}, { status: 201 });
      }),
    );
    const { persona } = renderizar(<FormularioRegistro />);
    await llenar(persona, { 'Número de contrato': '12-ab', confirmacion: 'otra-cosa-2026' });
    await persona.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    expect(screen.getByText('Las contraseñas no coinciden.')).toBeInTheDocument();
    expect(screen.getByText('El número de contrato tiene entre 6 y 12 dígitos.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^Confirme la contraseña/, { selector: 'input' })).toHaveFocus());
    expect(llamadas).toBe(0);
  });
});
