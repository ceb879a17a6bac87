import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar } from '@/testing/test-utils';
import { RevelarDato } from './revelar-dato';

function registrarPedidos(respuesta: () => Response | Promise<Response> = () => HttpResponse.json({ campo: 'telefono', valor: '3112345678' })) {
  const cuerpos: unknown[] = [];
  servidor.use(
    http.post('*/api/clientes/1/revelar', async ({ request }) => {
      cuerpos.push(await request.json());
      return respuesta();
    }),
  );
  return cuerpos;
}

describe('RevelarDato', () => {
  it('sin permiso (o con el dato entero) muestra el valor sin botón', () => {
    renderizar(<RevelarDato clienteId={1} campo="telefono" valor="3112345678" puedeRevelar={false} />);
    expect(screen.getByText('3112345678')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Revelar/ })).not.toBeInTheDocument();
  });

  it('un motivo corto no se envía: el diálogo dice cuántos caracteres faltan', async () => {
    const cuerpos = registrarPedidos();
    const { persona } = renderizar(<RevelarDato clienteId={1} campo="telefono" valor="311*****78" puedeRevelar />);
    await persona.click(screen.getByRole('button', { name: 'Revelar el teléfono' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Revelar el teléfono' });
    const motivo = screen.getByRole('textbox', { name: /Motivo/ });
    expect(motivo).toHaveFocus();
    await escribir(persona, motivo, '  corto  ');
    expect(dialogo).toHaveTextContent('(lleva 5/300)');
    await persona.click(screen.getByRole('button', { name: 'Revelar' }));
    expect(await screen.findByText('Explique el motivo en al menos 10 caracteres (lleva 5).')).toBeInTheDocument();
    expect(motivo).toHaveAttribute('aria-invalid', 'true');
    expect(cuerpos).toEqual([]);
  });

  it('con un motivo válido envía campo y motivo (recortado) y muestra el valor entero en la ficha', async () => {
    const cuerpos = registrarPedidos();
    const { persona } = renderizar(<RevelarDato clienteId={1} campo="telefono" valor="311*****78" puedeRevelar />);
    expect(screen.getByTestId('contacto-telefono')).toHaveTextContent('311*****78');
    await persona.click(screen.getByRole('button', { name: 'Revelar el teléfono' }));
    await escribir(persona, await screen.findByRole('textbox', { name: /Motivo/ }), ' El cliente pidió confirmar su número ');
    await persona.click(screen.getByRole('button', { name: 'Revelar' }));
    expect(await screen.findByTestId('revelado-telefono')).toHaveTextContent('3112345678');
    await waitFor(() => expect(screen.getByTestId('revelado-telefono')).toHaveFocus());
    expect(cuerpos).toEqual([{ campo: 'telefono', motivo: 'El cliente pidió confirmar su número' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Revelar el teléfono' })).not.toBeInTheDocument();
    expect(screen.queryByText('311*****78')).not.toBeInTheDocument();
  });

  it('muestra el 422 del servidor en el campo del motivo y deja el dato enmascarado', async () => {
    registrarPedidos(() =>
      errorApi(422, 'datos_invalidos', 'Los datos enviados no son válidos.', {
        campos: { motivo: ['Explique el motivo en 10 a 300 caracteres.'] },
      }),
    );
    const { persona } = renderizar(<RevelarDato clienteId={1} campo="correo" valor="ma***@example.com" puedeRevelar />);
    await persona.click(screen.getByRole('button', { name: 'Revelar el correo' }));
    await escribir(persona, await screen.findByRole('textbox', { name: /Motivo/ }), 'Motivo válido para el cliente');
    await persona.click(screen.getByRole('button', { name: 'Revelar' }));
    expect(await screen.findByText('Explique el motivo en 10 a 300 caracteres.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Revelar el correo' })).toBeInTheDocument();
    expect(screen.getByTestId('contacto-correo')).toHaveTextContent('ma***@example.com');
  });

  it('cancelar cierra el diálogo sin pedir nada', async () => {
    const cuerpos = registrarPedidos();
    const { persona } = renderizar(<RevelarDato clienteId={1} campo="direccion" valor="Calle ***" puedeRevelar />);
    await persona.click(screen.getByRole('button', { name: 'Revelar la dirección' }));
    await persona.click(await screen.findByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Revelar la dirección' })).toHaveFocus());
    expect(cuerpos).toEqual([]);
  });
});
