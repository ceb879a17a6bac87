import { Table, VisuallyHidden } from '@mantine/core';
import { formatoEntero, nombreMes } from '@/lib/formato';
import { aCentavos, copDeTexto } from '../lib/resumen-dinero';
import type { TotalMesTexto } from '../resumen-types';

const ANCHO = 240;
const ALTO = 56;
const MARGEN = 4;
const ETIQUETA = 12;

const mesCorto = new Intl.DateTimeFormat('es-CO', { month: 'short', timeZone: 'UTC' });
function abreviatura(mes: string): string {
  const partes = /^(\d{4})-(\d{2})$/.exec(mes);
  if (!partes) return mes;
  return mesCorto.format(new Date(Date.UTC(Number(partes[1]), Number(partes[2]) - 1, 1))).replace('.', '');
}

/** «junio de 2026: $ 420.000 (1 compra)». */
function descripcionMes(total: TotalMesTexto): string {
  const compras = `${formatoEntero(total.compras)} ${total.compras === 1 ? 'compra' : 'compras'}`;
  return `${nombreMes(total.mes)}: ${copDeTexto(total.total)} (${compras})`;
}

interface ResumenSparklineProps {
  meses: TotalMesTexto[];
  umbral: string;
}

/**
 * Barras de los totales pagados de los últimos meses de Bogotá (del más antiguo al actual) con la
 * línea del umbral. SVG propio: `role="img"` con un `aria-label` que enumera cada mes y su total,
 * y la misma información en una tabla oculta a la vista para quien navega por tablas.
 */
export function ResumenSparkline({ meses, umbral }: ResumenSparklineProps) {
  const centavos = meses.map((m) => Number(aCentavos(m.total) ?? 0n));
  const umbralCentavos = Number(aCentavos(umbral) ?? 0n);
  const maximo = Math.max(umbralCentavos, ...centavos, 1);
  const alto = ALTO - ETIQUETA - MARGEN;
  const paso = (ANCHO - MARGEN * 2) / Math.max(meses.length, 1);
  const anchoBarra = paso * 0.6;
  const y = (valor: number) => MARGEN + alto - (valor / maximo) * alto;
  const etiqueta = `Compras pagadas de los últimos ${meses.length} meses: ${meses.map(descripcionMes).join('; ')}. Umbral: ${copDeTexto(umbral)}.`;

  return (
    <div>
      <svg
        role="img"
        aria-label={etiqueta}
        viewBox={`0 0 ${ANCHO} ${ALTO}`}
        width="100%"
        style={{ maxWidth: ANCHO * 1.5, display: 'block' }}
        data-testid="sparkline-fidelizacion"
      >
        {meses.map((mes, i) => {
          const valor = centavos[i] ?? 0;
          const supera = valor > umbralCentavos;
          const tope = y(valor);
          const x = MARGEN + i * paso + (paso - anchoBarra) / 2;
          return (
            <g key={mes.mes}>
              <rect
                x={x}
                y={valor > 0 ? tope : MARGEN + alto - 1}
                width={anchoBarra}
                height={valor > 0 ? Math.max(MARGEN + alto - tope, 1) : 1}
                rx={1.5}
                fill={supera ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-rio-6)'}
              />
              <text x={x + anchoBarra / 2} y={ALTO - 2} textAnchor="middle" fontSize={8} fill="currentColor">
                {abreviatura(mes.mes)}
              </text>
            </g>
          );
        })}
        <line
          x1={MARGEN}
          x2={ANCHO - MARGEN}
          y1={y(umbralCentavos)}
          y2={y(umbralCentavos)}
          stroke="var(--mantine-color-orange-8)"
          strokeDasharray="4 3"
          strokeWidth={1}
        />
      </svg>
      <VisuallyHidden>
        <Table>
          <caption>Compras pagadas por mes</caption>
          <thead>
            <tr>
              <th scope="col">Mes</th>
              <th scope="col">Total pagado</th>
              <th scope="col">Compras</th>
            </tr>
          </thead>
          <tbody>
            {meses.map((mes) => (
              <tr key={mes.mes}>
                <th scope="row">{nombreMes(mes.mes)}</th>
                <td>{copDeTexto(mes.total)}</td>
                <td>{formatoEntero(mes.compras)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </div>
  );
}
