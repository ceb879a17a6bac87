import { SegmentedControl, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatoDecimal, formatoEntero } from '@/lib/formato';
import { compararDecimales } from '../lib/decimal';
import type { MetricaProducto, MetricaRepartidor } from '../types';
import { PanelTabla } from './panel-tabla';

/** Entregas por hora, unidades e ingresos de cada repartidor (los diez, en el orden del servidor). */
export function TablaRepartidores({ repartidores }: { repartidores: MetricaRepartidor[] }) {
  return (
    <PanelTabla titulo="Repartidores" etiqueta="Entregas e ingresos por repartidor" anchoMinimo={520}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Repartidor</Table.Th>
          <Table.Th scope="col" ta="right">
            Entregas
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Entregas por hora
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Unidades
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Ingresos
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {repartidores.map((r) => (
          <Table.Tr key={r.id_repartidor}>
            <Table.Th scope="row" fw={500}>
              {r.nombre}
            </Table.Th>
            <Table.Td ta="right">{formatoEntero(r.entregas)}</Table.Td>
            <Table.Td ta="right">{formatoDecimal(r.entregas_por_hora)}</Table.Td>
            <Table.Td ta="right">{formatoEntero(r.unidades)}</Table.Td>
            <Table.Td ta="right">{formatoDecimal(r.ingresos)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </PanelTabla>
  );
}

type Orden = 'unidades' | 'ingresos';

/** Productos más vendidos, por unidades (orden del servidor) o por ingresos (comparados sin coma flotante). */
export function TablaProductos({ productos }: { productos: MetricaProducto[] }) {
  const [orden, setOrden] = useState<Orden>('unidades');
  const ordenados = useMemo(() => {
    if (orden === 'unidades') return productos;
    return [...productos].sort((a, b) => compararDecimales(b.ingresos, a.ingresos) || a.id_producto.localeCompare(b.id_producto));
  }, [productos, orden]);
  return (
    <PanelTabla
      titulo="Productos más vendidos"
      etiqueta={`Productos más vendidos ${orden === 'unidades' ? 'por unidades' : 'por ingresos'}`}
      anchoMinimo={380}
      controles={
        <SegmentedControl
          aria-label="Ordenar productos por"
          value={orden}
          onChange={(valor) => setOrden(valor as Orden)}
          data={[
            { value: 'unidades', label: 'Por unidades' },
            { value: 'ingresos', label: 'Por ingresos' },
          ]}
        />
      }
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Producto</Table.Th>
          <Table.Th scope="col" ta="right" aria-sort={orden === 'unidades' ? 'descending' : undefined}>
            Unidades
          </Table.Th>
          <Table.Th scope="col" ta="right" aria-sort={orden === 'ingresos' ? 'descending' : undefined}>
            Ingresos
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ordenados.map((p) => (
          <Table.Tr key={p.id_producto}>
            <Table.Th scope="row" fw={500}>
              {p.producto}
              <Text span size="xs" c="dimmed" ml={6}>
                {p.id_producto}
              </Text>
            </Table.Th>
            <Table.Td ta="right">{formatoEntero(p.unidades)}</Table.Td>
            <Table.Td ta="right">{formatoDecimal(p.ingresos)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </PanelTabla>
  );
}
