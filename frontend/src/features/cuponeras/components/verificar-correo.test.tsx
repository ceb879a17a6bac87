import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { VerificarCorreo } from './verificar-correo';

describe('VerificarCorreo', () => {
  it('envía el token del enlace una sola vez y confirma con un enlace al inicio de sesión', async () => {
    const tokens: unknown[] = [];
    servidor.use(
      http.post('*/api/auth/verificar', async ({ request }) => {
        tokens.push(await request.json());
        return HttpResponse.json({ mensaje: 'Correo verificado.' });
      }),
    );
    renderizar(<VerificarCorreo token="tok-123" />);
    expect(await screen.findByRole('status')).toHaveTextContent('Correo verificado');
    expect(screen.getByRole('link', { name: 'Ir a iniciar sesión' })).toHaveAttribute('href', '/login');
    expect(tokens).toEqual([{ token: 'tok-123' }]);
  });

  it('un token inválido, usado o vencido (400) muestra el mensaje del servidor', async () => {
    servidor.use(http.post('*/api/auth/verificar', () => errorApi(400, 'token_invalido', 'El enlace de verificación venció o ya se usó.')));
    renderizar(<VerificarCorreo token="viejo" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('El enlace de verificación venció o ya se usó.');
  });

  it('sin token no llama al servidor', async () => {
    renderizar(<VerificarCorreo token={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('El enlace no trae el código de verificación.');
  });
});
