import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { FormularioLogin } from './formulario-login';

describe('FormularioLogin', () => {
  it('muestra el mensaje del servidor cuando las credenciales no sirven', async () => {
    servidor.use(http.post('*/api/auth/login', () => errorApi(401, 'credenciales_invalidas', 'Usuario o contraseña incorrectos.')));
    const alIniciar = vi.fn();
    const { persona } = renderizar(<FormularioLogin alIniciar={alIniciar} />);
    await persona.type(screen.getByRole('textbox', { name: /usuario/i }), 'ana');
    await persona.type(screen.getByLabelText(/^contraseña/i, { selector: 'input' }), 'mala{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Usuario o contraseña incorrectos.');
    expect(alIniciar).not.toHaveBeenCalled();
  });

  it('pide los campos vacíos sin llamar al servidor', async () => {
    const { persona } = renderizar(<FormularioLogin alIniciar={vi.fn()} />);
    await persona.click(screen.getByRole('button', { name: 'Ingresar' }));
    expect(screen.getByText('Escriba su usuario.')).toBeInTheDocument();
    expect(screen.getByText('Escriba su contraseña.')).toBeInTheDocument();
  });

  it('muestra el aviso de sesión expirada', () => {
    renderizar(<FormularioLogin aviso="Su sesión expiró. Inicie sesión de nuevo." alIniciar={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Su sesión expiró. Inicie sesión de nuevo.');
  });
});
