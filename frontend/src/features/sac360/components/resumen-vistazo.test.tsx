import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fidelizacionResumen, resumenMaria } from '@/testing/datos-sac360-resumen';
import { servidor } from '@/testing/mocks/servidor';
import { renderizar, sinNbsp } from '@/testing/test-utils';
import type { FidelizacionResumen, ResumenCliente } from '../resumen-types';
import { ResumenVistazo } from './resumen-vistazo';

function conResumen(resumen: ResumenCliente) {
  servidor.use(http.get('*/api/clientes/1/resumen', () => HttpResponse.json(resumen)));
}

async function explicacion(fidelizacion: Partial<FidelizacionResumen>) {
  conResumen(resumenMaria({ fidelizacion: fidelizacionResumen(fidelizacion) }));
  renderizar(<ResumenVistazo clienteId={1} />);
  return sinNbsp((await screen.findByTestId('explicacion-fidelizacion')).textContent);
}

describe('ResumenVistazo', () => {
  it('explica la fidelización: este mes y el anterior, el umbral, si calificó y cuánto le falta («más de»)', async () => {
    const texto = await explicacion({});
    expect(sinNbsp(screen.getByTestId('vistazo-total-2026-11').textContent)).toBe('$ 250.000');
    expect(sinNbsp(screen.getByTestId('vistazo-total-2026-10').textContent)).toBe('$ 6.250.000');
    expect(screen.getByText(/Este mes · noviembre de 2026/)).toBeInTheDocument();
    expect(screen.getByText('3 compras pagadas')).toBeInTheDocument();
    expect(screen.getByText('1 compra pagada')).toBeInTheDocument();
    expect(screen.getByText('Calificó en octubre de 2026')).toBeInTheDocument();
    expect(texto).toContain('Califica quien suma más de $ 5.000.000 en compras pagadas');
    expect(texto).toContain('En octubre de 2026 calificó: sus compras pagadas ($ 6.250.000) superaron el umbral.');
    expect(texto).toContain('En noviembre de 2026 le faltan más de $ 4.750.000 para calificar.');
  });

  it('en el borde exacto del umbral no dice que calificó: igual al umbral no es «más de»', async () => {
    const texto = await explicacion({
      mes_actual: { mes: '2026-11', total: '5000000.00', compras: 2 },
      falta_mes_actual: '0.00',
      mes_anterior: { mes: '2026-10', total: '5000000.00', compras: 2 },
      califico_mes_anterior: false,
    });
    expect(texto).toContain('En noviembre de 2026 lleva exactamente el umbral ($ 5.000.000): aún no califica');
    expect(texto).not.toContain('ya superó');
    expect(texto).toContain('En octubre de 2026 no calificó: sus compras pagadas ($ 5.000.000) no superaron el umbral.');
    expect(screen.getByText('No calificó en octubre de 2026')).toBeInTheDocument();
  });

  it('un centavo por encima del umbral ya lo superó', async () => {
    const texto = await explicacion({ mes_actual: { mes: '2026-11', total: '5000000.01', compras: 2 }, falta_mes_actual: '0.00' });
    expect(texto).toContain('En noviembre de 2026 ya superó el umbral');
    expect(sinNbsp(screen.getByTestId('vistazo-total-2026-11').textContent)).toBe('$ 5.000.000,01');
  });

  it('un centavo por debajo del umbral le faltan más de $ 0,01', async () => {
    const texto = await explicacion({ mes_actual: { mes: '2026-11', total: '4999999.99', compras: 2 }, falta_mes_actual: '0.01' });
    expect(texto).toContain('En noviembre de 2026 le faltan más de $ 0,01 para calificar.');
    expect(sinNbsp(screen.getByTestId('vistazo-total-2026-11').textContent)).toBe('$ 4.999.999,99');
  });

  it('la mini-gráfica enumera los 6 meses y sus totales en su aria-label, y en una tabla', async () => {
    conResumen(resumenMaria());
    renderizar(<ResumenVistazo clienteId={1} />);
    const grafica = await screen.findByRole('img', { name: /Compras pagadas de los últimos 6 meses/ });
    const etiqueta = sinNbsp(grafica.getAttribute('aria-label'));
    expect(etiqueta).toBe(
      'Compras pagadas de los últimos 6 meses: junio de 2026: $ 420.000 (1 compra); julio de 2026: $ 0 (0 compras); ' +
        'agosto de 2026: $ 189.900,50 (1 compra); septiembre de 2026: $ 0 (0 compras); octubre de 2026: $ 6.250.000 (3 compras); ' +
        'noviembre de 2026: $ 250.000 (1 compra). Umbral: $ 5.000.000.',
    );
    const tabla = screen.getByRole('table', { name: 'Compras pagadas por mes' });
    expect(within(tabla).getAllByRole('row')).toHaveLength(7);
    expect(within(tabla).getByRole('rowheader', { name: 'junio de 2026' })).toBeInTheDocument();
  });

  it('muestra las advertencias de calidad y lo que tiene en cuponeras, con enlaces a sus contratos', async () => {
    conResumen(
      resumenMaria({
        advertencias: [
          { tipo: 'telefono_invalido', clientes: [{ id: 1, tipo_documento: 'CC', numero_documento: '1020304050', nombre: 'María José', apellido: 'Peña Muñoz' }] },
          {
            tipo: 'duplicado',
            clientes: [
              { id: 1, tipo_documento: 'CC', numero_documento: '1020304050', nombre: 'María José', apellido: 'Peña Muñoz' },
              { id: 9, tipo_documento: 'CE', numero_documento: '445566', nombre: 'María José', apellido: 'Peña Muñoz' },
            ],
          },
        ],
        modulos: {
          cuponeras: { contratos: 2, facturas_por_pagar: 4, saldo_por_pagar: 456200, cupones_vigentes: 0, beneficios_disponibles: 1, enlaces: ['/contratos/100200300', '/contratos/100200301'] },
        },
      }),
    );
    renderizar(<ResumenVistazo clienteId={1} />);
    const advertencias = await screen.findByTestId('advertencias-cliente');
    expect(within(advertencias).getByTestId('conteo-filas')).toHaveTextContent('2 advertencias');
    expect(advertencias).toHaveTextContent('El teléfono no parece un número colombiano');
    expect(advertencias).toHaveTextContent('Puede ser la misma persona registrada con otro documento: CE 445566 (María José Peña Muñoz).');
    const modulo = screen.getByTestId('modulo-cuponeras');
    expect(sinNbsp(modulo.textContent)).toContain('2 contratos · 4 facturas por pagar ($ 456.200) · 0 cupones vigentes · 1 beneficio disponible');
    expect(within(modulo).getByRole('link', { name: 'Ver el contrato 100200300' })).toHaveAttribute('href', '/contratos/100200300');
  });

  it('sin advertencias ni módulos no muestra esas secciones', async () => {
    conResumen(resumenMaria());
    renderizar(<ResumenVistazo clienteId={1} />);
    await screen.findByTestId('explicacion-fidelizacion');
    expect(screen.queryByTestId('advertencias-cliente')).not.toBeInTheDocument();
    expect(screen.queryByTestId('modulo-cuponeras')).not.toBeInTheDocument();
  });
});
