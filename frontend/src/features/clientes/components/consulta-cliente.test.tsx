import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { RESULTADO_MARIA } from '@/testing/datos';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar } from '@/testing/test-utils';
import { ConsultaCliente } from './consulta-cliente';

function campoNumero() {
  return screen.getByRole('textbox', { name: /número de documento/i });
}

describe('ConsultaCliente', () => {
  it('enfoca el número al cargar y busca con Enter, dejando la búsqueda en la URL', async () => {
    const { persona, router } = renderizar(<ConsultaCliente />);
    await waitFor(() => expect(campoNumero()).toHaveFocus());
    await persona.keyboard('1.020.304.050{Enter}');

    expect(await screen.findByRole('heading', { name: 'María José Peña Muñoz' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tipo=CC&numero=1020304050');
    await waitFor(() => expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('Cliente encontrado: María José Peña Muñoz'));
  });

  it('llena el select de tipos desde la API', async () => {
    renderizar(<ConsultaCliente />);
    expect(await screen.findByRole('option', { name: 'Cédula de extranjería (CE)' })).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(5);
  });

  it('valida en línea (NIT con DV errado) sin consultar al servidor', async () => {
    const buscar = vi.fn();
    servidor.use(
      http.get('*/api/clientes/buscar', () => {
        buscar();
        return HttpResponse.json(RESULTADO_MARIA);
      }),
    );
    const { persona, router } = renderizar(<ConsultaCliente />);
    await screen.findByRole('option', { name: 'NIT (NIT)' });
    await persona.selectOptions(screen.getByRole('combobox', { name: /tipo de documento/i }), 'NIT');
    await persona.type(campoNumero(), '900123456-7{Enter}');

    expect(await screen.findByText('El dígito de verificación del NIT no coincide (para 900123456 debe ser 8).')).toBeInTheDocument();
    expect(campoNumero()).toHaveAttribute('aria-invalid', 'true');
    expect(buscar).not.toHaveBeenCalled();
    expect(router.state.location.search).toBe('');
  });

  it('muestra un estado claro de "no encontrado" con el mensaje del servidor', async () => {
    const { persona } = renderizar(<ConsultaCliente />);
    await persona.type(campoNumero(), '99999999{Enter}');
    const aviso = await screen.findByTestId('no-encontrado');
    expect(aviso).toHaveTextContent('No se encontró el cliente');
    expect(aviso).toHaveTextContent('No se encontró un cliente con ese documento.');
    await waitFor(() => expect(screen.getByTestId('anuncio-vivo')).toHaveTextContent('No se encontró el cliente con CC 99999999'));
  });

  it('muestra junto al campo el motivo de un 422 del servidor', async () => {
    servidor.use(
      http.get('*/api/clientes/buscar', () =>
        errorApi(422, 'datos_invalidos', 'numero_documento: motivo del servidor', { campos: { numero_documento: ['Motivo del servidor.'] } }),
      ),
    );
    renderizar(<ConsultaCliente />, { ruta: '/?tipo=CC&numero=123' });
    expect(await screen.findByText('Motivo del servidor.')).toBeInTheDocument();
  });

  it('restaura la búsqueda desde la URL (recargar o Atrás)', async () => {
    renderizar(<ConsultaCliente />, { ruta: '/?tipo=CC&numero=1020304050' });
    expect(await screen.findByRole('heading', { name: 'María José Peña Muñoz' })).toBeInTheDocument();
    expect(campoNumero()).toHaveValue('1020304050');
  });

  it('mientras busca conserva el resultado anterior; lo atenúa y muestra el indicador solo si tarda', async () => {
    let liberar: () => void = () => undefined;
    const { persona } = renderizar(<ConsultaCliente />, { ruta: '/?tipo=CC&numero=1020304050' });
    await screen.findByRole('heading', { name: 'María José Peña Muñoz' });
    servidor.use(
      http.get('*/api/clientes/buscar', async () => {
        await new Promise<void>((resolver) => {
          liberar = resolver;
        });
        return HttpResponse.json({ ...RESULTADO_MARIA, cliente: { ...RESULTADO_MARIA.cliente, id: 2, nombre: 'Otra', apellido: 'Persona' } });
      }),
    );
    await persona.clear(campoNumero());
    await persona.type(campoNumero(), '52987456{Enter}');
    const resultado = await screen.findByTestId('resultado-cliente');
    await waitFor(() => expect(resultado).toHaveAttribute('aria-busy', 'true'));
    expect(resultado).toHaveStyle({ opacity: '1' });
    expect(screen.queryByTestId('indicador-carga')).not.toBeInTheDocument();
    await waitFor(() => expect(resultado).toHaveStyle({ opacity: '0.5' }));
    expect(await screen.findByTestId('indicador-carga', {}, { timeout: 2000 })).toBeInTheDocument();
    liberar();
    expect(await screen.findByRole('heading', { name: 'Otra Persona' })).toBeInTheDocument();
    expect(screen.queryByTestId('indicador-carga')).not.toBeInTheDocument();
  });
  it('dice cuando el documento buscado es de un cliente fusionado y muestra al que lo conserva', async () => {
    servidor.use(http.get('*/api/clientes/buscar', () => HttpResponse.json({ ...RESULTADO_MARIA, por_alias: true })));
    const { persona } = renderizar(<ConsultaCliente />);
    await waitFor(() => expect(campoNumero()).toHaveFocus());
    await persona.selectOptions(await screen.findByRole('combobox', { name: /tipo de documento/i }), 'CE');
    await persona.type(campoNumero(), '7654321{Enter}');

    expect(await screen.findByTestId('por-alias')).toHaveTextContent('CE 7654321 pertenecía a un cliente que se fusionó');
    expect(screen.getByTestId('por-alias')).toHaveTextContent('(CC 1020304050)');
    expect(screen.getByRole('heading', { name: 'María José Peña Muñoz' })).toBeInTheDocument();
  });
});
