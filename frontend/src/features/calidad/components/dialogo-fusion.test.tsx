import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADVERTENCIAS, pagina, RESULTADO_FUSION } from '@/testing/datos-sac360';
import { errorApi } from '@/testing/mocks/respuestas';
import { servidor } from '@/testing/mocks/servidor';
import { escribir, renderizar } from '@/testing/test-utils';
import { AdvertenciasCalidad } from './advertencias-calidad';

const MOTIVO = '  Misma persona: cédula de extranjería antigua  ';

async function abrirDialogo() {
  const vista = renderizar(<AdvertenciasCalidad puedeFusionar />, { ruta: '/calidad' });
  await vista.persona.click(await screen.findByRole('button', { name: 'Fusionar CC 1020304050 y CE 998877' }));
  const dialogo = await screen.findByRole('dialog', { name: 'Fusionar clientes' });
  return { ...vista, dialogo };
}

describe('DialogoFusion', () => {
  it('explica lo que pasa y deja elegir cuál sobrevive', async () => {
    const { persona, dialogo } = await abrirDialogo();
    const sobrevive = within(dialogo).getByRole('radiogroup', { name: /¿Cuál cliente sobrevive\?/ });
    expect(within(sobrevive).getByRole('radio', { name: 'María José Peña Muñoz · CC 1020304050' })).toBeChecked();
    const explicacion = within(dialogo).getByTestId('explicacion-fusion');
    expect(explicacion).toHaveTextContent('Las compras, los contratos, las notas y los beneficios de María José Peña Muñoz · CE 998877 pasan a');
    expect(explicacion).toHaveTextContent('CE 998877 queda inactivo y su documento queda como alias');
    expect(explicacion).toHaveTextContent('No se puede deshacer.');

    await persona.click(within(sobrevive).getByRole('radio', { name: 'María José Peña Muñoz · CE 998877' }));
    const con = within(dialogo).getByRole('radiogroup', { name: /Se fusiona con/ });
    expect(within(con).getByRole('radio', { name: 'María José Peña Muñoz · CC 1020304050' })).toBeChecked();
    expect(within(con).getAllByRole('radio')).toHaveLength(1);
    expect(explicacion).toHaveTextContent('CC 1020304050 queda inactivo');
  });

  it('con un motivo corto no envía nada y lo dice junto al campo', async () => {
    let pedidos = 0;
    servidor.use(
      http.post('*/api/clientes/:id/fusionar', () => {
        pedidos += 1;
        return HttpResponse.json(RESULTADO_FUSION);
      }),
    );
    const { persona, dialogo } = await abrirDialogo();
    const motivo = within(dialogo).getByRole('textbox', { name: /Motivo/ });
    await escribir(persona, motivo, '   corto   ');
    expect(within(dialogo).getByText('5/300 caracteres (mínimo 10)')).toBeInTheDocument();
    await persona.click(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' }));
    expect(await within(dialogo).findByText('Escriba el motivo (mínimo 10 caracteres).')).toBeInTheDocument();
    expect(motivo).toHaveAttribute('aria-invalid', 'true');
    expect(pedidos).toBe(0);
  });

  it('al fusionar muestra lo que se movió y refresca la lista', async () => {
    let fusionado = false;
    let cuerpo: unknown = null;
    let ruta = '';
    let listados = 0;
    servidor.use(
      http.get('*/api/calidad/advertencias', () => {
        listados += 1;
        return HttpResponse.json(pagina(fusionado ? ADVERTENCIAS.slice(1) : ADVERTENCIAS));
      }),
      http.post('*/api/clientes/:id/fusionar', async ({ request, params }) => {
        ruta = String(params.id);
        cuerpo = await request.json();
        fusionado = true;
        return HttpResponse.json(RESULTADO_FUSION);
      }),
    );
    const { persona, dialogo } = await abrirDialogo();
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /Motivo/ }), MOTIVO);
    await persona.click(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' }));

    const resultado = await within(dialogo).findByRole('status');
    expect(resultado).toHaveTextContent('Clientes fusionados');
    expect(within(resultado).getByRole('list', { name: 'Lo que se movió' })).toHaveTextContent('3 compras0 contratos1 nota2 beneficios');
    expect(resultado).toHaveTextContent('CE 998877 quedó inactivo');
    expect(ruta).toBe('1');
    expect(cuerpo).toEqual({ con: 7, motivo: MOTIVO.trim() });

    await waitFor(() => expect(screen.getByTestId('conteo-filas')).toHaveTextContent('3 advertencias'));
    expect(listados).toBe(2);
    await persona.click(within(dialogo).getByRole('button', { name: 'Volver a la lista' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Fusionar CC 1020304050 y CE 998877' })).not.toBeInTheDocument();
  });

  it('sin los módulos de contratos y beneficios, lo que no llegó cuenta cero', async () => {
    servidor.use(http.post('*/api/clientes/:id/fusionar', () => HttpResponse.json({ ...RESULTADO_FUSION, movidos: { compras: 1, notas: 0, alias: 0 } })));
    const { persona, dialogo } = await abrirDialogo();
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /Motivo/ }), MOTIVO);
    await persona.click(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' }));
    expect(await within(dialogo).findByRole('list', { name: 'Lo que se movió' })).toHaveTextContent('1 compra0 contratos0 notas0 beneficios');
  });

  it('un 409 (ya inactivo) se muestra en español y el diálogo sigue abierto', async () => {
    servidor.use(
      http.post('*/api/clientes/:id/fusionar', () => errorApi(409, 'conflicto', 'El cliente CE 998877 ya está inactivo: no se puede fusionar.')),
    );
    const { persona, dialogo } = await abrirDialogo();
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /Motivo/ }), MOTIVO);
    await persona.click(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' }));
    const alerta = await within(dialogo).findByRole('alert');
    expect(alerta).toHaveTextContent('No se pudo fusionar');
    expect(alerta).toHaveTextContent('El cliente CE 998877 ya está inactivo: no se puede fusionar.');
    expect(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' })).toBeEnabled();
  });

  it('un 422 del motivo aparece junto al campo', async () => {
    servidor.use(
      http.post('*/api/clientes/:id/fusionar', () =>
        errorApi(422, 'datos_invalidos', 'Datos inválidos.', { campos: { motivo: ['El motivo debe tener entre 10 y 300 caracteres.'] } }),
      ),
    );
    const { persona, dialogo } = await abrirDialogo();
    await escribir(persona, within(dialogo).getByRole('textbox', { name: /Motivo/ }), MOTIVO);
    await persona.click(within(dialogo).getByRole('button', { name: 'Fusionar definitivamente' }));
    expect(await within(dialogo).findByText('El motivo debe tener entre 10 y 300 caracteres.')).toBeInTheDocument();
    expect(within(dialogo).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Cancelar cierra sin fusionar', async () => {
    const { persona, dialogo } = await abrirDialogo();
    await persona.click(within(dialogo).getByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
